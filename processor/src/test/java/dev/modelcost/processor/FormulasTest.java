package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.testing.Compiled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shapes and costs beyond the worked examples: 1-D and 3-D inputs, per-dimension kernels and strides,
 * dilation, output padding, "same" padding, depthwise with a channel multiplier, dense layers and chains.
 * Every expected value is derived by hand in the comment beside it.
 */
class FormulasTest {

    /** Compiles a network {@code f.N} with this input and these layer fields; returns its generated model. */
    private static ModelCost network(String input, String... layers) {
        List<String> lines = new ArrayList<>(List.of(
                "package f;",
                "import dev.modelcost.*;",
                "@Network(input = " + input + ")",
                "public class N {"));
        lines.addAll(List.of(layers));
        lines.add("}");
        Compiled compiled = Compiled.source(lines.toArray(String[]::new));
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        return compiled.model("f.NCost");
    }

    @Test
    void oneDimensionalConvolution() {
        // O = floor((16000 - 1*(80-1) - 1) / 16) + 1 = floor(15920 / 16) + 1 = 996
        ModelCost model = network("@Shape(channels = 1, size = 16000)",
                "@Conv(out = 32, kernel = 80, stride = 16) Layer conv;");
        LayerCost conv = model.layer("conv");
        assertThat(conv.outputShape()).isEqualTo(new int[] {32, 996});
        assertThat(conv.macs()).isEqualTo(2_549_760L); // 32 * 996 * 1 * 80
        assertThat(conv.biasAdds()).isEqualTo(31_872L); // 32 * 996
        assertThat(conv.params()).isEqualTo(2_592L); // 32 * 1 * 80 + 32
        assertThat(conv.flops()).isEqualTo(2 * 2_549_760L + 31_872L);
    }

    @Test
    void threeDimensionalConvolution() {
        // C3D conv1a: 3x16x112x112, 3x3x3 kernel, padding 1 keeps every size.
        ModelCost model = network("@Shape(channels = 3, size = {16, 112, 112})",
                "@Conv(out = 64, kernel = 3, padding = 1) Layer conv1a;");
        assertThat(model.outputShape()).isEqualTo(new int[] {64, 16, 112, 112});
        assertThat(model.macs()).isEqualTo(1_040_449_536L); // 64 * (16*112*112) * 3 * 27
        assertThat(model.params()).isEqualTo(5_248L); // 64 * 3 * 27 + 64
    }

    @Test
    void perDimensionKernelAndPadding() {
        // Inception's 1x7: O = (17 + 0 - 0 - 1) / 1 + 1 = 17 and (17 + 6 - 6 - 1) / 1 + 1 = 17.
        ModelCost model = network("@Shape(channels = 64, size = {17, 17})",
                "@Conv(out = 192, kernel = {1, 7}, padding = {0, 3}, bias = false) Layer conv;");
        assertThat(model.outputShape()).isEqualTo(new int[] {192, 17, 17});
        assertThat(model.macs()).isEqualTo(24_858_624L); // 192 * 289 * 64 * 7
        assertThat(model.params()).isEqualTo(86_016L); // 192 * 64 * 7
        assertThat(model.layer("conv").settings()).isEqualTo("k=1x7 s=1 p=0x3 no-bias");
    }

    @Test
    void perDimensionStride() {
        // O = floor((10 - 2 - 1) / 2) + 1 = 4 and floor((10 - 2 - 1) / 1) + 1 = 8.
        ModelCost model = network("@Shape(channels = 8, size = {10, 10})",
                "@Conv(out = 4, kernel = 3, stride = {2, 1}) Layer conv;");
        assertThat(model.outputShape()).isEqualTo(new int[] {4, 4, 8});
        assertThat(model.macs()).isEqualTo(4L * 32 * 8 * 9); // 9,216
    }

    @Test
    void dilation() {
        // d=2, k=3 reaches 5 inputs: padding 2 keeps 32; padding 0 gives 32 - 4 = 28.
        ModelCost model = network("@Shape(channels = 16, size = {32, 32})",
                "@Conv(out = 16, kernel = 3, padding = 2, dilation = 2) Layer keeps;",
                "@Conv(out = 16, kernel = 3, dilation = 2) Layer shrinks;");
        assertThat(model.layer("keeps").outputShape()).isEqualTo(new int[] {16, 32, 32});
        assertThat(model.layer("keeps").macs()).isEqualTo(2_359_296L); // 16 * 1024 * 16 * 9
        assertThat(model.layer("shrinks").outputShape()).isEqualTo(new int[] {16, 28, 28});
        assertThat(model.layer("shrinks").macs()).isEqualTo(16L * 784 * 16 * 9); // 1,806,336
    }

    @Test
    void samePaddingConvolution() {
        // SAME: O = ceil(7 / 2) = 4; stride 1 keeps 7; the MAC count then follows the output size.
        ModelCost model = network("@Shape(channels = 4, size = {7, 7})",
                "@Conv(out = 8, kernel = 3, stride = 2, paddingMode = PaddingMode.SAME) Layer down;",
                "@Conv(out = 8, kernel = 5, paddingMode = PaddingMode.SAME) Layer keep;");
        assertThat(model.layer("down").outputShape()).isEqualTo(new int[] {8, 4, 4});
        assertThat(model.layer("down").macs()).isEqualTo(8L * 16 * 4 * 9); // 4,608
        assertThat(model.layer("keep").outputShape()).isEqualTo(new int[] {8, 4, 4});
        assertThat(model.layer("keep").macs()).isEqualTo(8L * 16 * 8 * 25); // 25,600
        assertThat(model.layer("down").settings()).isEqualTo("k=3 s=2 p=same");
    }

    @Test
    void oneDimensionalTransposedConvolutionCountsInputPositions() {
        // O = (5 - 1) * 3 - 0 + 1 * (3 - 1) + 0 + 1 = 15; MACs over the 5 input positions: 4 * 5 * 2 * 3 = 120;
        // bias adds over the 15 output positions: 2 * 15 = 30.
        ModelCost model = network("@Shape(channels = 4, size = 5)",
                "@Deconv(out = 2, kernel = 3, stride = 3) Layer up;");
        LayerCost up = model.layer("up");
        assertThat(up.kind()).isEqualTo(LayerKind.DECONV);
        assertThat(up.outputShape()).isEqualTo(new int[] {2, 15});
        assertThat(up.macs()).isEqualTo(120L);
        assertThat(up.biasAdds()).isEqualTo(30L);
        assertThat(up.params()).isEqualTo(4L * 2 * 3 + 2); // 26
    }

    @Test
    void transposedConvolutionWithDilationAndOutputPadding() {
        // O = (4 - 1) * 1 - 0 + 2 * (3 - 1) + 1 + 1 = 9; output padding 1 < max(stride 1, dilation 2).
        ModelCost model = network("@Shape(channels = 1, size = 4)",
                "@Deconv(out = 1, kernel = 3, dilation = 2, outputPadding = 1, bias = false) Layer up;");
        assertThat(model.outputShape()).isEqualTo(new int[] {1, 9});
        assertThat(model.macs()).isEqualTo(12L); // 1 * 4 * 1 * 3
    }

    @Test
    void threeDimensionalTransposedConvolutionWithPerDimensionStride() {
        // O = (2-1)*1 - 0 + 2 + 0 + 1 = 4 in time; (8-1)*2 - 2 + 3 + 0 + 1 = 16 in space.
        ModelCost model = network("@Shape(channels = 32, size = {2, 8, 8})",
                "@Deconv(out = 16, kernel = {3, 4, 4}, stride = {1, 2, 2}, padding = {0, 1, 1}) Layer up;");
        assertThat(model.outputShape()).isEqualTo(new int[] {16, 4, 16, 16});
        assertThat(model.macs()).isEqualTo(32L * 128 * 16 * 48); // 3,145,728: input positions 2*8*8
        assertThat(model.layer("up").biasAdds()).isEqualTo(16L * 1024); // output positions 4*16*16
        assertThat(model.params()).isEqualTo(32L * 16 * 48 + 16); // 24,592
    }

    @Test
    void samePaddingTransposedConvolutionMultipliesTheSize() {
        ModelCost model = network("@Shape(channels = 8, size = {10, 10})",
                "@Deconv(out = 4, kernel = 3, stride = 2, paddingMode = PaddingMode.SAME) Layer up;");
        assertThat(model.outputShape()).isEqualTo(new int[] {4, 20, 20});
        assertThat(model.macs()).isEqualTo(8L * 100 * 4 * 9); // 28,800
    }

    @Test
    void depthwiseWithChannelMultiplier() {
        // 32 groups, 64 outputs: each output channel sees 1 input channel. 64 * 16 * 1 * 9 = 9,216.
        ModelCost model = network("@Shape(channels = 32, size = {4, 4})",
                "@Conv(out = 64, kernel = 3, padding = 1) @Grouped(depthwise = true) Layer dw;");
        assertThat(model.macs()).isEqualTo(9_216L);
        assertThat(model.params()).isEqualTo(64L * 9 + 64); // 640
        assertThat(model.layer("dw").settings()).isEqualTo("k=3 s=1 p=1 g=32");
    }

    @Test
    void denseFlattensItsInput() {
        // in = 3 * 32 * 32 = 3,072; MACs 30,720; params 30,720 + 10.
        ModelCost model = network("@Shape(channels = 3, size = {32, 32})", "@Dense(out = 10) Layer fc;");
        assertThat(model.outputShape()).isEqualTo(new int[] {10});
        assertThat(model.macs()).isEqualTo(30_720L);
        assertThat(model.params()).isEqualTo(30_730L);
        assertThat(model.layer("fc").biasAdds()).isEqualTo(10L);
    }

    @Test
    void multilayerPerceptronOnAVectorInput() {
        // 784*256 + 256*10 = 200,704 + 2,560 = 203,264 MACs; + 256 + 10 biases = 203,530 params.
        ModelCost model = network("@Shape(channels = 784)",
                "@Dense(out = 256) Layer hidden;",
                "@Dense(out = 10, bias = false) Layer out;");
        assertThat(model.inputShape()).isEqualTo(new int[] {784});
        assertThat(model.macs()).isEqualTo(203_264L);
        assertThat(model.params()).isEqualTo(203_520L); // the second layer has no bias
        assertThat(model.biasAdds()).isEqualTo(256L);
        assertThat(model.flops()).isEqualTo(2 * 203_264L + 256);
        assertThat(model.activations()).isEqualTo(266L);
    }

    @Test
    void designExampleChainsShapesThroughEveryLayerKind() {
        // stem: 3x224x224 -> 32x112x112, 32*12544*3*9 = 10,838,016
        // dw:   32 groups, 32*12544*1*9 = 3,612,672
        // pw:   64*12544*32 = 25,690,112
        // up:   64x112x112 -> 16x224x224, 64*12544*16*16 = 205,520,896
        // head: in = 16*224*224 = 802,816, 802,816*10 = 8,028,160
        Compiled compiled = Compiled.source(
                "package demo;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {224, 224}))",
                "@Budget(macs = 600_000_000L, params = 9_000_000L)",
                "public class TinyNet {",
                "    @Conv(out = 32, kernel = 3, stride = 2, padding = 1) Layer stem;",
                "    @Conv(out = 32, kernel = 3, padding = 1) @Grouped(32) Layer dw;",
                "    @Conv(out = 64, kernel = 1) Layer pw;",
                "    @Deconv(out = 16, kernel = 4, stride = 2, padding = 1) Layer up;",
                "    @Dense(out = 10) Layer head;",
                "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        ModelCost model = compiled.model("demo.TinyNetCost");
        assertThat(model.layers().stream().mapToLong(LayerCost::macs).toArray()).isEqualTo(
                new long[] {10_838_016L, 3_612_672L, 25_690_112L, 205_520_896L, 8_028_160L});
        assertThat(compiled.constant("demo.TinyNetCost", "MACS")).isEqualTo(253_689_856L);
        // 896 + 320 + 2,112 + (64*16*16 + 16 = 16,400) + (8,028,160 + 10) = 8,047,898
        assertThat(compiled.constant("demo.TinyNetCost", "PARAMS")).isEqualTo(8_047_898L);
        // 401,408 + 401,408 + 802,816 + 802,816 + 10
        assertThat(compiled.constant("demo.TinyNetCost", "BIAS_ADDS")).isEqualTo(2_408_458L);
        assertThat(compiled.constant("demo.TinyNetCost", "ACTIVATIONS")).isEqualTo(2_408_458L);
        assertThat(compiled.staticField("demo.TinyNetCost", "INPUT_SHAPE")).isEqualTo("3x224x224");
        assertThat(compiled.staticField("demo.TinyNetCost", "OUTPUT_SHAPE")).isEqualTo("10");
        assertThat(compiled.staticField("demo.TinyNetCost", "LAYERS")).isEqualTo(5);
        assertThat(model.layer("up").inputShape()).isEqualTo(new int[] {64, 112, 112});
    }

    @Test
    void nestedNetworkClassAndCustomNames() {
        Compiled compiled = Compiled.source(
                "package n;",
                "import dev.modelcost.*;",
                "public class Outer {",
                "    @Network(input = @Shape(channels = 2, size = 4))",
                "    static class Inner {",
                "        @Conv(out = 2, kernel = 1) Layer conv;",
                "    }",
                "    @Network(input = @Shape(channels = 2, size = 4), name = \"Pretty \\\"name\\\"\", costClass = \"Costs\")",
                "    static class Named {",
                "        @Dense(out = 1) Layer fc;",
                "    }",
                "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.constant("n.Outer_InnerCost", "MACS")).isEqualTo(16L); // 2 * 4 * 2 * 1
        assertThat(compiled.model("n.Costs").name()).isEqualTo("Pretty \"name\"");
    }

    @Test
    void enumConstantsAreLayersOfAnEnumNetwork() {
        // 4 * 6 * 2 * 3 = 144 MACs for the convolution (O = 8 - 3 + 1 = 6), then 4 * 6 * 5 = 120 for the dense.
        Compiled compiled = Compiled.source(
                "package e;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 2, size = 8))",
                "public enum Layers {",
                "    @Conv(out = 4, kernel = 3) CONV,",
                "    @Dense(out = 5) HEAD",
                "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.constant("e.LayersCost", "MACS")).isEqualTo(264L);
    }

    @Test
    void aStageWhoseLastLayerIsAbsentOutputsWhatThatLayerWouldHaveTaken() {
        // 'skip' is absent, so it passes its input on, and that is the block's input (@From): the stage, and so the
        // network, outputs 3x8x8, not the 4x8x8 of the last layer listed ('s.0.conv'). Found by PropertyTest.
        ModelCost model = network("@Shape(channels = 3, size = {8, 8})",
                "@Stage(block = B.class) Layer s;",
                "@Block static class B {",
                "    @Conv(out = 4, kernel = 1) Layer conv;",
                "    @From(From.INPUT) @When(\"0\") @BatchNorm Layer skip;",
                "}");
        assertThat(model.layers()).hasSize(1);
        assertThat(model.layer("s.0.conv").outputShape()).isEqualTo(new int[] {4, 8, 8});
        assertThat(model.outputShape()).isEqualTo(new int[] {3, 8, 8});
    }
}
