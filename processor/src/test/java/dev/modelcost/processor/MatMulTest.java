package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import org.junit.jupiter.api.Test;

/**
 * {@code @MatMul}: a product of two activations, {@code (L, K) @ (K, N)} per head ({@code (L, K) @ (M, K)^T}
 * transposed), {@code h * L * K * N} multiply-accumulates, 2 FLOPs each, no parameters.
 */
class MatMulTest {

    @Test
    void aProductOfTwoSequences() {
        // a = the input 8 x {8}, i.e. (L = 8, K = 8); b = 6 x {8}, i.e. (K = 8, N = 6): a @ b is (8, 6), 6 x {8};
        // 8 * 8 * 6 = 384 MACs, 768 FLOPs.
        ModelCost model = LayerKindsTest.network("@Shape(channels = 8, size = 8)",
                "@Conv(out = 6, kernel = 1) Layer b;",
                "@MatMul({From.INPUT, \"b\"}) Layer product;");
        LayerCost product = model.layer("product");
        assertThat(product.kind()).isEqualTo(LayerKind.MATMUL);
        assertThat(product.outputShape()).isEqualTo(new int[] {6, 8});
        assertThat(product.macs()).isEqualTo(384L);
        assertThat(product.flops()).isEqualTo(768L);
        assertThat(product.params()).isEqualTo(0L);
        assertThat(product.biasAdds()).isEqualTo(0L);
        assertThat(product.settings()).isEqualTo("<input> x b");
    }

    @Test
    void attentionsTwoProductsHeadByHead() {
        // Q = K = V = the input 64 x {10} as 4 heads of 16. Q K^T per head (10, 16) @ (10, 16)^T = (10, 10): 4 * 10
        // * 16 * 10 = 6,400 MACs, the 4 heads' scores 40 x {10}. A V per head (10, 10) @ (10, 16) = (10, 16): 4 *
        // 10 * 10 * 16 = 6,400 MACs, 64 x {10}. Together 12,800: @Attention(heads = 4, projections = false)'s
        // products (AttentionTest.withoutProjectionsItIsTheProductsAlone).
        ModelCost model = LayerKindsTest.network("@Shape(channels = 64, size = 10)",
                "@MatMul(value = {From.INPUT, From.INPUT}, transposeSecond = true, heads = 4) Layer scores;",
                "@MatMul(value = {\"scores\", From.INPUT}, heads = 4) Layer mixed;");
        LayerCost scores = model.layer("scores");
        assertThat(scores.outputShape()).isEqualTo(new int[] {40, 10});
        assertThat(scores.macs()).isEqualTo(6_400L);
        assertThat(scores.settings()).isEqualTo("<input> x <input>^T h=4");
        LayerCost mixed = model.layer("mixed");
        assertThat(mixed.outputShape()).isEqualTo(new int[] {64, 10});
        assertThat(mixed.macs()).isEqualTo(6_400L);
        assertThat(model.macs()).isEqualTo(12_800L);
        // The input is read by both products: it stays alive to the last, with the scores and the output:
        // 640 + 400 + 640 elements of 4 bytes = 6,720.
        assertThat(model.peakActivationBytes()).isEqualTo(6_720L);
    }
}
