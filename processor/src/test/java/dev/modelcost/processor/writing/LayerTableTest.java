package dev.modelcost.processor.writing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.LayerTable;
import dev.modelcost.ModelCost;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text form of a network's cost in generated cost classes, its totals and its per-layer breakdown, and its
 * cutting into string literals that javac accepts.
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
    void theHeaderIsOneLineOfTheTotalsInTheOrderOfModelCost() {
        ModelCost totals = new ModelCost("Net", new int[] {3, 224, 224}, new int[] {10}, 1L, 2L, 3L, 4L, 5L, "BF16",
                6L, 7L, 8L, 9L, -1L, List.of());

        String header = LayerTable.appendHeader(new StringBuilder(), totals).toString();

        assertThat(header).isEqualTo("Net\t3x224x224\t10\t1\t2\t3\t4\t5\tBF16\t6\t7\t8\t9\t-1\n");
    }

    @Test
    void aModelIsReadBackFromItsHeaderAndItsLayerLines() {
        String table = "Odd\\tname\\\\\t3x8x8\t\t" + Long.MAX_VALUE + "\t2\t3\t4\t5\tFP16\t6\t7\t8\t9\t42\n"
                + LayerTable.appendLine(new StringBuilder(), CONV);

        ModelCost model = LayerTable.model(table);

        assertThat(model.name()).isEqualTo("Odd\tname\\");
        assertThat(model.inputShape()).isEqualTo(new int[] {3, 8, 8});
        assertThat(model.outputShape()).isEqualTo(new int[0]);
        assertThat(new long[] {model.macs(), model.biasAdds(), model.flops(), model.params(), model.activations(),
                model.paramBytes(), model.activationBytes(), model.peakActivationBytes(), model.bytesMoved(),
                model.latencyNanos()}).isEqualTo(new long[] {Long.MAX_VALUE, 2, 3, 4, 5, 6, 7, 8, 9, 42});
        assertThat(model.precision()).isEqualTo("FP16");
        assertThat(model.layers()).hasSize(1);
        assertThat(model.layers().get(0).index()).isEqualTo(0);
        assertThat(model.layers().get(0).toString()).isEqualTo(CONV.toString());
        assertThat(model.layers().get(0).bytesMoved()).isEqualTo(2_211_328L);
    }

    @Test
    void aWrittenHeaderRoundTripsWhateverTheName() {
        String name = "a\tb\nc\\t */ \"q\" \\u0041 caf\u00e9 \u2028";
        ModelCost totals = new ModelCost(name, new int[] {1}, new int[] {2, 3}, 0L, 0L, 0L, 0L, 0L, "FP32", 0L, 0L,
                0L, 0L, 123L, List.of());

        ModelCost read = LayerTable.model(LayerTable.appendHeader(new StringBuilder(), totals));

        assertThat(read.name()).isEqualTo(name);
        assertThat(read.outputShape()).isEqualTo(new int[] {2, 3});
        assertThat(read.latencyNanos()).isEqualTo(123L);
        assertThat(read.layers()).isEmpty();
    }

    @Test
    void aMalformedHeaderIsRejectedNamingItsLineAndColumn() {
        String figures = "\t1\t2\t3\t4\t5\tFP32\t6\t7\t8\t9\t-1\n";

        assertThat(assertThrows(IllegalArgumentException.class, () -> LayerTable.model("")))
                .hasMessageThat().isEqualTo("line 1 of the cost table has 1 columns, not 14");
        assertThat(assertThrows(IllegalArgumentException.class, () -> LayerTable.model("Net\t3\t10\n")))
                .hasMessageThat().isEqualTo("line 1 of the cost table has 3 columns, not 14");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> LayerTable.model("Net\t3\t10" + figures.replace("\t3\t", "\t3x\t"))))
                .hasMessageThat().isEqualTo("line 1 of the cost table: column 6 is not a number: \"3x\"");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> LayerTable.model("Net\t3x\t10" + figures)))
                .hasMessageThat().isEqualTo("line 1 of the cost table: column 2 is not a shape: \"3x\"");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> LayerTable.model("Net\t3\t10" + figures.replace("-1", "1 ns"))))
                .hasMessageThat().isEqualTo("line 1 of the cost table: column 14 is not a number: \"1 ns\"");
    }

    @Test
    void aMalformedLayerLineAfterTheHeaderIsRejectedNamingItsLine() {
        String header = "Net\t3\t10\t1\t2\t3\t4\t5\tFP32\t6\t7\t8\t9\t-1\n";
        String line = LayerTable.appendLine(new StringBuilder(), CONV).toString();

        assertThat(assertThrows(IllegalArgumentException.class,
                () -> LayerTable.model(header + line + "stem\tCONV\n")))
                .hasMessageThat().isEqualTo("line 3 of the cost table has 2 columns, not 13");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> LayerTable.model(header + line.replace("CONV", "CONVOLUTION"))))
                .hasMessageThat().isEqualTo("line 2 of the cost table: column 2 is not a layer kind: \"CONVOLUTION\"");
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> LayerTable.model(header + line.replace("\t896\t", "\t8_96\t"))))
                .hasMessageThat().isEqualTo("line 2 of the cost table: column 9 is not a number: \"8_96\"");
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

        List<String> parts = TableSource.parts(table);

        assertThat(TableSource.PART_BYTES).isEqualTo(49_152);
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

            List<String> parts = TableSource.parts(table);

            assertThat(String.join("", parts)).isEqualTo(table);
            assertThat(parts.get(0)).isEqualTo("short\n");
            assertThat(parts.get(1)).isEqualTo(character.repeat(49_152 / bytes));
            for (String part : parts) {
                assertThat(classFileBytes(part)).isAtMost(TableSource.PART_BYTES);
            }
        }
    }

    /** Modified UTF-8, counted independently of the writer: standard UTF-8, plus one byte for each U+0000. */
    private static int classFileBytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length + (int) text.chars().filter(c -> c == 0).count();
    }
}
