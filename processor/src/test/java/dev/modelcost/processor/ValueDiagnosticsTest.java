package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.testing.Fixture;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about single values: sizes that must be positive (MC104), amounts that must not be negative
 * (MC105), and {@code int[]} values whose length does not suit the input's rank (MC106). The caret goes on the
 * value, and on the one element at fault when a value is given per dimension.
 */
class ValueDiagnosticsTest {

    @Test
    void sizesBelowOneAreErrorsOnTheirValues() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class NotPositive {",
                "    @Conv(out = 0, kernel = 3) Layer out;",
                "    //          ^ error [MC104] out of layer 'out' is 0; it must be at least 1",
                "    @Conv(out = 8, kernel = -3) Layer kernel;",
                "    //                      ^ error [MC104] kernel of layer 'kernel' is -3",
                "    @Conv(out = 8, kernel = {3, 0}) Layer oneOfTwo;",
                "    //                          ^ error [MC104] kernel of layer 'oneOfTwo' (dimension 2) is 0",
                "    @Conv(out = 8, kernel = 3, stride = 0) Layer stride;",
                "    //                                  ^ error [MC104] stride of layer 'stride' is 0",
                "    @Deconv(out = 8, kernel = 3, stride = {2, -1}) Layer deconvStride;",
                "    //                                        ^ error [MC104] "
                        + "stride of layer 'deconvStride' (dimension 2) is -1",
                "    @Conv(out = 8, kernel = 3, dilation = 0) Layer dilation;",
                "    //                                    ^ error [MC104] dilation of layer 'dilation' is 0",
                "    @Conv(out = 8, kernel = 3) @Grouped(0) Layer groups;",
                "    //                                  ^ error [MC104] groups of layer 'groups' is 0",
                "    @Conv(out = 8, kernel = 3) @Grouped(value = -4) Layer namedGroups;",
                "    //                                          ^ error [MC104] groups of layer 'namedGroups' is -4",
                "    @Dense(out = -5) Layer dense;",
                "    //           ^ error [MC104] out of layer 'dense' is -5",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void inputChannelsAndSizeBelowOneAreErrorsOnShape() {
        Fixture channels = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 0, size = {8, 8}))",
                "//                                 ^ error [MC104] input channels is 0; it must be at least 1",
                "public class NoChannels {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        Fixture size = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {224, -224}))",
                "//                                                 ^ error [MC104] "
                        + "input size (dimension 2) is -224; it must be at least 1",
                "public class NegativeSize {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        Fixture single = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = 0))",
                "//                                           ^ error [MC104] input size is 0",
                "public class ZeroLength {",
                "    @Conv(out = 8, kernel = 1) Layer conv;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(channels, size, single);
        Fixture.assertExactly(outcome, channels, size, single);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void negativePaddingsAndBudgetsAreErrorsOnTheirValues() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "@Budget(macs = 1_000_000, params = -1)",
                "//                                 ^ error [MC105] budget params is -1; it must be 0 or more",
                "public class Negative {",
                "    @Conv(out = 8, kernel = 3, padding = -1) Layer padding;",
                "    //                                   ^ error [MC105] padding of layer 'padding' is -1",
                "    @Conv(out = 8, kernel = 3, padding = {1, -2}) Layer secondPadding;",
                "    //                                       ^ error [MC105] "
                        + "padding of layer 'secondPadding' (dimension 2) is -2; it must be 0 or more",
                "    @Deconv(out = 8, kernel = 3, stride = 2, outputPadding = -1) Layer outputPadding;",
                "    //                                                       ^ error [MC105] "
                        + "outputPadding of layer 'outputPadding' is -1",
                "    @Conv(out = 8, kernel = 3, padding = 1) @Budget(flops = -100) Layer budget;",
                "    //                                                      ^ error [MC105] budget flops is -100",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void zeroPaddingAndZeroBudgetAreAllowed() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Zeros {",
                "    @Conv(out = 8, kernel = 3, padding = 0) Layer conv;",
                "    @Deconv(out = 8, kernel = 3, outputPadding = 0) @Budget(activations = 0) Layer up;",
                "    //                                                                    ^ warning [MC200] "
                        + "layer 'up' is over budget: activations 512 > limit 0 (+512)",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).containsExactly("d.ZerosCost");
    }

    @Test
    void intArrayOfWrongLengthForTheRankIsAnErrorOnIt() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {16, 16}))",
                "public class Arity {",
                "    @Conv(out = 8, kernel = {3, 3, 3}) Layer cube;",
                "    //                      ^ error [MC106] kernel of layer 'cube' has 3 values but the input of "
                        + "layer 'cube' has 2 spatial dimensions ... give 1 value for all of them or 2, one each",
                "    @Conv(out = 8, kernel = 3, stride = {1, 2, 1}, padding = {1, 1, 1, 1}) Layer strided;",
                "    //                                  ^ error [MC106] stride of layer 'strided' has 3 values",
                "    //                                                       ^ error [MC106] "
                        + "padding of layer 'strided' has 4 values",
                "    @Deconv(out = 8, kernel = 2, stride = 2, dilation = {1, 1, 1}) Layer up;",
                "    //                                                  ^ error [MC106] dilation of layer 'up' has 3",
                "    @Deconv(out = 8, kernel = 2, stride = 2, outputPadding = {}) Layer empty;",
                "    //                                                       ^ error [MC106] "
                        + "outputPadding of layer 'empty' has 0 values",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void perDimensionValuesAfterAOneDimensionalInputAreErrors() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 16000))",
                "public class Audio {",
                "    @Conv(out = 32, kernel = 80, stride = 4) Layer frontEnd;",
                "    @Conv(out = 32, kernel = {3, 3}) Layer imageKernel;",
                "    //                       ^ error [MC106] kernel of layer 'imageKernel' has 2 values but the "
                        + "input of layer 'imageKernel' has 1 spatial dimension; give 1 value",
                "    @Conv(out = 32, kernel = {3}, padding = {1, 1}) Layer later;",
                "    //                                      ^ error [MC106] padding of layer 'later' has 2 values",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
        // With one dimension there is no "one each" to offer.
        for (Diagnostic<?> error : outcome.compilation().errors()) {
            assertThat(error.getMessage(Locale.ROOT)).endsWith("spatial dimension; give 1 value");
        }
    }

    @Test
    void perDimensionValuesForAVolumeFit() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {16, 112, 112}))",
                "public class Video {",
                "    @Conv(out = 64, kernel = {3, 7, 7}, stride = {1, 2, 2}, padding = {1, 3, 3}) Layer stem;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).containsExactly("d.VideoCost");
    }
}
