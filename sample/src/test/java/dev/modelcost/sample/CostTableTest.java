package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcost.ModelCost;
import dev.modelcost.Reports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@link CostTable}: the rows of stages and blocks with their sums and shares, indented by level above their
 * layers; numbers grouped as by {@link Reports#grouped}.
 */
class CostTableTest {

    @Test
    void groupsByThousandsWithCommasWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("104,628,224", Reports.grouped(104_628_224L));
            assertEquals("32.1", CostTable.percent(33_554_432L, 104_628_224L));
        } finally {
            Locale.setDefault(before);
        }
        assertEquals("0", Reports.grouped(0));
        assertEquals("999", Reports.grouped(999));
        assertEquals("1,000", Reports.grouped(1_000));
    }

    @Test
    void percentOfNothingIsZero() {
        assertEquals("0.0", CostTable.percent(0, 0));
        assertEquals("100.0", CostTable.percent(5, 5));
    }

    @Test
    void aShareAsAPercentage() {
        assertEquals("32.1", CostTable.percent(0.321));
        // 215,808 of ResNet-50's 25,557,032 parameters, 0.844 %
        assertEquals("0.8", CostTable.percent(215_808L, 25_557_032L));
        assertEquals("100.0", CostTable.percent(1.0));
    }

    @Test
    void resNet50sFirstStageHasARowWithItsSumsAndShares() {
        // 667,942,912 MACs (see NetworkStagesTest), 16.33 % of 4,089,184,256; 215,808 parameters, 0.84 % of
        // 25,557,032; layers 4 to 35, three blocks of 12, 10 and 10 layers; 64 channels in, 256 out at 56x56
        String row = line(printed(ResNet50Cost.MODEL, CostTable.EVERY_DEPTH), " layer1 ");
        assertTrue(row.matches(" +4-35 {2}layer1 +stage +3 blocks, 32 layers +64x56x56 -> 256x56x56 +667,942,912"
                + " +16\\.3 +215,808 +0\\.8 +[0-9,]+ +[0-9.]+"), row);
        // 231,211,008 MACs (NetworkStagesTest): 5.65 %; weights 73,728 and batch norms 1,280
        String block = line(printed(ResNet50Cost.MODEL, CostTable.EVERY_DEPTH), " layer1.0 ");
        assertTrue(block.matches(" +4-15 {4}layer1\\.0 +block +12 layers +64x56x56 -> 256x56x56 +231,211,008"
                + " +5\\.7 +75,008 +0\\.3 +[0-9,]+ +[0-9.]+"), block);
    }

    @Test
    void eachLevelIsIndentedUnderTheRowThatSumsIt() {
        List<String> lines = printed(ResNet50Cost.MODEL, CostTable.EVERY_DEPTH);
        int column = line(lines, " conv1 ").indexOf("conv1");
        assertEquals(column, line(lines, " layer1 ").indexOf("layer1"));
        assertEquals(column + 2, line(lines, " layer1.0 ").indexOf("layer1.0"));
        assertEquals(column + 4, line(lines, " layer1.0.conv1 ").indexOf("layer1.0.conv1"));
        assertEquals(column, line(lines, " fc ").indexOf("fc"));
        // pre-order: a stage, its first block, that block's layers, the next block
        assertTrue(lines.indexOf(line(lines, " layer1 ")) + 1 == lines.indexOf(line(lines, " layer1.0 ")));
        assertTrue(lines.indexOf(line(lines, " layer1.0 ")) + 1 == lines.indexOf(line(lines, " layer1.0.conv1 ")));
        assertTrue(lines.indexOf(line(lines, " layer1.0.relu3 ")) + 1 == lines.indexOf(line(lines, " layer1.1 ")));
        assertTrue(lines.indexOf(line(lines, " layer1.2.relu3 ")) + 1 == lines.indexOf(line(lines, " layer2 ")));
    }

    @Test
    void theLegendAndTheScaledTotals() {
        List<String> lines = printed(ResNet50Cost.MODEL, 1);
        assertEquals("ResNet-50: 3x224x224 -> 1000, 174 layers", lines.get(0));
        assertEquals(CostTable.LEGEND, lines.get(1));
        // 4,089,184,256 MACs, 25,557,032 parameters, 8,217,632,232 FLOPs to three digits
        assertEquals("  4.09 GMACs, 25.6 M parameters, 8.22 GFLOPs", lines.get(lines.size() - 1));
        // AlexNet has no stages: no legend, no stage rows
        List<String> alexNet = printed(AlexNetCost.MODEL, CostTable.EVERY_DEPTH);
        assertFalse(alexNet.contains(CostTable.LEGEND));
        assertFalse(alexNet.stream().anyMatch(line -> line.contains(" stage ") || line.contains(" block ")));
        // the title, headings and rule, 21 layers, rule and totals, two lines of further totals
        assertEquals(1 + 2 + 21 + 2 + 2, alexNet.size());
    }

    @Test
    void aDepthOfLessThanOneIsNotAllowed() {
        assertThrows(IllegalArgumentException.class, () -> new CostTable(System.out, 0));
    }

    @Test
    void shapesJoinWithX() {
        assertEquals("3x16x112x112", CostTable.shape(new int[] {3, 16, 112, 112}));
        assertEquals("10", CostTable.shape(new int[] {10}));
    }

    private static List<String> printed(ModelCost network, int depth) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new CostTable(out, depth).print(network);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String line(List<String> lines, String part) {
        return lines.stream().filter(line -> line.contains(part)).findFirst().orElseThrow(() -> new AssertionError(
                part));
    }
}
