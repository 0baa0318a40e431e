package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.modelcost.processor.LayerKindsTest.network;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import org.junit.jupiter.api.Test;

/**
 * Layers that take other layers' outputs or rearrange them: taking input from a named layer ({@code @From}),
 * element-wise sum and product with broadcasting, channel concatenation, slice, shuffle and flatten. Expected
 * values are derived by hand in the comments.
 */
class TopologyTest {

    @Test
    void residualAddOfTwoNamedLayers() {
        ModelCost model = network("@Shape(channels = 64, size = {8, 8})",
                "@Conv(out = 64, kernel = 3, padding = 1, bias = false) Layer conv;",
                "@Add({\"conv\", From.INPUT}) Layer sum;",
                // Three operands: two additions per output element.
                "@Add({\"conv\", \"sum\", From.INPUT}) Layer three;");
        LayerCost sum = model.layer("sum");
        assertThat(sum.kind()).isEqualTo(LayerKind.ADD);
        assertThat(sum.outputShape()).isEqualTo(new int[] {64, 8, 8});
        // One addition per output element and operand beyond the first: 64 * 64 = 4,096.
        assertThat(sum.flops()).isEqualTo(4_096L);
        assertThat(sum.params()).isEqualTo(0L);
        assertThat(sum.macs()).isEqualTo(0L);
        assertThat(model.layer("three").flops()).isEqualTo(2 * 4_096L);
        // 2 * 64 * 64 * 64 * 9 (conv) + 4,096 + 8,192
        assertThat(model.flops()).isEqualTo(2L * 64 * 64 * 64 * 9 + 4_096 + 8_192);
    }

    @Test
    void squeezeAndExcitationMultipliesByABroadcastGate() {
        ModelCost model = network("@Shape(channels = 16, size = {7, 7})",
                // 16 -> 32 channels, 7 x 7 kept: 32 * 49 * 16 * 9 = 225,792 MACs.
                "@Conv(out = 32, kernel = 3, padding = 1) Layer features;",
                // 32 x 1 x 1; 32 * 49 = 1,568 additions.
                "@GlobalAvgPool Layer squeeze;",
                // 32 -> 8 -> 32 on 1 x 1: 256 + 256 MACs; 8 * 32 + 8 and 32 * 8 + 32 parameters.
                "@Conv(out = 8, kernel = 1) Layer reduce;",
                "@Activation(ActivationFunction.RELU) Layer relu;",
                "@Conv(out = 32, kernel = 1) Layer expand;",
                "@Activation(ActivationFunction.SIGMOID) Layer gate;",
                // 32 x 7 x 7 times 32 x 1 x 1: the gate is broadcast over 7 x 7; 1,568 multiplications.
                "@Multiply({\"features\", \"gate\"}) Layer scale;",
                // The operands' order does not matter to the shape.
                "@Multiply({\"gate\", \"features\"}) Layer reversed;");
        LayerCost scale = model.layer("scale");
        assertThat(scale.kind()).isEqualTo(LayerKind.MULTIPLY);
        assertThat(scale.outputShape()).isEqualTo(new int[] {32, 7, 7});
        assertThat(scale.flops()).isEqualTo(1_568L);
        assertThat(scale.inputShape()).isEqualTo(new int[] {32, 7, 7});
        assertThat(model.layer("reversed").outputShape()).isEqualTo(new int[] {32, 7, 7});
        assertThat(model.layer("reversed").flops()).isEqualTo(1_568L);
        assertThat(model.layer("reversed").inputShape()).isEqualTo(new int[] {32, 1, 1});
        assertThat(model.macs()).isEqualTo(225_792L + 256 + 256);
        // (32 * 16 * 9 + 32) + (8 * 32 + 8) + (32 * 8 + 32) = 4,640 + 264 + 288
        assertThat(model.params()).isEqualTo(5_192L);
    }

    @Test
    void broadcastingWorksInEveryDimensionAndBothWays() {
        ModelCost model = network("@Shape(channels = 32, size = {7, 7})",
                // CBAM's spatial attention: a 1 x 7 x 7 map (1 * 49 * 32 * 9 = 14,112 MACs) scales all 32 channels.
                "@Conv(out = 1, kernel = 3, padding = 1) Layer spatial;",
                "@Multiply({From.INPUT, \"spatial\"}) Layer scaled;",
                "@From(From.INPUT) @GlobalMaxPool Layer gate;",
                // 1 x 7 x 7 and 32 x 1 x 1: each broadcasts where the other is 1, to 32 x 7 x 7.
                "@Multiply({\"spatial\", \"gate\"}) Layer outer;");
        assertThat(model.layer("scaled").outputShape()).isEqualTo(new int[] {32, 7, 7});
        assertThat(model.layer("scaled").flops()).isEqualTo(1_568L); // 32 * 49
        assertThat(model.layer("outer").outputShape()).isEqualTo(new int[] {32, 7, 7});
        assertThat(model.layer("outer").flops()).isEqualTo(1_568L);
        assertThat(model.macs()).isEqualTo(14_112L);
    }

    @Test
    void inceptionStyleBranchesFromANamedLayerConcatenated() {
        ModelCost model = network("@Shape(channels = 192, size = {28, 28})",
                "@Conv(out = 64, kernel = 1) Layer branch1;",
                "@From(From.INPUT) @Conv(out = 96, kernel = 1) Layer branch2reduce;",
                "@Conv(out = 128, kernel = 3, padding = 1) Layer branch2;",
                "@From(From.INPUT) @MaxPool(kernel = 3, stride = 1, padding = 1) Layer branch3pool;",
                "@Conv(out = 32, kernel = 1) Layer branch3;",
                "@Concat({\"branch1\", \"branch2\", \"branch3\"}) Layer mixed;",
                // A later layer can take any earlier one, not only the previous.
                "@From(\"branch2reduce\") @Conv(out = 16, kernel = 1) Layer side;");
        // Each branch starts from the input, 192 x 28 x 28 (784 positions):
        assertThat(model.layer("branch2reduce").inputShape()).isEqualTo(new int[] {192, 28, 28});
        assertThat(model.layer("branch3pool").inputShape()).isEqualTo(new int[] {192, 28, 28});
        assertThat(model.layer("branch2").inputShape()).isEqualTo(new int[] {96, 28, 28});
        assertThat(model.layer("side").inputShape()).isEqualTo(new int[] {96, 28, 28});
        LayerCost mixed = model.layer("mixed");
        assertThat(mixed.kind()).isEqualTo(LayerKind.CONCAT);
        // 64 + 128 + 32 = 224 channels; no operations.
        assertThat(mixed.outputShape()).isEqualTo(new int[] {224, 28, 28});
        assertThat(mixed.flops()).isEqualTo(0L);
        assertThat(mixed.params()).isEqualTo(0L);
        assertThat(mixed.activations()).isEqualTo(224L * 784);
        // MACs: 64*784*192 = 9,633,792; 96*784*192 = 14,450,688; 128*784*96*9 = 86,704,128;
        // 32*784*192 = 4,816,896; side 16*784*96 = 1,204,224.
        assertThat(model.macs()).isEqualTo(9_633_792L + 14_450_688L + 86_704_128L + 4_816_896L + 1_204_224L);
        // The network's output is its last layer's.
        assertThat(model.outputShape()).isEqualTo(new int[] {16, 28, 28});
    }

    @Test
    void shuffleNetV2SplitShuffleAndConcat() {
        ModelCost model = network("@Shape(channels = 116, size = {28, 28})",
                // Channel split: 0..58 and 58..116.
                "@Slice(from = 0, to = 58) Layer left;",
                "@From(From.INPUT) @Slice(from = 58, to = 116) Layer right;",
                "@Conv(out = 58, kernel = 1, bias = false) Layer branch;",
                "@Concat({\"left\", \"branch\"}) Layer joined;",
                "@Shuffle(2) Layer shuffled;",
                // A slice in the middle, and to the end.
                "@Slice(from = 10, to = 11) Layer one;");
        LayerCost left = model.layer("left");
        assertThat(left.kind()).isEqualTo(LayerKind.SLICE);
        assertThat(left.outputShape()).isEqualTo(new int[] {58, 28, 28});
        assertThat(left.flops()).isEqualTo(0L);
        assertThat(left.settings()).isEqualTo("0:58");
        assertThat(model.layer("right").outputShape()).isEqualTo(new int[] {58, 28, 28});
        assertThat(model.layer("right").settings()).isEqualTo("58:116");
        assertThat(model.layer("joined").outputShape()).isEqualTo(new int[] {116, 28, 28});
        LayerCost shuffled = model.layer("shuffled");
        assertThat(shuffled.kind()).isEqualTo(LayerKind.SHUFFLE);
        assertThat(shuffled.outputShape()).isEqualTo(new int[] {116, 28, 28});
        assertThat(shuffled.flops()).isEqualTo(0L);
        assertThat(shuffled.params()).isEqualTo(0L);
        assertThat(shuffled.settings()).isEqualTo("g=2");
        assertThat(model.layer("one").outputShape()).isEqualTo(new int[] {1, 28, 28});
        // Only the convolution computes: 58 * 784 * 58 = 2,637,376 MACs, 58 * 58 parameters.
        assertThat(model.macs()).isEqualTo(2_637_376L);
        assertThat(model.flops()).isEqualTo(2 * 2_637_376L);
        assertThat(model.params()).isEqualTo(3_364L);
    }

    @Test
    void flattenThenDense() {
        ModelCost model = network("@Shape(channels = 16, size = {5, 5})",
                // LeNet-5: 16 x 5 x 5 = 400 values.
                "@Flatten Layer flat;",
                // 400 * 120 = 48,000 MACs; 48,000 + 120 parameters.
                "@Dense(out = 120) Layer fc;");
        LayerCost flat = model.layer("flat");
        assertThat(flat.kind()).isEqualTo(LayerKind.FLATTEN);
        assertThat(flat.outputShape()).isEqualTo(new int[] {400});
        assertThat(flat.flops()).isEqualTo(0L);
        assertThat(flat.activations()).isEqualTo(400L);
        assertThat(model.layer("fc").inputShape()).isEqualTo(new int[] {400});
        assertThat(model.macs()).isEqualTo(48_000L);
        assertThat(model.params()).isEqualTo(48_120L);
        assertThat(model.outputShape()).isEqualTo(new int[] {120});
    }

    @Test
    void denseAfterGlobalPoolingTakesTheChannels() {
        // 512 x 1 x 1 flattens to 512: 512 * 1000 = 512,000 MACs (ResNet-18's fc).
        ModelCost model = network("@Shape(channels = 512, size = {7, 7})",
                "@GlobalAvgPool Layer pool;",
                "@Dense(out = 1000) Layer fc;");
        assertThat(model.layer("fc").macs()).isEqualTo(512_000L);
        assertThat(model.params()).isEqualTo(513_000L);
    }
}
