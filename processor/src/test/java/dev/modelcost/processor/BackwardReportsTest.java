package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The backward pass in the reports: each layer's gradients in the JSON report, the totals in both. */
class BackwardReportsTest {
    private static final String[] NETWORK = {
        "package k;",
        "import dev.modelcost.*;",
        "@Network(input = @Shape(channels = 3, size = {8, 8}))",
        "public class Tuned {",
        "    @Conv(out = 8, kernel = 3, padding = 1) Layer stem;",
        "    @Frozen @Conv(out = 4, kernel = 1) Layer pw;",
        "    @Activation(ActivationFunction.RELU) Layer relu;",
        "    @Dense(out = 2) Layer fc;",
        "}",
    };

    @Test
    void eachLayerSaysWhichGradientsItComputesAndWhatTheyCost() {
        Compilation compilation = Compiled.source(NETWORK).compilation();
        Map<String, Object> json = json(compilation);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> layers = (List<Map<String, Object>>) json.get("layers");
        // stem, fed by the input: its weight gradients, 8 * 64 * 3 * 9 = 13,824 MACs, 2 * 13,824 + 512 FLOPs.
        assertLayer(layers.get(0), false, true, 13_824, 28_160);
        // pw, frozen after the stem: its input gradient, 4 * 64 * 8 = 2,048 MACs.
        assertLayer(layers.get(1), true, false, 2_048, 4_096);
        // relu on 4x8x8: (1 + 1) * 256.
        assertLayer(layers.get(2), true, false, 0, 512);
        // fc 256 -> 2: both gradients 2 * 512 MACs, and its 2 bias-gradient additions.
        assertLayer(layers.get(3), true, true, 1_024, 2_050);
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) json.get("totals");
        assertThat(((Number) totals.get("backwardMacs")).longValue()).isEqualTo(16_896L);
        assertThat(((Number) totals.get("backwardFlops")).longValue()).isEqualTo(34_818L);
        // Forward: 28,160 + 2 * 2,048 + 256 + 256 + 2 * 512 + 2 = 33,794 FLOPs; the step 33,794 + 34,818.
        assertThat(((Number) totals.get("trainingStepFlops")).longValue()).isEqualTo(68_612L);
        String markdown = file(compilation, "k.Tuned.md");
        assertThat(markdown).contains("| backward MACs | 16,896 |");
        assertThat(markdown).contains("| backward FLOPs | 34,818 |");
        assertThat(markdown).contains("| training-step FLOPs | 68,612 | 68.6 kFLOPs | forward + backward FLOPs |");
    }

    private static void assertLayer(Map<String, Object> layer, boolean input, boolean weight, long macs,
            long flops) {
        assertThat(layer.get("inputGradient")).isEqualTo(input);
        assertThat(layer.get("weightGradient")).isEqualTo(weight);
        assertThat(((Number) layer.get("backwardMacs")).longValue()).isEqualTo(macs);
        assertThat(((Number) layer.get("backwardFlops")).longValue()).isEqualTo(flops);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Compilation compilation) {
        return JsonMapper.builder().build().readValue(file(compilation, "k.Tuned.json"), Map.class);
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
