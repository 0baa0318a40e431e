package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The column layout of {@link TextTable}. */
class TextTableTest {

    @Test
    void columnsAsWideAsTheirWidestCellTextLeftNumbersRight() {
        TextTable table = new TextTable(new String[] {"name", "n"}, new boolean[] {false, true})
                .row("a", "1,000")
                .row("longer", "7")
                .rule()
                .row("total", "1,007");
        assertEquals(List.of(
                "  name        n",
                "  -------------",
                "  a       1,000",
                "  longer      7",
                "  -------------",
                "  total   1,007"), printed(table));
    }

    @Test
    void noTrailingSpacesAfterAnEmptyLastCell() {
        TextTable table = new TextTable(new String[] {"a", "note"}, new boolean[] {false, false}).row("x", "");
        assertEquals("  x", printed(table).get(2));
    }

    @Test
    void aRowMustHaveOneCellPerColumn() {
        TextTable table = new TextTable(new String[] {"a", "b"}, new boolean[] {false, true});
        assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
        assertThrows(IllegalArgumentException.class, () -> new TextTable(new String[] {"a"}, new boolean[0]));
    }

    private static List<String> printed(TextTable table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            table.print(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
