package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.processor.testing.Compiled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backward pass of a training step (docs/FORMULAS.md#the-backward-pass), kind by kind, and which layers need
 * which gradient: every figure below is worked out by hand beside its assertion.
 *
 * <p>Most networks start with one convolution on {@code 3x8x8}, {@code @Conv(out = 8, kernel = 3, padding = 1)}:
 * forward MACs {@code 8 * 64 * 3 * 9 = 13,824}, bias additions {@code 8 * 64 = 512}. Fed by the network's input,
 * it computes only its weight gradients: {@code 13,824} MACs and {@code 512} bias-gradient additions, backward
 * FLOPs {@code 2 * 13,824 + 512 = 28,160}. Its output {@code 8x8x8} has {@code N = 512} elements.
 */
class BackwardPassTest {
    private static final String STEM = "@Conv(out = 8, kernel = 3, padding = 1) Layer stem;";
    private static final long STEM_MACS = 13_824L;
    private static final long STEM_FLOPS = 28_160L;

    /** The compiled network {@code k.N} of these fields on {@code input}. */
    static Compiled compile(String input, String... fields) {
        List<String> lines = new ArrayList<>(List.of(
                "package k;",
                "import dev.modelcost.*;",
                "@Network(input = " + input + ")",
                "public class N {"));
        lines.addAll(List.of(fields));
        lines.add("}");
        Compiled compiled = Compiled.source(lines.toArray(String[]::new));
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        return compiled;
    }

    /** {@code BACKWARD_MACS}, {@code BACKWARD_FLOPS}. */
    private static long[] backward(String input, String... fields) {
        Compiled compiled = compile(input, fields);
        return new long[] {compiled.constant("k.NCost", "BACKWARD_MACS"),
                compiled.constant("k.NCost", "BACKWARD_FLOPS")};
    }

    private static long[] afterStem(String... fields) {
        List<String> all = new ArrayList<>(List.of(STEM));
        all.addAll(List.of(fields));
        return backward("@Shape(channels = 3, size = {8, 8})", all.toArray(String[]::new));
    }

    @Test
    void aLayerFedByTheInputComputesOnlyItsWeightGradientsNotTwiceItsForward() {
        Compiled compiled = compile("@Shape(channels = 3, size = {8, 8})", STEM);
        assertThat(compiled.constant("k.NCost", "BACKWARD_MACS")).isEqualTo(STEM_MACS);
        assertThat(compiled.constant("k.NCost", "BACKWARD_FLOPS")).isEqualTo(STEM_FLOPS);
        // Forward FLOPs 2 * 13,824 + 512 = 28,160; the step 28,160 + 28,160 = 56,320, not a flat 3 x forward.
        assertThat(compiled.constant("k.NCost", "TRAINING_STEP_FLOPS")).isEqualTo(56_320L);
        assertThat(compiled.constant("k.NCost", "BACKWARD_MACS"))
                .isNotEqualTo(2 * compiled.constant("k.NCost", "MACS"));
    }

    @Test
    void aLayerAfterATrainableOneComputesBothGradientsEachItsForwardMacs() {
        // @Conv(out = 4, kernel = 1) on 8x8x8: 4 * 64 * 8 = 2,048 MACs, 256 bias additions; input and weight
        // gradients 2 * 2,048 = 4,096 MACs, 256 bias-gradient additions.
        long[] figures = afterStem("@Conv(out = 4, kernel = 1) Layer pw;");
        assertThat(figures[0]).isEqualTo(STEM_MACS + 4_096L);
        assertThat(figures[1]).isEqualTo(STEM_FLOPS + 2 * 4_096L + 256L);
    }

    @Test
    void aFrozenLayerKeepsItsInputGradientAndLosesItsWeightGradients() {
        // The 1x1 convolution frozen after the trainable stem: its input gradient only, 2,048 MACs.
        long[] frozenSecond = afterStem("@Frozen @Conv(out = 4, kernel = 1) Layer pw;");
        assertThat(frozenSecond[0]).isEqualTo(STEM_MACS + 2_048L);
        assertThat(frozenSecond[1]).isEqualTo(STEM_FLOPS + 4_096L);
        // The stem frozen: nothing trainable lies before the 1x1 convolution, which computes only its weight
        // gradients, 2,048 MACs and 256 additions; the stem computes nothing.
        long[] frozenStem = backward("@Shape(channels = 3, size = {8, 8})",
                "@Frozen " + STEM, "@Conv(out = 4, kernel = 1) Layer pw;");
        assertThat(frozenStem[0]).isEqualTo(2_048L);
        assertThat(frozenStem[1]).isEqualTo(4_096L + 256L);
    }

    @Test
    void aFrozenStageFreezesEveryLayerOfEveryRepetition() {
        // Two repetitions of two 1x1 convolutions 8 -> 8 without bias on 8x8x8 (8 * 64 * 8 = 4,096 MACs each),
        // frozen, after the frozen stem: no gradient at all until the head, @Conv(out = 2, kernel = 1) without
        // bias, 2 * 64 * 8 = 1,024 MACs, which computes its weight gradient only.
        String[] fields = {
            "@Frozen " + STEM,
            "@Frozen @Stage(block = Pair.class, repeat = 2) Layer body;",
            "@Conv(out = 2, kernel = 1, bias = false) Layer head;",
            "@Block static class Pair {",
            "    @Conv(out = 8, kernel = 1, bias = false) Layer a;",
            "    @Conv(out = 8, kernel = 1, bias = false) Layer b;",
            "}",
        };
        long[] figures = backward("@Shape(channels = 3, size = {8, 8})", fields);
        assertThat(figures[0]).isEqualTo(1_024L);
        assertThat(figures[1]).isEqualTo(2_048L);
        // Unfrozen, the stage's four convolutions follow the frozen stem: the first has nothing trainable
        // before it, weight gradient only (4,096), the other three both (3 * 8,192); the head both (2,048).
        fields[1] = "@Stage(block = Pair.class, repeat = 2) Layer body;";
        long[] trained = backward("@Shape(channels = 3, size = {8, 8})", fields);
        assertThat(trained[0]).isEqualTo(4_096L + 3 * 8_192L + 2_048L);
    }

    @Test
    void activationsCountTheirDerivativeAndOneMultiplicationPerElement() {
        // relu (f = 1): (1 + 1) * 512 = 1,024; gelu (f = 12): 13 * 512 = 6,656; dropout: the identity, 0.
        assertThat(afterStem("@Activation(ActivationFunction.RELU) Layer relu;")[1]).isEqualTo(STEM_FLOPS + 1_024L);
        assertThat(afterStem("@Activation(ActivationFunction.GELU) Layer gelu;")[1]).isEqualTo(STEM_FLOPS + 6_656L);
        assertThat(afterStem("@Elementwise(flopsPerElement = 3) Layer op;")[1]).isEqualTo(STEM_FLOPS + 2_048L);
        assertThat(afterStem("@Dropout(0.1) Layer drop;")[1]).isEqualTo(STEM_FLOPS);
        // Fed by the input, an activation needs no gradient at all.
        assertThat(backward("@Shape(channels = 3, size = {8, 8})", "@Activation(ActivationFunction.RELU) Layer relu;",
                STEM)[1]).isEqualTo(STEM_FLOPS);
    }

    @Test
    void normalizationsCountTheirInputAndParameterGradients() {
        // batch norm: a dy, 1 per element, and gamma's and beta's gradients, 3: 4 * 512 = 2,048.
        assertThat(afterStem("@BatchNorm Layer bn;")[1]).isEqualTo(STEM_FLOPS + 2_048L);
        // layer norm with affine: 8 + 3 per element, 11 * 512 = 5,632; group norm without: 7 * 512 = 3,584.
        assertThat(afterStem("@LayerNorm Layer ln;")[1]).isEqualTo(STEM_FLOPS + 5_632L);
        assertThat(afterStem("@GroupNorm(value = 2, affine = false) Layer gn;")[1]).isEqualTo(STEM_FLOPS + 3_584L);
        // RMS norm: 6 + 2 per element, 8 * 512 = 4,096.
        assertThat(afterStem("@RMSNorm Layer rms;")[1]).isEqualTo(STEM_FLOPS + 4_096L);
        // Frozen, a layer norm still passes the gradient back: 8 * 512 = 4,096.
        assertThat(afterStem("@Frozen @LayerNorm Layer ln;")[1]).isEqualTo(STEM_FLOPS + 4_096L);
    }

    @Test
    void poolingSendsTheGradientBackToTheWindows() {
        // max, kernel 2 on 8x8x8: 8x4x4 = 128 outputs, one addition each; average: 128 * 4 = 512 window taps.
        assertThat(afterStem("@MaxPool(kernel = 2) Layer pool;")[1]).isEqualTo(STEM_FLOPS + 128L);
        assertThat(afterStem("@AvgPool(kernel = 2) Layer pool;")[1]).isEqualTo(STEM_FLOPS + 512L);
        // global average: 512 input elements; global max: 8 outputs.
        assertThat(afterStem("@GlobalAvgPool Layer pool;")[1]).isEqualTo(STEM_FLOPS + 512L);
        assertThat(afterStem("@GlobalMaxPool Layer pool;")[1]).isEqualTo(STEM_FLOPS + 8L);
    }

    @Test
    void mergesAndDataMovementPassTheGradientOn() {
        // A residual add of equal shapes: each operand's gradient is the output's, 0.
        assertThat(afterStem("@Conv(out = 8, kernel = 1, bias = false) Layer c;",
                "@Add({\"c\", \"stem\"}) Layer sum;")[1])
                .isEqualTo(STEM_FLOPS + 4 * 4_096L);
        // A gate of 8x1x1 multiplied into 8x8x8: each operand's gradient is the output's times the other,
        // 2 * 1 * 512 = 1,024, and the gate's is summed over the 64 positions, 512 more.
        assertThat(afterStem("@GlobalAvgPool Layer squeeze;", "@Multiply({\"stem\", \"squeeze\"}) Layer scaled;")[1])
                .isEqualTo(STEM_FLOPS + 512L + 1_536L);
        // Concatenation, slicing, flattening and nearest upsampling's copies: only the copies' sums count,
        // nearest x2 on 8x8x8: 2,048 outputs, one addition each; bilinear: 2^3 = 8 per output, 16,384.
        assertThat(afterStem("@Concat({\"stem\", \"stem\"}) Layer cat;", "@Slice(from = 0, to = 4) Layer half;",
                "@Flatten Layer flat;")[1]).isEqualTo(STEM_FLOPS);
        assertThat(afterStem("@Upsample(scale = 2) Layer up;")[1]).isEqualTo(STEM_FLOPS + 2_048L);
        assertThat(afterStem("@Upsample(scale = 2, mode = UpsampleMode.BILINEAR) Layer up;")[1])
                .isEqualTo(STEM_FLOPS + 16_384L);
    }

    @Test
    void attentionsProductsHaveFourGradientProductsAndItsProjectionsBothGradients() {
        // 4 tokens of 8, @Linear(out = 8, bias = false): 4 * 8 * 8 = 256 MACs, weight gradient only.
        // @Attention(heads = 2, bias = false), hs = 4: projections Q 256, K and V 512, output 256; scores
        // H * L * M = 2 * 4 * 4 = 32. Backward: the four products 4 * 32 * 4 = 512 and the output projection's
        // adjoint 256, inner; Q, K, V adjoints 768, the input gradient; the four weight gradients 1,024:
        // 2,560 MACs; the scores' 5 operations each, 160.
        long[] figures = backward("@Shape(channels = 8, size = 4)", "@Linear(out = 8, bias = false) Layer proj;",
                "@Attention(heads = 2, bias = false) Layer attn;");
        assertThat(figures[0]).isEqualTo(256L + 2_560L);
        assertThat(figures[1]).isEqualTo(2 * 2_816L + 160L);
        // Fed by the input, it skips only the Q, K, V adjoints: 2,560 - 768 = 1,792.
        long[] first = backward("@Shape(channels = 8, size = 4)", "@Attention(heads = 2, bias = false) Layer attn;");
        assertThat(first[0]).isEqualTo(1_792L);
        assertThat(first[1]).isEqualTo(2 * 1_792L + 160L);
    }

    @Test
    void aGatedMlpsHiddenGradientIsNeededByItsWeights() {
        // @GatedMlp(hidden = 6) on 4x{2} (SiLU, f = 5, no bias): forward 2 * 3 * 4 * 6 = 144 MACs. After a
        // trainable @Linear(out = 4, bias = false) (2 * 4 * 4 = 32 MACs, weight gradient only): weight gradients
        // 144, down's adjoint 48, gate's and up's adjoints 96, 288 MACs; the gate's (5 + 3) * 2 * 6 = 96.
        long[] figures = backward("@Shape(channels = 4, size = 2)", "@Linear(out = 4, bias = false) Layer proj;",
                "@GatedMlp(hidden = 6) Layer mlp;");
        assertThat(figures[0]).isEqualTo(32L + 288L);
        assertThat(figures[1]).isEqualTo(2 * 320L + 96L);
        // Frozen, after the trainable projection: its adjoints only, 48 + 96 = 144 MACs, and the gate's 96.
        long[] frozen = backward("@Shape(channels = 4, size = 2)", "@Linear(out = 4, bias = false) Layer proj;",
                "@Frozen @GatedMlp(hidden = 6) Layer mlp;");
        assertThat(frozen[0]).isEqualTo(32L + 144L);
        assertThat(frozen[1]).isEqualTo(2 * 176L + 96L);
    }

    @Test
    void aRecurrentLayerIsUnrolledOverItsSteps() {
        // @LSTM(hidden = 3) on 2x{5}: W = 4 * 3 * (2 + 3) = 60, forward 5 * 60 = 300 MACs, bias additions
        // 5 * 24 = 120. Fed by the input: weight gradients 300, the state's adjoint 5 * 12 * 3 = 180 (all but the
        // input's, 5 * 12 * 2 = 120), 480 MACs; element-wise 5 * (26 + 4) * 3 = 450; bias gradients 120.
        long[] first = backward("@Shape(channels = 2, size = 5)", "@LSTM(hidden = 3) Layer lstm;");
        assertThat(first[0]).isEqualTo(480L);
        assertThat(first[1]).isEqualTo(960L + 450L + 120L);
        // After @Linear(out = 2) (5 * 2 * 2 = 20 MACs, 10 bias additions, weight gradients only), the LSTM adds its
        // input's adjoint, 120: 20 + 600 = 620 MACs.
        long[] after = backward("@Shape(channels = 2, size = 5)", "@Linear(out = 2) Layer proj;",
                "@LSTM(hidden = 3) Layer lstm;");
        assertThat(after[0]).isEqualTo(620L);
        assertThat(after[1]).isEqualTo(1_240L + 450L + 120L + 10L);
    }

    @Test
    void aTiedMatrixGetsTheGradientsOfBothUsesAddedTogether() {
        // @Embedding(vocabulary = 10, dim = 4) on 3 token ids: no input gradient, its table's 3 * 4 = 12
        // additions. The tied head, 3 * 4 * 10 = 120 MACs: input and weight gradients, 240, and its gradient
        // added into the shared one, 40 additions.
        long[] figures = backward("@Shape(channels = 1, size = 3)", "@Embedding(vocabulary = 10, dim = 4) Layer wte;",
                "@Linear(out = 10, bias = false, tiedTo = \"wte\") Layer head;");
        assertThat(figures[0]).isEqualTo(240L);
        assertThat(figures[1]).isEqualTo(480L + 12L + 40L);
        // Both uses frozen: nothing is trainable, so no gradient at all.
        long[] frozen = backward("@Shape(channels = 1, size = 3)",
                "@Frozen @Embedding(vocabulary = 10, dim = 4) Layer wte;",
                "@Frozen @Linear(out = 10, bias = false, tiedTo = \"wte\") Layer head;");
        assertThat(frozen[0]).isEqualTo(0L);
        assertThat(frozen[1]).isEqualTo(0L);
    }

    @Test
    void aMatrixProductHasAnAdjointProductPerOperand() {
        // @MatMul of 8x{4} by itself, transposed: 4 * 8 * 4 = 128 MACs; after a trainable @Linear(out = 8,
        // bias = false) (4 * 8 * 8 = 256, weight gradient only), its two adjoints 256.
        long[] figures = backward("@Shape(channels = 8, size = 4)", "@Linear(out = 8, bias = false) Layer proj;",
                "@MatMul(value = {\"proj\", \"proj\"}, transposeSecond = true) Layer scores;");
        assertThat(figures[0]).isEqualTo(256L + 256L);
    }
}
