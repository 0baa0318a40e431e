package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcost.Convention;
import dev.modelcost.ModelCost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What {@link PrintCosts} prints: the summary without arguments, the named networks' tables with them. */
class PrintCostsTest {
    /** A count scaled to three digits and an SI prefix, as {@code 4.09 G} or {@code 714 M} or {@code 410}. */
    private static final String SCALED = "[0-9.]+( [kMGTPE])?";
    /** Bytes scaled to three digits and a binary prefix, as {@code 9.19 MiB}. */
    private static final String SCALED_BYTES = "[0-9.]+ ([KMGTPE]i)?B";

    @Test
    void startsWithTheConventionsInTheWordsOfTheOneSource() {
        List<String> lines = run().lines;
        assertEquals("Cost per input sample (batch 1), counted at compile time by modelcost.", lines.get(0));
        List<String> stated = new ArrayList<>();
        for (Convention figure : List.of(Convention.MACS, Convention.FLOPS, Convention.PARAMS,
                Convention.ACTIVATIONS, Convention.PEAK_ACTIVATION_BYTES)) {
            stated.add("  " + figure.label() + ": " + figure.summary());
        }
        assertEquals(stated, lines.subList(1, 6));
        assertEquals("Bytes are at FP32.", lines.get(6));
    }

    @Test
    void theIssuesSevenNetworksComeFirstUnderTheirClassNames() throws ReflectiveOperationException {
        assertEquals(List.of("AlexNet", "Vgg16", "ResNet18", "ResNet50", "MobileNetV2", "DcganGenerator", "UNet"),
                List.copyOf(PrintCosts.NETWORKS.keySet()).subList(0, 7));
        assertEquals(List.of("VitB16", "SwinT", "Gpt2Small", "Llama32OneB", "LstmLanguageModel"),
                List.copyOf(PrintCosts.NETWORKS.keySet()).subList(7, 12));
        assertEquals(18, PrintCosts.NETWORKS.size());
        for (Map.Entry<String, ModelCost> entry : PrintCosts.NETWORKS.entrySet()) {
            Class<?> cost = Class.forName("dev.modelcost.sample." + entry.getKey() + "Cost");
            assertSame(cost.getField("MODEL").get(null), entry.getValue(), entry.getKey());
        }
    }

    @Test
    void withoutArgumentsOneSummaryRowPerNetwork() {
        Printed printed = run();
        assertEquals(0, printed.status);
        for (ModelCost network : PrintCosts.NETWORKS.values()) {
            // each exact figure of MACs, parameters and peak bytes has its scaled value beside it
            String row = "  " + Pattern.quote(network.name()) + " +" + network.inputShapeText() + " +"
                    + grouped(network.macs()) + " +" + SCALED + " +" + grouped(network.flops()) + " +"
                    + grouped(network.params()) + " +" + SCALED + " +" + grouped(network.activations()) + " +"
                    + grouped(network.peakActivationBytes()) + " +" + SCALED_BYTES + " +" + network.layers().size();
            assertEquals(1, printed.lines.stream().filter(line -> line.matches(row)).count(), row);
            assertFalse(printed.lines.contains(network.name() + ": " + network.inputShapeText() + " -> "
                    + network.outputShapeText() + ", " + network.layers().size() + " layers"), network.name());
        }
        assertTrue(printed.lines.stream().anyMatch(line -> line.contains("-Dexec.args=\"ResNet50")));
    }

    @Test
    void summaryRowOfResNet50HasTheIssuesFigures() {
        String row = run().lines.stream().filter(line -> line.startsWith("  ResNet-50 ")).findFirst().orElseThrow();
        // 4,089,184,256 MACs and 25,557,032 parameters: see ResNet50Test. The peak of live activations is in
        // layer1.0, at its projection's batch norm: bn3, the projection and its batch norm, 3 * 256*56*56 =
        // 2,408,448 elements alive, 9,633,792 bytes in FP32. Scaled to three digits: 4.09 G, 25.6 M, and
        // 9,633,792 / 2^20 = 9.1875 MiB.
        assertTrue(row.matches("  ResNet-50 +3x224x224 +4,089,184,256 +4\\.09 G +[0-9,]+ +25,557,032 +25\\.6 M"
                + " +[0-9,]+ +9,633,792 +9\\.19 MiB +174"), row);
    }

    @Test
    void aNamedNetworkPrintsItsTableOnly() {
        Printed printed = run("ResNet50");
        assertEquals(0, printed.status);
        assertTrue(printed.lines.contains("ResNet-50: 3x224x224 -> 1000, 174 layers"), printed.text());
        assertEquals(1, printed.lines.stream().filter(line -> line.matches("\\S.*: .* layers")).count());
        assertFalse(printed.text().contains("activations  layers"), "no summary");
        assertTrue(totalsLine(printed, "ResNet-50").contains("4,089,184,256"));
        assertTrue(lineOf(printed, "ResNet-50", " layer2.0.downsample ").contains("256x56x56 -> 512x28x28"));
    }

    @Test
    void namesIgnoreCaseAndPunctuationAndMayBeDisplayNames() {
        assertSame(ResNet50Cost.MODEL, PrintCosts.find("resnet50"));
        assertSame(ResNet50Cost.MODEL, PrintCosts.find("ResNet-50"));
        assertSame(DcganGeneratorCost.MODEL, PrintCosts.find("DCGAN generator"));
        assertSame(UNetCost.MODEL, PrintCosts.find("U-Net"));
        assertSame(MobileNetV1Cost.MODEL, PrintCosts.find("MobileNetV1"));
        assertNull(PrintCosts.find("ResNet"));
    }

    @Test
    void allPrintsEveryNetworksTableWithItsTotals() {
        Printed printed = run("all");
        for (ModelCost network : PrintCosts.NETWORKS.values()) {
            assertTrue(printed.lines.contains(network.name() + ": " + network.inputShapeText() + " -> "
                    + network.outputShapeText() + ", " + network.layers().size() + " layers"), network.name());
            String totals = totalsLine(printed, network.name());
            assertTrue(totals.contains(grouped(network.macs())), totals);
            assertTrue(totals.contains(grouped(network.params())), totals);
            assertTrue(totals.contains(grouped(network.flops())), totals);
        }
    }

    @Test
    void depthFoldsTheTablesBelowIt() {
        // ResNet-50: 4 stem layers, 4 stages, the pool and the classifier
        List<String> byStage = table(run("ResNet50", "--depth", "1"), "ResNet-50");
        assertEquals(2 + 10 + 2, byStage.size(), String.join("\n", byStage));
        assertTrue(byStage.stream().anyMatch(line -> line.contains(" layer3 ")));
        assertFalse(byStage.stream().anyMatch(line -> line.contains("layer3.")));
        // and the 3 + 4 + 6 + 3 = 16 blocks, each a row of its own, but not their layers
        List<String> byBlock = table(run("ResNet50", "--depth=2"), "ResNet-50");
        assertEquals(2 + 26 + 2, byBlock.size());
        assertTrue(byBlock.stream().anyMatch(line -> line.contains(" layer3.5 ")));
        assertFalse(byBlock.stream().anyMatch(line -> line.contains("layer3.5.")));
        // without a depth every layer is there besides the 20 groups: 174 + 20 rows
        assertEquals(2 + 194 + 2, table(run("ResNet50"), "ResNet-50").size());
        assertEquals(table(run("ResNet50"), "ResNet-50"), table(run("ResNet50", "--depth", "3"), "ResNet-50"));
        assertEquals(table(run("ResNet50"), "ResNet-50"), table(run("--depth=99999999999", "ResNet50"), "ResNet-50"));
    }

    @Test
    void aDepthMustBeAWholeNumberOfOneOrMore() {
        for (String[] args : List.of(new String[] {"ResNet50", "--depth"}, new String[] {"--depth", "0", "UNet"},
                new String[] {"ResNet50", "--depth=x"}, new String[] {"--depth", "-1"})) {
            Printed printed = run(args);
            assertEquals(PrintCosts.UNKNOWN_NETWORK, printed.status, String.join(" ", args));
            assertEquals(List.of(), printed.lines);
            assertTrue(printed.err.contains("--depth takes a depth of 1 or more"), printed.err);
        }
    }

    @Test
    void anUnknownNameIsAnErrorThatListsTheNetworks() {
        Printed printed = run("UNet", "ResNet51");
        assertEquals(PrintCosts.UNKNOWN_NETWORK, printed.status);
        assertEquals(List.of(), printed.lines);
        assertTrue(printed.err.contains("'ResNet51'"), printed.err);
        assertTrue(printed.err.contains("ResNet18, ResNet50, MobileNetV2"), printed.err);
    }

    @Test
    void printsTheDcganFiguresGrouped() {
        Printed printed = run("DcganGenerator");
        String totals = totalsLine(printed, "DCGAN generator");
        // 104,628,224 MACs and 3,576,704 parameters: see DcganGeneratorTest
        assertTrue(totals.matches(".*100x1x1 -> 3x64x64 +104,628,224 +3,576,704 +209,686,528"), totals);
        assertTrue(lineOf(printed, "DCGAN generator", " up1 ").contains("512x4x4 -> 256x8x8"));
        assertTrue(lineOf(printed, "DCGAN generator", " up1 ").contains("33,554,432"));
    }

    @Test
    void numbersAreRightAlignedUnderTheirHeadings() {
        assertRightAligned(table(run("MobileNetV1"), "MobileNet V1 (without classifier)"),
                List.of("MACs", "params", "FLOPs"));
        List<String> lines = run().lines;
        int headings = lines.indexOf(lines.stream().filter(line -> line.startsWith("  network ")).findFirst()
                .orElseThrow());
        assertRightAligned(lines.subList(headings, headings + 2 + PrintCosts.NETWORKS.size()),
                List.of("MACs", "FLOPs", "params", "activations", "peak act. bytes", "layers"));
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
        assertEquals(run().lines, bytes.toString(StandardCharsets.UTF_8).lines().toList());
    }

    /** Each column's cells, below its heading, end where the heading ends. */
    private static void assertRightAligned(List<String> table, List<String> columns) {
        String headings = table.get(0);
        for (String column : columns) {
            int end = headings.indexOf(column) + column.length();
            for (String line : table.subList(1, table.size())) {
                if (!line.trim().startsWith("-")) {
                    assertTrue(Character.isDigit(line.charAt(end - 1)), column + ": " + line);
                    assertTrue(end == line.length() || line.charAt(end) == ' ', column + ": " + line);
                }
            }
        }
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** What one run printed. */
    private record Printed(int status, List<String> lines, String err) {
        String text() {
            return String.join("\n", lines);
        }
    }

    private static Printed run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = PrintCosts.run(args, outStream, errStream);
        }
        return new Printed(status, out.toString(StandardCharsets.UTF_8).lines().toList(),
                err.toString(StandardCharsets.UTF_8));
    }

    /** The lines of a network's table, from its heading row to its totals row, without the legend above. */
    private static List<String> table(Printed printed, String network) {
        List<String> lines = printed.lines;
        int title = -1;
        for (int i = 0; i < lines.size() && title < 0; i++) {
            if (lines.get(i).startsWith(network + ": ")) {
                title = i;
            }
        }
        assertTrue(title >= 0, "no table for " + network);
        int start = lines.get(title + 1).equals(CostTable.LEGEND) ? title + 2 : title + 1;
        int end = start;
        while (!lines.get(end).trim().startsWith("total")) {
            end++;
        }
        return lines.subList(start, end + 1);
    }

    private static String totalsLine(Printed printed, String network) {
        List<String> table = table(printed, network);
        return table.get(table.size() - 1);
    }

    private static String lineOf(Printed printed, String network, String part) {
        return table(printed, network).stream().filter(line -> line.contains(part)).findFirst().orElseThrow();
    }
}
