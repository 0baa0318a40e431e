package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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
        assertThat(markdown).contains("| stage.1.sum | ADD | conv + stage.0.cat |");
        assertThat(markdown).doesNotContain("shortcut");
        assertThat(file(compilation, "k.Merges.html")).doesNotContain("shortcut");
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
