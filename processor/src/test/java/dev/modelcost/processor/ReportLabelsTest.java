package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.Convention;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the reports say of the layers a layer reads: the names in its settings, and the shape of each input. */
class ReportLabelsTest {
    /** A residual block whose projection is absent: its name stands for the block's input. */
    private static final String[] NETWORK = {
        "package k;",
        "import dev.modelcost.*;",
        "@Network(input = @Shape(channels = 4, size = {8, 8}))",
        "public class Merges {",
        "    @Block static class Res {",
        "        @Param(\"0\") int project;",
        "        @Conv(outExpr = \"in\", kernel = 1) Layer conv;",
        "        @From(From.INPUT) @When(\"project\") @Conv(outExpr = \"in\", kernel = 1) Layer shortcut;",
        "        @Add({\"conv\", \"shortcut\"}) Layer sum;",
        "        @Concat({\"shortcut\", \"sum\"}) Layer cat;",
        "    }",
        "    @Conv(out = 4, kernel = 1) Layer stem;",
        "    @Stage(block = Res.class, repeat = 2) Layer stage;",
        "    @Conv(out = 2, kernel = 1) Layer side;",
        "    @Concat({\"side\", \"stage\"}) Layer all;",
        "}",
    };

    @Test
    void anAbsentLayerIsLabelledByTheLayerReadInItsPlace() {
        Compilation compilation = Compiled.source(NETWORK).compilation();
        Map<String, Map<String, Object>> layers = layers(compilation);
        // Repetition 0 reads the stem as its input; repetition 1 the output of repetition 0, its cat.
        assertThat(layers.get("stage.0.sum").get("settings")).isEqualTo("conv + stem");
        assertThat(layers.get("stage.0.sum").get("inputs")).isEqualTo(List.of("stage.0.conv", "stem"));
        assertThat(layers.get("stage.0.cat").get("settings")).isEqualTo("stem, sum");
        assertThat(layers.get("stage.1.sum").get("settings")).isEqualTo("conv + stage.0.cat");
        assertThat(layers.get("stage.1.cat").get("settings")).isEqualTo("stage.0.cat, sum");
        // A present name, a stage's among them, is kept as written.
        assertThat(layers.get("all").get("settings")).isEqualTo("side, stage");
        String markdown = file(compilation, "k.Merges.md");
        assertThat(markdown).contains("| stage.1.sum | ADD | 8x8x8 |");
        assertThat(markdown).doesNotContain("shortcut");
        assertThat(file(compilation, "k.Merges.html")).doesNotContain("shortcut");
    }

    @Test
    void productsAndKeysNameTheLayerReadInPlaceOfAnAbsentOne() {
        // gate = 0: 'gated' is absent and stands for what would have fed it, mix.0.conv.
        String[] source = {
            "package k;",
            "import dev.modelcost.*;",
            "@Network(input = @Shape(channels = 8, size = 8))",
            "public class Merges {",
            "    @Block static class Mix {",
            "        @Param(\"0\") int gate;",
            "        @Conv(outExpr = \"in\", kernel = 1) Layer conv;",
            "        @When(\"gate\") @Conv(outExpr = \"in\", kernel = 1) Layer gated;",
            "        @Multiply({\"conv\", \"gated\"}) Layer product;",
            "        @MatMul({\"gated\", \"product\"}) Layer scores;",
            "        @Attention(heads = 2, keys = \"gated\") Layer cross;",
            "    }",
            "    @Stage(block = Mix.class) Layer mix;",
            "}",
        };
        Map<String, Map<String, Object>> layers = layers(Compiled.source(source).compilation());
        assertThat(layers.get("mix.0.product").get("settings")).isEqualTo("conv * mix.0.conv");
        assertThat(layers.get("mix.0.scores").get("settings")).isEqualTo("mix.0.conv x product");
        assertThat(layers.get("mix.0.scores").get("inputs")).isEqualTo(List.of("mix.0.conv", "mix.0.product"));
        assertThat((String) layers.get("mix.0.cross").get("settings")).startsWith("h=2 hs=4 keys=mix.0.conv");
        assertThat(layers.get("mix.0.cross").get("inputs")).isEqualTo(List.of("mix.0.scores", "mix.0.conv"));
    }

    @Test
    void aLayerOfSeveralInputsShowsEachInputsShape() {
        Compilation compilation = Compiled.source(NETWORK).compilation();
        Map<String, Map<String, Object>> layers = layers(compilation);
        // side: 2 channels; stage.1.cat: 8 + 8 = 16 channels, both of 8 x 8.
        assertThat(layers.get("all").get("inputShape")).isEqualTo(List.of(2, 8, 8));
        assertThat(layers.get("all").get("inputShapes")).isEqualTo(List.of(List.of(2, 8, 8), List.of(16, 8, 8)));
        assertThat(layers.get("stage.1.sum").get("inputShapes"))
                .isEqualTo(List.of(List.of(8, 8, 8), List.of(8, 8, 8)));
        assertThat(layers.get("stem").get("inputShapes")).isEqualTo(List.of(List.of(4, 8, 8)));
        String markdown = file(compilation, "k.Merges.md");
        // The Markdown report's table is narrow for a pull request: it gives the output and says where the inputs are.
        assertThat(markdown).contains("| all | CONCAT | 18x8x8 |");
        assertThat(markdown).contains("| stage.0.cat | CONCAT | 8x8x8 |");
        assertThat(markdown).contains("| stem | CONV | 4x8x8 |");
        assertThat(markdown).contains("Settings, input shapes, FLOPs and bytes moved of each layer are in the JSON and"
                + " HTML reports.");
    }

    @Test
    void thePrecisionIsSaidOnceBesideThePresetDevice() {
        String[] source = NETWORK.clone();
        source[2] = "@Network(input = @Shape(channels = 4, size = {8, 8}))"
                + " @Device(preset = DevicePreset.A100, precision = Precision.FP16)";
        Compilation compilation = Compiled.source(source).compilation();
        assertThat(file(compilation, "k.Merges.md")).contains(", FP16 on NVIDIA A100 40GB. Per sample");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JsonMapper.builder().build().readValue(file(compilation, "k.Merges.json"),
                Map.class);
        assertThat(json.get("precision")).isEqualTo("FP16");
        assertThat(((Map<?, ?>) json.get("device")).get("name")).isEqualTo("NVIDIA A100 40GB");
    }

    @Test
    void everyByteFigureSaysWhatItCounts() {
        Compilation compilation = Compiled.source(NETWORK).compilation();
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JsonMapper.builder().build().readValue(file(compilation, "k.Merges.json"),
                Map.class);
        Map<?, ?> conventions = (Map<?, ?>) json.get("conventions");
        for (Convention figure : List.of(Convention.PARAM_BYTES, Convention.ACTIVATION_BYTES,
                Convention.MEMORY_BYTES, Convention.WEIGHT_BYTES, Convention.GRADIENT_BYTES,
                Convention.MASTER_WEIGHT_BYTES, Convention.OPTIMIZER_STATE_BYTES)) {
            assertThat(conventions.get(figure.key())).isEqualTo(figure.text());
        }
        assertThat(conventions.get("paramBytes")).isEqualTo("params x bytesPerElement: the parameters at the"
                + " network's precision; a matrix shared by tied layers once");
        Map<?, ?> totals = (Map<?, ?>) json.get("totals");
        // Parameters: stem 4 * 4 + 4, stage.0.conv the same, stage.1.conv 8 * 8 + 8, side 16 * 2 + 2: 146, 4 bytes
        // each. Outputs of 8 x 8 = 64 positions: 4 + 4 + 4 + 8 (stage 0), 8 + 8 + 16 (stage 1), 2, 18 channels:
        // 72 x 64 = 4,608 elements, 18,432 bytes.
        assertThat(((Number) totals.get("paramBytes")).longValue()).isEqualTo(584L);
        assertThat(((Number) totals.get("activationBytes")).longValue()).isEqualTo(18_432L);
        long peak = ((Number) totals.get("peakActivationBytes")).longValue();
        assertThat(((Number) totals.get("memoryBytes")).longValue()).isEqualTo(584L + peak);
        String markdown = file(compilation, "k.Merges.md");
        // Each exact and in binary units: 18,432 bytes are 18 KiB.
        assertThat(markdown).contains("\n| parameter bytes | 584 | 584 B | parameters x bytes per element |\n");
        assertThat(markdown).contains("\n| activation bytes | 18,432 | 18.0 KiB | every output x bytes per element,"
                + " summed |\n");
        assertThat(markdown).containsMatch("\n\\| memory bytes \\| " + String.format(Locale.ROOT, "%,d", 584L + peak)
                + " \\| [0-9.]+ K?i?B \\| parameter bytes \\+ peak activation bytes \\|\n");
        // The default training: Adam in FP32, batch 1; nothing frozen.
        // 1,168 bytes are 1.140625 KiB.
        assertThat(markdown).contains("\n| weight bytes | 584 | 584 B | parameters x weight bytes |\n");
        assertThat(markdown).contains("\n| gradient bytes | 584 | 584 B | one per trained parameter |\n");
        assertThat(markdown).contains("\n| master weight bytes | 0 | 0 B | FP32 copy in mixed precision, else 0 |\n");
        assertThat(markdown).contains("\n| optimizer state bytes | 1,168 | 1.14 KiB | the optimizer's states per"
                + " trained parameter |\n");
    }

    private static Map<String, Map<String, Object>> layers(Compilation compilation) {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = JsonMapper.builder().build().readValue(file(compilation, "k.Merges.json"),
                Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> layers = (List<Map<String, Object>>) json.get("layers");
        return layers.stream().collect(Collectors.toMap(l -> (String) l.get("name"), l -> l));
    }

    private static String file(Compilation compilation, String name) {
        try {
            return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/modelcost/" + name)
                    .orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
