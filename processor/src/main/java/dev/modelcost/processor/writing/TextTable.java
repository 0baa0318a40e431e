package dev.modelcost.processor.writing;

import dev.modelcost.processor.writing.MarkdownTable.Column;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table for a terminal: columns padded with spaces to their widest cell, figures aligned right. */
final class TextTable {
    private final List<Column> columns;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    void row(List<String> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(cells.size() + " cells in a table of " + columns.size()
                    + " columns");
        }
        rows.add(List.copyOf(cells));
    }

    /** The header and the rows, each line indented by {@code indent} and without trailing spaces. */
    String text(String indent) {
        int[] widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = columns.get(c).header().length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, indent, columns.stream().map(Column::header).toList(), widths);
        for (List<String> row : rows) {
            line(text, indent, row, widths);
        }
        return text.toString();
    }

    private void line(StringBuilder text, String indent, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - cell.length());
            if (c > 0) {
                line.append("  ");
            }
            line.append(columns.get(c).right() ? padding + cell : cell + padding);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
