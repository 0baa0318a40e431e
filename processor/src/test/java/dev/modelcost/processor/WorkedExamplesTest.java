package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.LayerCost;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.testing.Compiled;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/FORMULAS.md#convolutions, each a one-layer network, against its hand-derived numbers. */
class WorkedExamplesTest {

    @Test
    void convolution3to64On224() {
        // 64*224*224*3*9 = 86,704,128 MACs; 64*224*224 = 3,211,264 bias adds; 1,728 + 64 = 1,792 params.
        Compiled compiled = Compiled.source(
                "package ex;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {224, 224}))",
                "public class Example1 {",
                "    @Conv(out = 64, kernel = 3, padding = 1) Layer conv;",
                "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.constant("ex.Example1Cost", "MACS")).isEqualTo(86_704_128L);
        assertThat(compiled.constant("ex.Example1Cost", "BIAS_ADDS")).isEqualTo(3_211_264L);
        assertThat(compiled.constant("ex.Example1Cost", "PARAMS")).isEqualTo(1_792L);
        assertThat(compiled.constant("ex.Example1Cost", "FLOPS")).isEqualTo(2 * 86_704_128L + 3_211_264L);
        assertThat(compiled.model("ex.Example1Cost").outputShape()).isEqualTo(new int[] {64, 224, 224});
    }

    @Test
    void groupedConvolution64to128() {
        // 128*56*56*16*9 = 57,802,752 MACs; 128*16*9 = 18,432 params without bias.
        Compiled compiled = Compiled.source(
                "package ex;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 64, size = {56, 56}))",
                "public class Example2 {",
                "    @Conv(out = 128, kernel = 3, padding = 1, bias = false) @Grouped(4) Layer conv;",
                "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.constant("ex.Example2Cost", "MACS")).isEqualTo(57_802_752L);
        assertThat(compiled.constant("ex.Example2Cost", "PARAMS")).isEqualTo(18_432L);
        assertThat(compiled.constant("ex.Example2Cost", "BIAS_ADDS")).isEqualTo(0L);
    }

    @Test
    void depthwiseConvolutionStride2() {
        // O = floor((112 + 2 - 2 - 1) / 2) + 1 = 56; 32*56*56*1*9 = 903,168 MACs.
        Compiled compiled = Compiled.source(
                "package ex;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 32, size = {112, 112}))",
                "public class Example3 {",
                "    @Conv(out = 32, kernel = 3, stride = 2, padding = 1) @Grouped(depthwise = true) Layer dw;",
                "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        ModelCost model = compiled.model("ex.Example3Cost");
        assertThat(model.macs()).isEqualTo(903_168L);
        assertThat(model.outputShape()).isEqualTo(new int[] {32, 56, 56});
        assertThat(model.params()).isEqualTo(32 * 9 + 32);
    }

    @Test
    void dcganTransposedConvolution() {
        // O = (4-1)*2 - 2 + 3 + 1 = 8; 512*16*256*16 = 33,554,432 MACs; 256*64 = 16,384 bias adds;
        // 512*256*16 = 2,097,152 weights + 256 biases.
        Compiled compiled = Compiled.source(
                "package ex;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 512, size = {4, 4}))",
                "public class Example4 {",
                "    @Deconv(out = 256, kernel = 4, stride = 2, padding = 1) Layer up;",
                "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        LayerCost up = compiled.model("ex.Example4Cost").layer("up");
        assertThat(up.outputShape()).isEqualTo(new int[] {256, 8, 8});
        assertThat(up.macs()).isEqualTo(33_554_432L);
        assertThat(up.biasAdds()).isEqualTo(16_384L);
        assertThat(up.params()).isEqualTo(2_097_152L + 256);
    }

    @Test
    void groupedTransposedConvolutionWithOutputPadding() {
        // O = (16-1)*2 - 2 + 2 + 1 + 1 = 32; 64*256*16*9 = 2,359,296 MACs; weights 64*16*9 = 9,216.
        Compiled compiled = Compiled.source(
                "package ex;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 64, size = {16, 16}))",
                "public class Example5 {",
                "    @Deconv(out = 32, kernel = 3, stride = 2, padding = 1, outputPadding = 1, bias = false)",
                "    @Grouped(2) Layer up;",
                "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        LayerCost up = compiled.model("ex.Example5Cost").layer("up");
        assertThat(up.outputShape()).isEqualTo(new int[] {32, 32, 32});
        assertThat(up.macs()).isEqualTo(2_359_296L);
        assertThat(up.params()).isEqualTo(9_216L);
    }

    @Test
    void groupsNotDividingOutputChannelsIsAnErrorListingValidCounts() {
        Compiled compiled = Compiled.source(
                "package ex;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 64, size = {8, 8}))",
                "public class Example6 {",
                "    @Conv(out = 100, kernel = 3) @Grouped(8) Layer conv;",
                "}");
        assertThat(compiled.compilation()).hadErrorContaining("[MC107]");
        assertThat(compiled.compilation()).hadErrorContaining("valid group counts for 64 -> 100 channels: 1, 2, 4");
        assertThat(compiled.compilation()).hadErrorCount(1);
    }
}
