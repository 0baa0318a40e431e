package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcost.ModelCost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What {@link PrintCosts} prints. */
class PrintCostsTest {

    @Test
    void startsWithTheConventions() {
        String header = String.join(" ", printed().subList(0, 3));
        assertTrue(header.contains("MACs = multiply-accumulates of conv, deconv and dense layers"), header);
        assertTrue(header.contains("FLOPs = 2 * MACs + bias additions"), header);
    }

    @Test
    void printsEveryNetworkWithItsTotals() {
        String text = String.join("\n", printed());
        assertEquals(7, PrintCosts.NETWORKS.size());
        for (ModelCost network : PrintCosts.NETWORKS) {
            assertTrue(text.contains(network.name() + ": " + network.inputShapeText() + " -> "
                    + network.outputShapeText() + ", " + network.layers().size() + " layers"), network.name());
            String totals = totalsLine(network.name());
            assertTrue(totals.contains(String.format(Locale.ROOT, "%,d", network.macs())), totals);
            assertTrue(totals.contains(String.format(Locale.ROOT, "%,d", network.params())), totals);
            assertTrue(totals.contains(String.format(Locale.ROOT, "%,d", network.flops())), totals);
        }
    }

    @Test
    void printsTheDcganFiguresGrouped() {
        String totals = totalsLine("DCGAN generator");
        // 104,628,224 MACs and 3,576,704 parameters: see DcganGeneratorTest
        assertTrue(totals.matches(".*100x1x1 -> 3x64x64 +104,628,224 +3,576,704 +209,686,528"), totals);
        assertTrue(lineOf("DCGAN generator", " up1 ").contains("512x4x4 -> 256x8x8"));
        assertTrue(lineOf("DCGAN generator", " up1 ").contains("33,554,432"));
    }

    @Test
    void numbersAreRightAlignedUnderTheirHeadings() {
        List<String> table = table("MobileNet V1 (without classifier)");
        String headings = table.get(0);
        for (String column : List.of("MACs", "params", "FLOPs")) {
            int end = headings.indexOf(column) + column.length();
            for (String line : table.subList(1, table.size())) {
                if (!line.trim().startsWith("-")) {
                    assertTrue(Character.isDigit(line.charAt(end - 1)), column + ": " + line);
                    assertTrue(end == line.length() || line.charAt(end) == ' ', column + ": " + line);
                }
            }
        }
    }

    @Test
    void mainPrintsToStandardOutput() {
        PrintStream standard = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            PrintCosts.main(new String[0]);
        } finally {
            System.setOut(standard);
        }
        assertEquals(printed(), bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private static List<String> printed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            PrintCosts.print(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The lines of a network's table, from its heading row to its totals row. */
    private static List<String> table(String network) {
        List<String> lines = printed();
        int title = -1;
        for (int i = 0; i < lines.size() && title < 0; i++) {
            if (lines.get(i).startsWith(network + ": ")) {
                title = i;
            }
        }
        assertTrue(title >= 0, "no table for " + network);
        int end = title + 1;
        while (!lines.get(end).trim().startsWith("total")) {
            end++;
        }
        return lines.subList(title + 1, end + 1);
    }

    private static String totalsLine(String network) {
        List<String> table = table(network);
        return table.get(table.size() - 1);
    }

    private static String lineOf(String network, String part) {
        return table(network).stream().filter(line -> line.contains(part)).findFirst().orElseThrow();
    }
}
