package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics of the layer kinds beyond convolution and of the graph: modifiers without a layer (MC114), values
 * left out (MC116), names that are not earlier layers (MC118), shapes that cannot be added or concatenated
 * (MC119), channel ranges (MC124), {@code @When} in a network (MC125), merges of fewer than two layers (MC126),
 * one of two attributes (MC127), {@code @From} on a merge (MC132), and the core keys as pooling, shuffle, group
 * normalization and upsampling meet them (MC101, MC104 to MC108, MC110, MC111). The caret lines in each fixture say where javac
 * must point (see {@link Fixture}).
 */
class TopologyDiagnosticsTest {

    @Test
    void modifiersOnFieldsWithoutALayer() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Modifiers {",
                "    @Conv(out = 8, kernel = 1) Layer conv;",
                "    @From(\"conv\") Layer notALayer;",
                "//  ^ error [MC114] @From on field 'notALayer', which is not a layer; put it on a field with a "
                        + "layer annotation such as @Conv or @Dense, or remove it",
                "    @Budget(macs = 1) @Stage(block = Uses.class, repeat = 2) Layer stage;",
                "//  ^ error [MC114] @Budget on field 'stage', which is not a layer but a @Stage (many layers)",
                "    @Block static class Uses {",
                "        @Conv(out = 8, kernel = 1) Layer conv;",
                "        @When(\"1\") Layer notALayer;",
                "    //  ^ error [MC114] @When on field 'notALayer', which is not a layer",
                // Inside a block, once, at the @Budget: not again for each repetition of 'stage'.
                "        @Budget(params = 1) @Stage(block = Inner.class) Layer inner;",
                "    //  ^ error [MC114] @Budget on field 'inner', which is not a layer but a @Stage",
                "    }",
                "    @Block static class Inner {",
                "        @Conv(out = 8, kernel = 1) Layer conv;",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void fromOnAMergeLayerIsAnErrorOnTheFrom() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Merges {",
                "    @Conv(out = 8, kernel = 1) Layer a;",
                "    @Conv(out = 8, kernel = 1) Layer b;",
                "    @Add({\"a\", \"b\"}) @From(From.INPUT) Layer sum;",
                "    //               ^ error [MC132] @From on field 'sum', whose @Add takes its inputs "
                        + "from its own list; name every input in @Add and remove @From",
                "    @From(\"a\") @Concat({\"a\", \"b\"}) Layer both;",
                "//  ^ error [MC132] @From on field 'both', whose @Concat takes its inputs from its own list",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void whenInANetworkIsOneErrorOnIt() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Always {",
                "    @When(\"1\") @Conv(out = 8, kernel = 1) Layer conv;",
                "//  ^ error [MC125] @When on field 'conv' of a network, whose layers always exist; remove "
                        + "@When, or move the layer into a @Block",
                // Neither evaluated (stride is no name here) nor also reported as a modifier without a layer.
                "    @When(\"stride > 1\") Layer nothing;",
                "//  ^ error [MC125] @When on field 'nothing' of a network",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void requiredValuesLeftOutPointAtTheAnnotation() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Missing {",
                "    @Conv(kernel = 3) Layer noOut;",
                "//  ^ error [MC116] out of layer 'noOut' is missing; give out = ... or outExpr = \"...\"",
                "    @MaxPool(stride = 2) Layer noKernel;",
                "//  ^ error [MC116] kernel of layer 'noKernel' is missing; give kernel = ... or kernelExpr = \"...\"",
                "    @AvgPool(padding = 1) Layer noAverageKernel;",
                "//  ^ error [MC116] kernel of layer 'noAverageKernel' is missing",
                "    @Dense(bias = false) Layer noFeatures;",
                "//  ^ error [MC116] out of layer 'noFeatures' is missing",
                "    @Shuffle Layer noGroups;",
                "//  ^ error [MC116] groups of layer 'noGroups' is missing; give value = ... or valueExpr = \"...\"",
                "    @Slice(from = 2) Layer noEnd;",
                "//  ^ error [MC116] to of layer 'noEnd' is missing; give to = ... or toExpr = \"...\"",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void namesThatAreNotEarlierLayers() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Names {",
                "    @Conv(out = 8, kernel = 1) Layer first;",
                "    @From(\"later\") @Conv(out = 8, kernel = 1) Layer forward;",
                "    //    ^ error [MC118] layer 'forward' takes input from 'later', which is not a layer "
                        + "declared before it; declared before it: first (and From.INPUT)",
                "    @Conv(out = 8, kernel = 1) Layer later;",
                "    @Add({\"later\", \"frist\"}) Layer typo;",
                "    //   ^ error [MC118] layer 'typo' takes input from 'frist', which is not a layer declared "
                        + "before it (did you mean 'first'?); declared before it: first, forward, later (and From.INPUT)",
                "    @Stage(block = Inside.class) Layer stage;",
                "    @Block static class Inside {",
                // A block sees its own fields only; its own text is reported where it is written.
                "        @From(\"first\") @Conv(out = 8, kernel = 1) Layer conv;",
                "    //        ^ error [MC118] layer 'Inside.conv' takes input from 'first', which is not a layer "
                        + "declared before it; declared before it: none (use From.INPUT for the input)",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void shapesThatDoNotMatchNameBothShapes() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Shapes {",
                "    @Conv(out = 16, kernel = 1) Layer wide;",
                // floor((8 + 2 - 3) / 2) + 1 = 4
                "    @From(From.INPUT) @Conv(out = 8, kernel = 3, stride = 2, padding = 1) Layer small;",
                "    @Add({\"wide\", From.INPUT}) Layer sum;",
                "    //   ^ error [MC119] layer 'sum' adds 'wide' (16x8x8) and the input (8x8x8), whose shapes "
                        + "differ; make them equal (a 1x1 convolution or a strided projection on the shortcut), "
                        + "or 1 where one is broadcast",
                "    @Concat({\"wide\", \"small\"}) Layer joined;",
                "    //      ^ error [MC119] layer 'joined' concatenates 'wide' (16x8x8) and 'small' (8x4x4), "
                        + "whose spatial sizes differ; resize one of them",
                // The third operand is the one that does not fit.
                "    @Multiply({\"small\", \"small\", \"wide\"}) Layer scaled;",
                "    //        ^ error [MC119] layer 'scaled' multiplies 'small' (8x4x4) and 'wide' (16x8x8), "
                        + "whose shapes differ",
                // 8 x 1 x 1 broadcasts over 8 x 4 x 4 but not over 16 channels.
                "    @From(\"small\") @GlobalAvgPool Layer gate;",
                "    @Multiply({\"wide\", \"gate\"}) Layer gated;",
                "    //        ^ error [MC119] layer 'gated' multiplies 'wide' (16x8x8) and 'gate' (8x1x1), "
                        + "whose shapes differ",
                "    @From(\"wide\") @Flatten Layer flat;",
                "    @Concat({\"flat\", \"wide\"}) Layer ranks;",
                "    //      ^ error [MC119] layer 'ranks' concatenates 'flat' (1024) and 'wide' (16x8x8)",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void mergesNeedTwoOperands() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Operands {",
                "    @Conv(out = 8, kernel = 1) Layer conv;",
                "    @Add({\"conv\"}) Layer one;",
                "    //   ^ error [MC126] layer 'one' names 1 input; it needs at least 2: list every operand",
                "    @Multiply(\"conv\") Layer single;",
                "    //        ^ error [MC126] layer 'single' names 1 input",
                "    @Concat({}) Layer none;",
                "    //      ^ error [MC126] layer 'none' names 0 inputs",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void channelRangesAndShuffleGroups() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 6, size = {4, 4}))",
                "public class Channels {",
                "    @Slice(from = 2, to = 8) Layer tooFar;",
                "    //                    ^ error [MC124] layer 'tooFar' keeps channels 2 to 8 of an input "
                        + "with 6 channels; keep 0 <= from < to <= 6, e.g. from = 0, to = 3",
                "    @From(From.INPUT) @Slice(from = 4, to = 4) Layer empty;",
                "    //                                      ^ error [MC124] layer 'empty' keeps channels 4 to "
                        + "4 of an input with 6 channels",
                "    @From(From.INPUT) @Slice(from = -1, to = 3) Layer negative;",
                "    //                              ^ error [MC105] from of layer 'negative' is -1; it must be 0 or more",
                "    @From(From.INPUT) @Shuffle(4) Layer shuffle;",
                "    //                         ^ error [MC107] layer 'shuffle': 4 groups do not divide the "
                        + "input channels (6); valid group counts: 1, 2, 3, 6",
                "    @From(From.INPUT) @Shuffle(0) Layer zero;",
                "    //                         ^ error [MC104] groups of layer 'zero' is 0; it must be at least 1",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void groupNormalizationGroupsMustDivideTheChannels() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 6, size = {4, 4}))",
                "public class Normalized {",
                "    @GroupNorm(4) Layer four;",
                "    //         ^ error [MC107] layer 'four': 4 groups do not divide the input channels (6); "
                        + "valid group counts: 1, 2, 3, 6",
                "    @From(From.INPUT) @GroupNorm(0) Layer zero;",
                "    //                           ^ error [MC104] groups of layer 'zero' is 0; it must be at least 1",
                "    @From(From.INPUT) @GroupNorm(affine = false) Layer none;",
                "    //                ^ error [MC116] groups of layer 'none' is missing",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void oneOfTwoAttributes() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class OneOf {",
                "    @Upsample(scale = 2, size = 16) Layer both;",
                "//  ^ error [MC127] layer 'both' gives both scale and size; give exactly one of scale or size",
                "    @Upsample(mode = UpsampleMode.BILINEAR) Layer neither;",
                "//  ^ error [MC127] layer 'neither' gives neither scale nor size; give exactly one of scale or size",
                // The expression would silently win over the number.
                "    @Conv(out = 8, outExpr = \"16\", kernel = 1) Layer twice;",
                "    //                       ^ error [MC127] layer 'twice' gives both out and outExpr; give "
                        + "exactly one of out or outExpr",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void poolingAndUpsamplingValuesThatDoNotFitTheInput() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Windows {",
                // Reported once: a stride left out is the kernel, not a second value at fault.
                "    @MaxPool(kernel = {2, 2, 2}) Layer arity;",
                "    //                ^ error [MC106] kernel of layer 'arity' has 3 values but the input of "
                        + "layer 'arity' has 2 spatial dimensions; give 1 value for all of them or 2, one each",
                "    @From(From.INPUT) @AvgPool(kernel = 2, stride = {1, 2, 1}) Layer strideArity;",
                "    //                                              ^ error [MC106] stride of layer "
                        + "'strideArity' has 3 values",
                "    @From(From.INPUT) @AdaptivePool(size = {1, 1, 1}) Layer adaptive;",
                "    //                                     ^ error [MC106] size of layer 'adaptive' has 3 values",
                "    @From(From.INPUT) @Upsample(scale = {2, 2, 2}) Layer up;",
                "    //                                  ^ error [MC106] scale of layer 'up' has 3 values",
                // floor((8 - 9) / 9) + 1 = 0; padding 1 gives floor((8 + 2 - 9) / 9) + 1 = 1.
                "    @From(From.INPUT) @AvgPool(kernel = 9) Layer window;",
                "    //                                  ^ error [MC108] layer 'window': output size would be 0 "
                        + "in spatial dimension 1 (input 8, window 9, stride 9, padding 0); use a padding of at "
                        + "least 1, or a smaller window",
                // Width: floor((8 - 12) / 1) + 1 = -3; padding (12 - 8 + 1) / 2 = 2 gives 8 + 4 - 12 + 1 = 1.
                "    @From(From.INPUT) @MaxPool(kernel = {3, 12}, stride = 1) Layer wide;",
                "    //                                      ^ error [MC108] layer 'wide': output size would be "
                        + "-3 in spatial dimension 2 (input 8, window 12, stride 1, padding 0); use a padding of at least 2",
                // PyTorch allows at most half the window, dilation * (kernel - 1) + 1: 2 / 2 = 1 and 5 / 2 = 2.
                "    @From(From.INPUT) @AvgPool(kernel = 2, padding = 2) Layer half;",
                "    //                                               ^ error [MC133] layer 'half': padding 2 "
                        + "in spatial dimension 1 is more than half the window (2), which PyTorch rejects; "
                        + "use at most 1",
                "    @From(From.INPUT) @MaxPool(kernel = 3, dilation = 2, padding = {1, 3}) Layer dilated;",
                "    //                                                                 ^ error [MC133] layer "
                        + "'dilated': padding 3 in spatial dimension 2 is more than half the window (5)",
                "    @From(From.INPUT) @MaxPool(kernel = 0) Layer zero;",
                "    //                                  ^ error [MC104] kernel of layer 'zero' is 0",
                "    @From(From.INPUT) @AvgPool(kernel = 2, padding = -1) Layer negative;",
                "    //                                               ^ error [MC105] padding of layer 'negative' is -1",
                "    @From(From.INPUT) @AdaptivePool(size = {4, 0}) Layer empty;",
                "    //                                         ^ error [MC104] size of layer 'empty' (dimension 2) is 0",
                "    @From(From.INPUT) @Upsample(size = 0) Layer nothing;",
                "    //                                 ^ error [MC104] size of layer 'nothing' is 0",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void poolingOutputBeyondIntIsAnOverflow() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 2_147_483_647))",
                "public class Padded {",
                // (2,147,483,647 + 2 * 1 - 2) / 1 + 1 = 2,147,483,648: one more than an int.
                "    @AvgPool(kernel = 2, padding = 1, stride = 1) Layer pad;",
                "//  ^ error [MC110] output size of layer 'pad' (2,147,483,648) exceeds the largest int, 2,147,483,647",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void poolingAndUpsamplingNeedSpatialDimensions() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Flat {",
                // 8 * 8 * 8 = 512 values.
                "    @Flatten Layer flat;",
                "    @MaxPool(kernel = 2) Layer pool;",
                "//  ^ error [MC111] layer 'pool' is a pooling layer but its input (512) has no spatial "
                        + "dimensions ('flat' flattened it); move it before 'flat'",
                "    @From(\"flat\") @Upsample(scale = 2) Layer up;",
                "    //            ^ error [MC111] layer 'up' is an upsampling layer but its input (512) has no "
                        + "spatial dimensions ('flat' flattened it)",
                "    @From(\"flat\") @AdaptivePool(size = 1) Layer adaptive;",
                "    //            ^ error [MC111] layer 'adaptive' is an adaptive pooling layer",
                "}");
        Fixture vector = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 10))",
                "public class Features {",
                "    @GlobalAvgPool Layer pool;",
                "//  ^ error [MC111] layer 'pool' is a pooling layer but its input (10) has no spatial "
                        + "dimensions (the network's input has no size); give @Shape a size",
                "    @Dense(out = 4) Layer fine;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture, vector);
        Fixture.assertExactly(outcome, fixture, vector);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void paramOutsideABlockAndBudgetOnABlock() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Params {",
                "    @Param int width;",
                "//  ^ error [MC101] @Param on field 'width' of Params is outside any @Block class; a network "
                        + "has no parameters",
                "    @Conv(out = 8, kernel = 1) Layer conv;",
                "    @Budget(macs = 1)",
                "//  ^ error [MC101] @Budget on Unused is outside any @Network class; its layers count in the "
                        + "networks that use it",
                "    @Block static class Unused {",
                "        @Param(\"1\") int stride;",
                "        @Conv(out = 8, kernel = 1) Layer conv;",
                "    }",
                "}",
                "class Plain {",
                "    @Param(\"2\") int stride;",
                "//  ^ error [MC101] @Param on field 'stride' of Plain is outside any @Block class; annotate "
                        + "Plain with @Block or remove @Param",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        // These are not the network's own errors: it is valid, and its cost class is written.
        assertThat(outcome.generatedSources()).containsExactly("d.ParamsCost");
    }
}
