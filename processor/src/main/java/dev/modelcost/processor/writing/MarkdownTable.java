package dev.modelcost.processor.writing;

import java.util.List;

/**
 * A GitHub-flavoured Markdown table: a header row, its delimiter row with each column's alignment, and rows of
 * exactly as many cells, each written on its own so that a length budget can decide how many to keep.
 */
final class MarkdownTable {
    /** A column: its header and whether its figures align right. */
    record Column(String header, boolean right) {
        static Column left(String header) {
            return new Column(header, false);
        }

        static Column right(String header) {
            return new Column(header, true);
        }
    }

    private final List<Column> columns;

    MarkdownTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The header row and the delimiter row. */
    String header() {
        StringBuilder text = new StringBuilder("|");
        for (Column column : columns) {
            text.append(' ').append(column.header()).append(" |");
        }
        text.append("\n|");
        for (Column column : columns) {
            text.append(column.right() ? "---:|" : "---|");
        }
        return text.append('\n').toString();
    }

    /** Appends one row to {@code md}; its cells are Markdown already (user text passed through {@link #escape}). */
    StringBuilder row(StringBuilder md, String... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException(cells.length + " cells in a table of " + columns.size()
                    + " columns");
        }
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(cell).append(" |");
        }
        return md.append('\n');
    }

    /** Keeps user text from breaking the table or the markup. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
    }
}
