package dev.modelcost.processor.property;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.property.Oracle.Sweep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The oracle {@link PropertyTest} trusts, checked against figures derived by hand: docs/FORMULAS.md#convolutions worked
 * examples, TensorFlow's documented "SAME" sizes and PyTorch's ceil-mode pooling, whose last-window rule is the
 * easiest to get wrong, docs/FORMULAS.md#normalization's layer normalization example, and attention's loops
 * (docs/FORMULAS.md#attention) on examples small enough to derive by hand.
 */
class OracleTest {

    private static Sweep[] sweeps(int rank, Sweep sweep) {
        Sweep[] all = new Sweep[rank];
        Arrays.fill(all, sweep);
        return all;
    }

    @Test
    void depthwiseConvolutionOfWorkedExample3() {
        // 32 -> 32, k=3, s=2, p=1, g=32 on 112x112: O = 56x56, MACs = 32 * 56 * 56 * 1 * 9 = 903,168.
        Oracle.Counted counted = Oracle.convolution(32, new int[] {112, 112}, 32, 32,
                sweeps(2, new Sweep(3, 2, 1, 1, 1)));
        assertThat(counted.sizes()).isEqualTo(new int[] {56, 56});
        assertThat(counted.multiplications()).isEqualTo(903_168L);
    }

    @Test
    void groupedTransposedConvolutionOfWorkedExample5() {
        // 64 -> 32, k=3, s=2, g=2 on 16x16: MACs = 64 * 256 * 16 * 9 = 2,359,296; the scatter reaches
        // (16 - 1) * 2 + 2 + 1 = 33, so with p=1, op=1 the output is 33 - 2 + 1 = 32.
        Oracle.Counted counted = Oracle.transposedConvolution(64, new int[] {16, 16}, 32, 2, new int[] {3, 3},
                new int[] {2, 2}, new int[] {1, 1});
        assertThat(counted.multiplications()).isEqualTo(2_359_296L);
        assertThat(counted.sizes()).isEqualTo(new int[] {33, 33});
    }

    @Test
    void convolutionWindowsWithStrideDilationAndPadding() {
        // 1-D, 10 inputs, k=3, d=2 (reach 5), s=3, p=1: padded 12, windows start at 0, 3, 6 (6 + 5 = 11 <= 12),
        // not 9: 3 windows. 2 -> 4 channels, g=2: 4 * 3 * 1 * 3 = 36 multiplications.
        Oracle.Counted counted = Oracle.convolution(2, new int[] {10}, 4, 2, new Sweep[] {new Sweep(3, 3, 2, 1, 1)});
        assertThat(counted.sizes()).isEqualTo(new int[] {3});
        assertThat(counted.multiplications()).isEqualTo(36L);
    }

    @Test
    void sameConvolutionPaddingAndSizesAsTensorFlowDocumentsThem() {
        // in 5, s 2, k 3: 5 % 2 = 1, so 3 - 1 = 2 of padding, 1 on each side; ceil(5 / 2) = 3 outputs.
        assertThat(Oracle.same(5, 3, 2, 1)).isEqualTo(new Sweep(3, 2, 1, 1, 1));
        assertThat(Oracle.windows(5, Oracle.same(5, 3, 2, 1))).isEqualTo(3);
        // in 6, s 2, k 4: 6 % 2 = 0, so 4 - 2 = 2; in 7, s 1, k 4: 3, the odd one at the end.
        assertThat(Oracle.same(6, 4, 2, 1)).isEqualTo(new Sweep(4, 2, 1, 1, 1));
        assertThat(Oracle.same(7, 4, 1, 1)).isEqualTo(new Sweep(4, 1, 1, 1, 2));
        // A kernel shorter than the stride needs none: in 5, s 3, k 1 gives ceil(5 / 3) = 2.
        assertThat(Oracle.windows(5, Oracle.same(5, 1, 3, 1))).isEqualTo(2);
    }

    @Test
    void sameTransposedSizeIsTheInputTimesTheStride() {
        assertThat(Oracle.sameTransposedSize(3, 3, 2, 1)).isEqualTo(6);
        assertThat(Oracle.sameTransposedSize(4, 1, 3, 1)).isEqualTo(12);
        assertThat(Oracle.sameTransposedSize(5, 3, 1, 2)).isEqualTo(5);
    }

    @Test
    void transposedExtentOfTheDcganLayer() {
        // Worked example 4: 4 inputs, k=4, s=2 reach (4 - 1) * 2 + 3 + 1 = 10; p=1 cuts 2: 8.
        assertThat(Oracle.scatterExtent(4, 4, 2, 1)).isEqualTo(10);
    }

    @Test
    void poolingInCeilModeKeepsAPartialWindowUnlessItStartsInTheRightPadding() {
        // in 6, k 3, s 2: full windows at 0 and 2; the one at 4 hangs over by one: floor 2, ceil 3.
        assertThat(Oracle.poolWindows(6, 3, 2, 0, 1, false)).isEqualTo(2);
        assertThat(Oracle.poolWindows(6, 3, 2, 0, 1, true)).isEqualTo(3);
        // in 5, k 2, s 2, p 1 (padded 7): full windows at 0, 2, 4; one at 6 would start in the right padding
        // (6 >= 5 + 1), so PyTorch drops it although ceil((7 - 2) / 2) + 1 = 4.
        assertThat(Oracle.poolWindows(5, 2, 2, 1, 1, true)).isEqualTo(3);
        // in 4, k 2, s 2: the windows tile exactly, ceil mode adds none.
        assertThat(Oracle.poolWindows(4, 2, 2, 0, 1, true)).isEqualTo(2);
    }

    @Test
    void denseMultipliesEveryInputByEveryOutput() {
        assertThat(Oracle.dense(3, new int[] {4, 5}, 7)).isEqualTo(3L * 20 * 7);
        assertThat(Oracle.dense(6, new int[0], 2)).isEqualTo(12L);
    }

    @Test
    void boxVisitsEveryIndexOnceInRowMajorOrder() {
        List<String> visited = new ArrayList<>();
        for (int[] index : Oracle.box(new int[] {2, 3})) {
            visited.add(index[0] + "," + index[1]);
        }
        assertThat(visited).containsExactly("0,0", "0,1", "0,2", "1,0", "1,1", "1,2").inOrder();
        assertThat(Oracle.box(new int[0])).hasSize(1);
        assertThat(Oracle.box(new int[] {3, 0})).isEmpty();
    }

    @Test
    void layerNormalizationOfConvNextsStem() {
        // @LayerNorm on 96x56x56 (N = 301,056): 2 * 96 = 192 parameters and 5 * N = 1,505,280 FLOPs;
        // without affine none and 4 * N = 1,204,224.
        assertThat(Oracle.layerNorm(96, new int[] {56, 56}, true)).isEqualTo(new Oracle.Figures(1_505_280L, 192L));
        assertThat(Oracle.layerNorm(96, new int[] {56, 56}, false)).isEqualTo(new Oracle.Figures(1_204_224L, 0L));
    }

    @Test
    void layerNormalizationOfAVector() {
        // A transformer's nn.LayerNorm(768) on one token: 2 * 768 parameters, 5 * 768 FLOPs.
        assertThat(Oracle.layerNorm(768, new int[0], true)).isEqualTo(new Oracle.Figures(3_840L, 1_536L));
    }

    @Test
    void selfAttentionCountsEveryQueryAgainstEveryKeyPerHead() {
        // 8 x {4}, 2 heads of 4, projections with bias. Q, K, V, out: 4 * 8 * 8 = 256 MACs each, 1,024; products
        // 2 * (2 heads * 4 queries * 4 keys * 4 features) = 256; 1,280 MACs. Parameters 4 * 64 + 4 * 8 = 288. FLOPs
        // 2 * 1,280 + 4 * 32 bias additions + 4 * 32 scores = 2,816. Causal: 4 * 5 / 2 = 10 pairs per head,
        // 2 * 2 * 10 * 4 = 160 masked MACs.
        AttentionOracle.Count count = AttentionOracle.count(shape(8, 4), shape(8, 4),
                new AttentionOracle.Settings(2, 2, 4, true, true, true, 0, null, false));
        assertThat(count.macs()).isEqualTo(1_280L);
        assertThat(count.maskedMacs()).isEqualTo(160L);
        assertThat(count.figures()).isEqualTo(new Oracle.Figures(2_816L, 288L));
    }

    @Test
    void windowedAttentionStaysWithinEachWindow() {
        // 2 x {4, 4} in windows of 2 x 2: 4 windows of 4 tokens, 1 head of 2, no projections, a relative position
        // bias: products 2 * 4 * 4 * 4 * 2 = 256 MACs; a table of 3 * 3 * 1 = 9; FLOPs 512 + 5 * 64 scores = 832.
        AttentionOracle.Count count = AttentionOracle.count(shape(2, 4, 4), shape(2, 4, 4),
                new AttentionOracle.Settings(1, 1, 2, false, false, false, 0, new int[] {2, 2}, true));
        assertThat(count.macs()).isEqualTo(256L);
        assertThat(count.figures()).isEqualTo(new Oracle.Figures(832L, 9L));
    }

    @Test
    void crossAttentionProjectsTheKeysOfTheOtherSequence() {
        // Queries 4 x {2}, keys 6 x {3}, 1 head of 4, no bias, 2 rotated dimensions: Q 2 * 4 * 4 = 32, K and V
        // 2 * 3 * 6 * 4 = 144, out 32; products 2 * 2 * 3 * 4 = 48; 256 MACs. Parameters 16 + 48 + 16 = 80.
        // FLOPs 512 + 4 * 6 scores + 3 * 2 * (2 + 3) rotated = 566.
        AttentionOracle.Count count = AttentionOracle.count(shape(4, 2), shape(6, 3),
                new AttentionOracle.Settings(1, 1, 4, true, false, false, 2, null, false));
        assertThat(count.macs()).isEqualTo(256L);
        assertThat(count.figures()).isEqualTo(new Oracle.Figures(566L, 80L));
    }

    @Test
    void productsAndRotationsTermByTerm() {
        // Q K^T of 4 heads, (10, 16) @ (16, 10): 4 * 10 * 10 * 16 = 6,400 (MatMulTest.attentionsTwoProductsHeadByHead).
        assertThat(AttentionOracle.product(4, 10, 16, 10)).isEqualTo(6_400L);
        // Llama 3.2 1B's queries at 128 tokens, 32 heads of 64 rotated: 3 * 128 * 32 * 64 = 786,432 FLOPs.
        assertThat(AttentionOracle.rotary(32, 128, 64)).isEqualTo(new Oracle.Figures(786_432L, 0L));
    }

    private static Spec.Shape shape(int channels, int... sizes) {
        return new Spec.Shape(channels, sizes);
    }
}
