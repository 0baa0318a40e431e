package dev.modelcost.processor.writing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.LayerTable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text form of the per-layer breakdown in generated cost classes, and its cutting into string literals that
 * javac accepts.
 */
class LayerTableTest {
    private static final LayerCost CONV = new LayerCost(0, "stem", LayerKind.CONV, "k=3 s=2 p=1",
            new int[] {3, 224, 224}, new int[] {32, 112, 112}, 10_838_016L, 401_408L, 22_077_440L, 896L, 401_408L,
            1_605_632L, 2_211_328L, -1L);

    @Test
    void aLayerIsOneLineOfTabSeparatedColumns() {
        String line = LayerTable.appendLine(new StringBuilder(), CONV).toString();

        assertThat(line).isEqualTo("stem\tCONV\tk=3 s=2 p=1\t3x224x224\t32x112x112\t10838016\t401408\t22077440\t896"
                + "\t401408\t1605632\t2211328\t-1\n");
    }

    @Test
    void readingGivesBackEveryColumnWithTheLineAsIndex() {
        LayerCost dense = new LayerCost(1, "head", LayerKind.DENSE, "", new int[] {16, 7, 7}, new int[] {10},
                Long.MAX_VALUE, 10L, 0L, 7_850L, 10L, 40L, 31_436L, 42L);
        StringBuilder table = LayerTable.appendLine(new StringBuilder(), CONV);

        List<LayerCost> layers = LayerTable.read(LayerTable.appendLine(table, dense));

        assertThat(layers).hasSize(2);
        assertThat(layers.get(0).toString()).isEqualTo(CONV.toString());
        LayerCost read = layers.get(1);
        assertThat(read.index()).isEqualTo(1);
        assertThat(read.name()).isEqualTo("head");
        assertThat(read.kind()).isEqualTo(LayerKind.DENSE);
        assertThat(read.settings()).isEmpty();
        assertThat(read.inputShape()).isEqualTo(new int[] {16, 7, 7});
        assertThat(read.outputShape()).isEqualTo(new int[] {10});
        assertThat(new long[] {read.macs(), read.biasAdds(), read.flops(), read.params(), read.activations(),
                read.activationBytes(), read.bytesMoved(), read.latencyNanos()})
                .isEqualTo(new long[] {Long.MAX_VALUE, 10L, 0L, 7_850L, 10L, 40L, 31_436L, 42L});
    }

    @Test
    void separatorsWithinTextAreEscapedAndReadBack() {
        String settings = "a\tb\nc\\t d\\";
        LayerCost odd = new LayerCost(0, "x\\n", LayerKind.ADD, settings, new int[] {1}, new int[] {1}, 0, 0, 1,
                0, 1, 4, 12, -1);

        StringBuilder table = LayerTable.appendLine(new StringBuilder(), odd);
        LayerCost read = LayerTable.read(table).get(0);

        assertThat(table.toString()).startsWith("x\\\\n\tADD\ta\\tb\\nc\\\\t d\\\\\t1\t");
        assertThat(read.name()).isEqualTo("x\\n");
        assertThat(read.settings()).isEqualTo(settings);
    }

    @Test
    void aLineWithoutItsThirteenColumnsIsRejected() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> LayerTable.read("stem\tCONV\n"));
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                () -> LayerTable.read(LayerTable.appendLine(new StringBuilder(), CONV).insert(0, "a\t")));

        assertThat(missing).hasMessageThat().isEqualTo("line 1 of the layer table has 2 columns, not 13");
        assertThat(extra).hasMessageThat().isEqualTo("line 1 of the layer table has 14 columns, not 13");
    }

    @Test
    void anEmptyTableHasNoLayers() {
        assertThat(LayerTable.read("")).isEmpty();
    }

    @Test
    void partsEndAtLineEndsAndStayWithinTheConstantLimit() {
        // 1,000 lines of 99 ASCII characters and a line feed: 100 bytes each, so 491 whole lines fill a part of
        // 49,152 bytes (491 * 100 = 49,100; one more line would make 49,200).
        String line = "a".repeat(99) + "\n";
        String table = line.repeat(1_000);

        List<String> parts = CostClassWriter.parts(table);

        assertThat(CostClassWriter.PART_BYTES).isEqualTo(49_152);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).isEqualTo(line.repeat(491));
        assertThat(parts.get(1)).isEqualTo(line.repeat(491));
        assertThat(parts.get(2)).isEqualTo(line.repeat(18));
    }

    @Test
    void aLineLongerThanAPartIsCutWithinItAndCharactersCountTheirClassFileBytes() {
        // U+00E9 takes 2 bytes in a class file's string constant, U+20AC 3, U+0000 2: a part holds 24,576, 16,384
        // or 24,576 of them.
        for (String character : List.of("\u00e9", "\u20ac", "\u0000")) {
            int bytes = character.equals("\u20ac") ? 3 : 2;
            String table = "short\n" + character.repeat(60_000) + "\n";

            List<String> parts = CostClassWriter.parts(table);

            assertThat(String.join("", parts)).isEqualTo(table);
            assertThat(parts.get(0)).isEqualTo("short\n");
            assertThat(parts.get(1)).isEqualTo(character.repeat(49_152 / bytes));
            for (String part : parts) {
                assertThat(classFileBytes(part)).isAtMost(CostClassWriter.PART_BYTES);
            }
        }
    }

    /** Modified UTF-8, counted independently of the writer: standard UTF-8, plus one byte for each U+0000. */
    private static int classFileBytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length + (int) text.chars().filter(c -> c == 0).count();
    }
}
