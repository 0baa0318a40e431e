package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of the backward pass: {@code @Frozen} on a layer without weights (MC210, once for a block's
 * field however often the block is used), on a field that is not a layer (MC114), or on one use of a shared
 * matrix only (MC211); a budget on the training step's FLOPs (MC200, as every budget) and a training step beyond
 * a long (MC110), each on the annotation or value at fault.
 */
class BackwardDiagnosticsTest {

    @Test
    void frozenOnALayerWithoutWeightsIsAnErrorOnTheAnnotation() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class FrozenNothing {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "    @Frozen @Activation(ActivationFunction.RELU) Layer relu;",
                "  //^ error [MC210] layer 'relu' is @Frozen, but a @Activation layer (relu) has no weights to "
                        + "freeze ... remove @Frozen",
                "    @Frozen @LayerNorm(affine = false) Layer norm;",
                "  //^ error [MC210] layer 'norm' is @Frozen, but a @LayerNorm layer (no-affine) has no weights",
                "    @Stage(block = Pool.class, repeat = 2) Layer pools;",
                "    @Frozen Layer nothing;",
                "  //^ error [MC114] @Frozen on field 'nothing', which is not a layer",
                "    @Block static class Pool {",
                "        @Frozen @MaxPool(kernel = 1) Layer pool;",
                "      //^ error [MC210] layer 'pools.0.pool' is @Frozen, but a @MaxPool layer",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aTrainingStepOverItsBudgetIsAWarningOnTheLimit() {
        // The stem, 3x8x8 to 8x8x8 with k = 3, p = 1: forward 2 * 13,824 + 512 = 28,160 FLOPs; fed by the input,
        // its backward is its weight gradients only, 28,160 again: 56,320. The dense layer on its 512 outputs:
        // forward 2 * 512 + 1 = 1,025, backward both gradients 2 * 2 * 512 + 1 = 2,049: 3,074. In all 59,394.
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "@Budget(trainingStepFlops = 59_393)",
                "//                          ^ warning [MC200] network OverStep is over budget: training-step "
                        + "FLOPs 59,394 > limit 59,393 (+1, 0.0% over) ... costliest layers: stem 56,320 (94.8%), "
                        + "fits 3,074 (5.2%)",
                "public class OverStep {",
                "    @Budget(trainingStepFlops = 100)",
                "    //                          ^ warning [MC200] layer 'stem' is over budget: training-step FLOPs "
                        + "56,320 > limit 100",
                "    @Conv(out = 8, kernel = 3, padding = 1) Layer stem;",
                "    @Budget(trainingStepFlops = 56_320) @Dense(out = 1) Layer fits;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).containsExactly("d.OverStepCost");
    }

    @Test
    void aTrainingStepBeyondLongIsAnOverflowOfTheNetwork() {
        // A 1x1 convolution 65,536 -> 65,536 on 23,171^2 positions: F = 65,536^2 * 23,171^2 =
        // 2,305,947,501,473,038,336 MACs, forward FLOPs 2F + 65,536 * 23,171^2 = 4,611,930,188,912,590,848, which
        // fit a long; fed by the input its backward is its weight gradients, as many FLOPs again: 9.2e18 does not.
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 65536, size = {23171, 23171}))",
                "//  ^ error [MC110] training-step FLOPs of network HugeStep (4,611,930,188,912,590,848 + "
                        + "4,611,930,188,912,590,848) exceeds the largest long",
                "public class HugeStep {",
                "    @Conv(out = 65536, kernel = 1) Layer conv;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aSharedMatrixFrozenInOneUseOnlyIsAnErrorOnTheTie() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 3))",
                "public class HalfFrozen {",
                "    @Frozen @Embedding(vocabulary = 10, dim = 4) Layer wte;",
                "    @Linear(out = 10, bias = false, tiedTo = \"wte\") Layer head;",
                "    //                                       ^ error [MC211] layer 'head' is not @Frozen but shares the "
                        + "weight matrix of 'wte', which is: a shared matrix is one tensor ... freeze both layers "
                        + "or neither",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }
}
