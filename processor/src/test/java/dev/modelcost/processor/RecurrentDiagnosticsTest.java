package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of {@code @LSTM}, {@code @GRU} and {@code @RNN}: a hidden size below 1 (MC104, as every size),
 * a stack of no layers (MC190), a nonlinearity PyTorch's {@code nn.RNN} does not have (MC191), a missing hidden
 * size (MC116) and an input that is not a sequence (MC160), each on the value at fault, else the annotation.
 */
class RecurrentDiagnosticsTest {

    @Test
    void badValuesAreErrorsOnTheirValues() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = 16))",
                "public class BadRecurrent {",
                "    @LSTM(hidden = 0) Layer noHidden;",
                "    //             ^ error [MC104] hidden of layer 'noHidden' is 0; it must be at least 1",
                "    @From(From.INPUT) @GRU(hidden = 4, layers = 0) Layer noLayer;",
                "    //                                          ^ error [MC190] layers of layer 'noLayer' is 0 "
                        + "... write layers = 1 or more",
                "    @From(From.INPUT) @RNN(hidden = 4, layers = -2) Layer negative;",
                "    //                                          ^ error [MC190] layers of layer 'negative' is -2",
                "    @From(From.INPUT) @RNN(hidden = 4, nonlinearity = ActivationFunction.SIGMOID) Layer sigmoid;",
                "    //                                                                  ^ error [MC191] "
                        + "nonlinearity of layer 'sigmoid' is SIGMOID ... ActivationFunction.RELU",
                "    @From(From.INPUT) @GRU(layers = 2) Layer noSize;",
                "    //                ^ error [MC116] hidden of layer 'noSize' is missing",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void anInputThatIsNotASequenceIsAnErrorOnTheAnnotation() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class NotASequence {",
                "        @LSTM(hidden = 16) Layer onAMap;",
                "    //  ^ error [MC160] layer 'onAMap' is an LSTM ... a feature map of 2 sizes ... @Tokens",
                "    @From(From.INPUT) @Flatten Layer flat;",
                "        @GRU(hidden = 16, bidirectional = true) Layer onAVector;",
                "    //  ^ error [MC160] layer 'onAVector' is a GRU ... 'flat' made it a vector",
                "    @From(From.INPUT) @Flatten Layer flatAgain;",
                "        @RNN(hidden = 16) Layer elman;",
                "    //  ^ error [MC160] layer 'elman' is a recurrent layer ... move it before 'flatAgain'",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aStackTooLargeForALongIsAnOverflowNotAWrappedNumber() {
        // 4 * 2^30 * (2^30 + 2^30) = 2^63 weights in the first layer alone: MC110 on the annotation.
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1073741824, size = 2))",
                "public class Huge {",
                "        @LSTM(hidden = 1073741824, layers = 2147483647) Layer lstm;",
                "    //  ^ error [MC110] parameters of layer 'lstm'",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
    }
}
