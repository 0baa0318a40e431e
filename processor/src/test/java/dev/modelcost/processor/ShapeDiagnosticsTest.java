package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics that need the shapes flowing through the network: groups that do not divide the channels
 * (MC107), an output smaller than 1 (MC108), output padding too large (MC109), figures too large to count
 * (MC110), and a convolution, pooling or upsampling without spatial input (MC111). Each message has the numbers and the fix, which
 * are checked here against values worked out by hand from docs/FORMULAS.md#convolutions.
 */
class ShapeDiagnosticsTest {

    @Test
    void groupsNotDividingTheChannelsListTheValidCounts() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 64, size = {8, 8}))",
                "public class Groups {",
                // gcd(64, 100) = 4, so 1, 2 and 4 are the counts that divide both.
                "    @Conv(out = 100, kernel = 3, padding = 1) @Grouped(8) Layer output;",
                "    //                                                 ^ error [MC107] layer 'output': 8 groups do "
                        + "not divide the output channels (100) ... valid group counts for 64 -> 100 channels: 1, 2, 4",
                // Its input is still known to have 100 channels: 100 % 3 != 0; gcd(100, 60) = 20.
                "    @Conv(out = 60, kernel = 3, padding = 1) @Grouped(value = 3) Layer input;",
                "    //                                                        ^ error [MC107] layer 'input': 3 "
                        + "groups do not divide the input channels (100) ... "
                        + "valid group counts for 100 -> 60 channels: 1, 2, 4, 5, 10, 20",
                "    @Deconv(out = 30, kernel = 2, stride = 2) @Grouped(4) Layer up;",
                "    //                                                 ^ error [MC107] layer 'up': 4 groups do not "
                        + "divide the output channels (30) ... valid group counts for 60 -> 30 channels: "
                        + "1, 2, 3, 5, 6, 10, 15, 30",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void depthwiseNeedsOutputChannelsThatAreAMultipleOfTheInput() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 64, size = {8, 8}))",
                "public class Depthwise {",
                "    @Conv(out = 100, kernel = 3, padding = 1) @Grouped(depthwise = true) Layer wide;",
                "    //                                                             ^ error [MC107] layer 'wide': "
                        + "64 groups do not divide the output channels (100) ... a depthwise layer needs out to be "
                        + "a multiple of its 64 input channels, e.g. 64 or 128",
                "    @Conv(out = 32, kernel = 3, padding = 1) @Grouped(depthwise = true) Layer narrow;",
                "    //                                                            ^ error [MC107] layer 'narrow': "
                        + "100 groups do not divide the output channels (32) ... "
                        + "its 100 input channels, e.g. 100",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void convolutionWithAKernelLargerThanItsPaddedInputSuggestsPaddingAndInput() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 4}))",
                "public class TooSmall {",
                // Width: floor((4 + 0 - 6 - 1) / 1) + 1 = -2. Padding 2 gives 4 + 4 - 7 + 1 = 2; padding 1 gives 0.
                "    @Conv(out = 8, kernel = {3, 7}) Layer wide;",
                "    //                          ^ error [MC108] layer 'wide': output size would be -2 in spatial "
                        + "dimension 2 (input 4, kernel 7, stride 1, padding 0, dilation 1) ... "
                        + "use a padding of at least 2, or an input of at least 7 there",
                "}");
        Fixture dilated = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {10, 10}))",
                "public class Dilated {",
                // Reach d(k - 1) + 1 = 4 * 2 + 1 = 9 against 10 - 2 = 8 after the first layer; with padding 1,
                // floor((8 + 2 - 9) / 2) + 1 = 1 would do, 8 - 9 gives floor(-1 / 2) + 1 = 0.
                "    @Conv(out = 8, kernel = 3) Layer first;",
                "    @Conv(out = 8, kernel = 3, stride = 2, dilation = 4) Layer dilated;",
                "    //                      ^ error [MC108] layer 'dilated': output size would be 0 in spatial "
                        + "dimension 1 (input 8, kernel 3, stride 2, padding 0, dilation 4) ... "
                        + "use a padding of at least 1, or an input of at least 9 there",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture, dilated);
        Fixture.assertExactly(outcome, fixture, dilated);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void transposedConvolutionWithTooMuchPaddingSuggestsTheLargestPadding() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {4, 4}))",
                "public class Cropped {",
                // (4 - 1) * 1 - 2 * 6 + 2 + 0 + 1 = -6; the largest padding is (3 + 2) / 2 = 2, giving 2.
                "    @Deconv(out = 8, kernel = 3, padding = 6) Layer all;",
                "    //                                     ^ error [MC108] layer 'all': output size would be -6 in "
                        + "spatial dimension 1 (input 4, kernel 3, stride 1, padding 6, dilation 1) ... "
                        + "use a padding of at most 2",
                "}");
        Fixture second = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {4, 4}))",
                "public class CroppedWidth {",
                // Height (4 - 1) * 2 - 2 + 3 + 1 = 8 is fine; width (4 - 1) * 2 - 12 + 3 + 1 = -2; at most (6 + 3) / 2.
                "    @Deconv(out = 8, kernel = 4, stride = 2, padding = {1, 6}) Layer up;",
                "    //                                                     ^ error [MC108] layer 'up': output size "
                        + "would be -2 in spatial dimension 2 (input 4, kernel 4, stride 2, padding 6, dilation 1) ... "
                        + "use a padding of at most 4",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture, second);
        Fixture.assertExactly(outcome, fixture, second);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void outputPaddingMustBeSmallerThanStrideOrDilation() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 16, size = {4, 4}))",
                "public class OutputPadding {",
                "    @Deconv(out = 8, kernel = 3, stride = 2, outputPadding = {1, 2}) Layer second;",
                "    //                                                           ^ error [MC109] layer 'second': "
                        + "outputPadding 2 in spatial dimension 2 is not smaller than the stride (2) or the "
                        + "dilation (1) ... use at most 1",
                "    @Deconv(out = 8, kernel = 3, outputPadding = 1) Layer unitStride;",
                "    //                                           ^ error [MC109] layer 'unitStride': outputPadding "
                        + "1 in spatial dimension 1 is not smaller than the stride (1) or the dilation (1) ... "
                        + "use at most 0",
                // Dilation 3 allows up to 2 even at stride 1.
                "    @Deconv(out = 8, kernel = 3, dilation = 3, outputPadding = 2) Layer dilated;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void macsBeyondLongAreAnOverflowErrorOnTheLayer() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1000000, size = {100000, 1000}))",
                "public class Huge {",
                // 1,000,000 x (100,000 x 1,000) x 1,000,000 x 1 = 10^20 > 9.2 x 10^18
                "    @Conv(out = 1000000, kernel = 1) Layer wide;",
                "//  ^ error [MC110] MACs of layer 'wide' (1,000,000 x 100,000,000 x 1,000,000 x 1) exceeds "
                        + "the largest long, 9,223,372,036,854,775,807 ... use fewer channels or smaller sizes",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void transposedOutputSizeBeyondIntIsAnOverflowError() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = {1000000000}))",
                "public class Stretched {",
                // (10^9 - 1) * 4 + 0 + 0 + 1 = 3,999,999,997 > 2,147,483,647
                "    @Deconv(out = 1, kernel = 1, stride = 4) Layer up;",
                "//  ^ error [MC110] output size of layer 'up' (3,999,999,997) exceeds the largest int, "
                        + "2,147,483,647",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void inputAndTotalsBeyondLongAreOverflowErrorsOnNetwork() {
        Fixture input = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                // 2 x 10^9 x (2 x 10^9 x 2 x 10^9 = 4 x 10^18)
                "    @Network(input = @Shape(channels = 2000000000, size = {2000000000, 2000000000}))",
                "//  ^ error [MC110] input elements of HugeInput (2,000,000,000 x 4,000,000,000,000,000,000) "
                        + "exceeds the largest long",
                "public class HugeInput {",
                "    @Conv(out = 8, kernel = 1) Layer conv;",
                "}");
        Fixture totals = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                // Each layer: 4 x 10^18 MACs and 8 x 10^18 FLOPs, which fit; the two FLOPs together do not.
                "    @Network(input = @Shape(channels = 4, size = {1000000000}))",
                "//  ^ error [MC110] total FLOPs of network HugeTotal (8,000,000,000,000,000,000 + "
                        + "8,000,000,000,000,000,000) exceeds the largest long",
                "public class HugeTotal {",
                "    @Conv(out = 1000000000, kernel = 1, bias = false) Layer expand;",
                "    @Conv(out = 4, kernel = 1, bias = false) Layer reduce;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(input, totals);
        Fixture.assertExactly(outcome, input, totals);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void convolutionAfterADenseLayerHasNoSpatialInput() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Flattened {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "    @Dense(out = 10) Layer fc;",
                "    @Conv(out = 8, kernel = 3) Layer late;",
                "//  ^ error [MC111] layer 'late' is a convolution but its input (10) has no spatial dimensions "
                        + "('fc' flattened it) ... move it before 'fc', or use @Dense",
                "    @Deconv(out = 8, kernel = 3) @Grouped(2) Layer later;",
                "//  ^ error [MC111] layer 'later' is a convolution but its input (8) has no spatial dimensions",
                "}");
        Fixture vector = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 10))",
                "public class Vector {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "//  ^ error [MC111] layer 'conv' is a convolution but its input (10) has no spatial dimensions "
                        + "(the network's input has no size) ... give @Shape a size, or use @Dense",
                "    @Dense(out = 4) Layer fine;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture, vector);
        Fixture.assertExactly(outcome, fixture, vector);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void poolingAndUpsamplingOfAVectorHaveNoSpatialInput() {
        // Found by PropertyTest: each of these threw (an index into no dimensions) instead of reporting MC111.
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Pooled {",
                "    @Flatten Layer flat;",
                "    @MaxPool(kernel = 2) Layer pool;",
                "//  ^ error [MC111] layer 'pool' is a pooling layer but its input (192) has no spatial dimensions "
                        + "('flat' flattened it) ... move it before 'flat', or remove it",
                "    @From(\"flat\") @AdaptivePool(size = 1) Layer adaptive;",
                "//                ^ error [MC111] layer 'adaptive' is an adaptive pooling layer but its input (192)",
                "    @From(\"flat\") @Upsample(scale = 2) Layer up;",
                "//                ^ error [MC111] layer 'up' is an upsampling layer but its input (192)",
                "}");
        Fixture vector = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 10))",
                "public class VectorPool {",
                "    @AvgPool(kernel = 2) Layer pool;",
                "//  ^ error [MC111] layer 'pool' is a pooling layer but its input (10) has no spatial dimensions "
                        + "(the network's input has no size) ... give @Shape a size, or remove it",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture, vector);
        Fixture.assertExactly(outcome, fixture, vector);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void operandsOfAnAddOrMultiplyThatDoNotBroadcastAreAnError() {
        // Found by PropertyTest: the processor threw (a null unboxed) instead of reporting MC119.
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 2, size = {4}))",
                "public class Mismatch {",
                "    @Conv(out = 3, kernel = 1) Layer wide;",
                "    @Add({\"wide\", From.INPUT}) Layer channels;",
                "    //   ^ error [MC119] layer 'channels' adds 'wide' (3x4) and the input (2x4), whose shapes differ",
                "    @From(From.INPUT) @Conv(out = 2, kernel = 2) Layer shorter;",
                "    @Multiply({From.INPUT, \"shorter\"}) Layer sizes;",
                "    //        ^ error [MC119] layer 'sizes' multiplies the input (2x4) and 'shorter' (2x3), whose "
                        + "shapes differ",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }
}
