package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @LayerNorm}: over the channels at every position (PyTorch's {@code LayerNorm(C)} channels last,
 * torchvision's {@code LayerNorm2d}), a scale and a shift of {@code C} values each with {@code affine}, and the
 * operations of group normalization: 5 per element with {@code affine}, 4 without.
 */
class LayerNormTest {

    @Test
    void aFeatureMapIsNormalizedOverItsChannelsAtEveryPosition() {
        ModelCost model = LayerKindsTest.network("@Shape(channels = 96, size = {56, 56})",
                // ConvNeXt-T's stem norm: 2 * 96 = 192 parameters; 5 * 96 * 3,136 = 1,505,280 operations.
                "@LayerNorm Layer norm;",
                // Without scale and shift: no parameters, 4 * 301,056 = 1,204,224 operations.
                "@LayerNorm(affine = false) Layer plain;");
        LayerCost norm = model.layer("norm");
        assertThat(norm.kind()).isEqualTo(LayerKind.LAYER_NORM);
        assertThat(norm.outputShape()).isEqualTo(new int[] {96, 56, 56});
        assertThat(norm.params()).isEqualTo(192L);
        assertThat(norm.flops()).isEqualTo(1_505_280L);
        assertThat(norm.macs()).isEqualTo(0L);
        assertThat(norm.biasAdds()).isEqualTo(0L);
        assertThat(norm.activations()).isEqualTo(301_056L);
        assertThat(norm.settings()).isEqualTo("");
        LayerCost plain = model.layer("plain");
        assertThat(plain.params()).isEqualTo(0L);
        assertThat(plain.flops()).isEqualTo(1_204_224L);
        assertThat(plain.settings()).isEqualTo("no-affine");
    }

    @Test
    void aVectorIsNormalizedOverItsFeaturesAsInATransformer() {
        // BERT-base's hidden size: 2 * 768 = 1,536 parameters; 5 * 768 = 3,840 operations.
        LayerCost norm = LayerKindsTest.network("@Shape(channels = 768)", "@LayerNorm Layer norm;").layer("norm");
        assertThat(norm.outputShape()).isEqualTo(new int[] {768});
        assertThat(norm.params()).isEqualTo(1_536L);
        assertThat(norm.flops()).isEqualTo(3_840L);
    }

    @Test
    void theReportsNameItsKind() throws IOException {
        Compiled compiled = Compiled.source("package k;", "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {4, 4}))", "public class L {",
                "@LayerNorm Layer norm;", "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        String json = compiled.compilation().generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/modelcost/k.L.json")
                .orElseThrow().getCharContent(true).toString();
        assertThat(json).contains("\"kind\": \"LAYER_NORM\"");
        String markdown = compiled.compilation().generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/modelcost/k.L.md").orElseThrow().getCharContent(true).toString();
        assertThat(markdown).contains("| LAYER_NORM |");
    }
}
