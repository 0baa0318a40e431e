package dev.modelcost.processor.testing;

import static com.google.common.truth.Truth.assertWithMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks GitHub-flavoured Markdown tables as GitHub reads them: a table is a run of lines that start with a
 * pipe; its second line is the delimiter row; every row has as many cells as the header, a cell ending at a pipe
 * that no backslash escapes.
 */
public final class GfmTables {
    private GfmTables() {
    }

    /** Every table of the text, as its rows of cells (the header first, without the delimiter row). */
    public static List<List<List<String>>> tables(String markdown) {
        List<List<List<String>>> tables = new ArrayList<>();
        List<List<String>> table = null;
        for (String line : markdown.split("\n", -1)) {
            if (!line.startsWith("|")) {
                table = null;
                continue;
            }
            if (table == null) {
                table = new ArrayList<>();
                tables.add(table);
            }
            table.add(cells(line));
        }
        for (List<List<String>> t : tables) {
            assertWithMessage("a table's delimiter row").that(t.size()).isAtLeast(2);
            assertWithMessage("a delimiter row").that(String.join("|", t.get(1))).matches("(-+:?\\|?)+");
            t.remove(1);
        }
        return tables;
    }

    /** Asserts that every table is well formed: each row has the header's number of cells. */
    public static void assertValid(String markdown) {
        for (List<List<String>> table : tables(markdown)) {
            int columns = table.get(0).size();
            for (List<String> row : table) {
                assertWithMessage("cells of %s in a table of header %s", row, table.get(0)).that(row).hasSize(columns);
            }
        }
    }

    /** The cells of one row: between unescaped pipes, trimmed. */
    public static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean opened = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                cell.append(c).append(line.charAt(++i));
            } else if (c == '|') {
                if (opened) {
                    cells.add(cell.toString().trim());
                }
                opened = true;
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        assertWithMessage("a row ends with a pipe: %s", line).that(cell.toString().trim()).isEmpty();
        return cells;
    }
}
