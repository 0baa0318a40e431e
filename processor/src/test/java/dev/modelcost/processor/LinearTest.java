package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.modelcost.processor.LayerKindsTest.network;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import org.junit.jupiter.api.Test;

/**
 * {@code @Linear}: PyTorch's {@code nn.Linear} on the features of every position, {@code positions * in * out}
 * multiply-accumulates, {@code in * out (+ out)} parameters, and unlike {@code @Dense} no flattening.
 */
class LinearTest {

    @Test
    void aSequenceIsProjectedTokenByToken() {
        // ViT-B/16's MLP at 197 tokens of 768: fc1 768 -> 3072 and fc2 back.
        ModelCost model = network("@Shape(channels = 768, size = 197)",
                "@Linear(out = 3072) Layer fc1;",
                "@Linear(out = 768, bias = false) Layer fc2;");
        LayerCost fc1 = model.layer("fc1");
        assertThat(fc1.kind()).isEqualTo(LayerKind.LINEAR);
        assertThat(fc1.outputShape()).isEqualTo(new int[] {3072, 197});
        // 197 * 768 * 3072 = 464,781,312 MACs; 197 * 3072 = 605,184 bias additions.
        assertThat(fc1.macs()).isEqualTo(464_781_312L);
        assertThat(fc1.biasAdds()).isEqualTo(605_184L);
        // 768 * 3072 + 3072 = 2,362,368 parameters (nn.Linear(768, 3072): weight 3072x768, bias 3072).
        assertThat(fc1.params()).isEqualTo(2_362_368L);
        // 2 * 464,781,312 + 605,184 = 930,167,808.
        assertThat(fc1.flops()).isEqualTo(930_167_808L);
        assertThat(fc1.activations()).isEqualTo(605_184L);
        assertThat(fc1.settings()).isEqualTo("in=768");
        LayerCost fc2 = model.layer("fc2");
        assertThat(fc2.outputShape()).isEqualTo(new int[] {768, 197});
        // The same MACs back, no bias: 3072 * 768 = 2,359,296 parameters, FLOPs 2 * 464,781,312.
        assertThat(fc2.macs()).isEqualTo(464_781_312L);
        assertThat(fc2.biasAdds()).isEqualTo(0L);
        assertThat(fc2.params()).isEqualTo(2_359_296L);
        assertThat(fc2.flops()).isEqualTo(929_562_624L);
        assertThat(fc2.settings()).isEqualTo("in=3072 no-bias");
    }

    @Test
    void aVectorIsProjectedAsByDense() {
        // 3 -> 10 on a vector: 30 MACs, 10 bias additions, 40 parameters, FLOPs 2 * 30 + 10 = 70.
        LayerCost fc = network("@Shape(channels = 3)", "@Linear(out = 10) Layer fc;").layer("fc");
        assertThat(fc.outputShape()).isEqualTo(new int[] {10});
        assertThat(fc.macs()).isEqualTo(30L);
        assertThat(fc.biasAdds()).isEqualTo(10L);
        assertThat(fc.params()).isEqualTo(40L);
        assertThat(fc.flops()).isEqualTo(70L);
    }

    @Test
    void aFeatureMapIsProjectedAtEveryPositionWithoutFlattening() {
        // 8x4x4 to 2 features at each of the 16 positions: 16 * 8 * 2 = 256 MACs, 16 * 2 = 32 bias additions,
        // 8 * 2 + 2 = 18 parameters; @Dense would flatten to 128 inputs and give 2 values, not 2x4x4.
        ModelCost model = network("@Shape(channels = 8, size = {4, 4})", "@Linear(out = 2) Layer pointwise;");
        LayerCost pointwise = model.layer("pointwise");
        assertThat(pointwise.outputShape()).isEqualTo(new int[] {2, 4, 4});
        assertThat(pointwise.macs()).isEqualTo(256L);
        assertThat(pointwise.biasAdds()).isEqualTo(32L);
        assertThat(pointwise.params()).isEqualTo(18L);
    }

    @Test
    void itCountsWhatAKernelOneConvolutionCounts() {
        // A per-token linear layer is a kernel-1 convolution over {L}: the same figures (docs/FORMULAS.md#per-token-layers).
        ModelCost model = network("@Shape(channels = 6, size = 5)",
                "@Linear(out = 4) Layer linear;",
                "@From(From.INPUT) @Conv(out = 4, kernel = 1) Layer conv;");
        LayerCost linear = model.layer("linear");
        LayerCost conv = model.layer("conv");
        // 5 * 6 * 4 = 120 MACs, 20 bias additions, 28 parameters, FLOPs 260.
        assertThat(linear.macs()).isEqualTo(120L);
        assertThat(new long[] {linear.macs(), linear.biasAdds(), linear.params(), linear.flops()})
                .isEqualTo(new long[] {conv.macs(), conv.biasAdds(), conv.params(), conv.flops()});
        assertThat(linear.outputShape()).isEqualTo(conv.outputShape());
    }
}
