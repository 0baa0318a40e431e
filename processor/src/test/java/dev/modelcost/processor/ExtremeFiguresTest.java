package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Legal declarations whose figures reach the limits of the arithmetic: each is counted exactly or is an
 * overflow error with the numbers, never an exception.
 */
class ExtremeFiguresTest {

    @Test
    void aComputeBoundLatencyBeyondLongIsAnOverflow() {
        // 128 -> 128 channels, 3x3 on 128x256x256: 9,663,676,416 MACs, 19,335,741,440 FLOPs with the bias
        // additions; at one operation per second that is 19,335,741,440 s = 19,335,741,440,000,000,000 ns.
        Fixture fixture = Fixture.of(
                "package x;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 128, size = {256, 256}))",
                "//  ^ error [MC110] latency of layer 'conv' in nanoseconds (19,335,741,440 FLOPs / 1 per second "
                        + "= 19,335,741,440,000,000,000 ns) exceeds the largest long, 9,223,372,036,854,775,807",
                "@Device(peakFlops = 1, bandwidth = 1)",
                "public class SlowCompute {",
                "    @Conv(out = 128, kernel = 3, padding = 1) Layer conv;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aMemoryBoundLatencyBeyondLongIsAnOverflow() {
        // A ReLU over 1x65,536x65,536 in FP32 reads and writes 2 x 4,294,967,296 x 4 = 34,359,738,368 bytes;
        // at a byte per second and the fastest compute, that many seconds.
        Fixture fixture = Fixture.of(
                "package x;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 1, size = {65536, 65536}))",
                "//  ^ error [MC110] latency of layer 'relu' in nanoseconds (34,359,738,368 bytes moved / 1 per "
                        + "second = 34,359,738,368,000,000,000 ns)",
                "@Device(peakFlops = Long.MAX_VALUE, bandwidth = 1)",
                "public class SlowMemory {",
                "    @Activation(ActivationFunction.RELU) Layer relu;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
    }

    @Test
    void aLatencyJustUnderTheLimitIsCountedExactly() {
        // A ReLU, one operation per element, over 1x65,536x131,072: 8,589,934,592 FLOPs, at one per second
        // 8,589,934,592,000,000,000 ns, under the largest long.
        Compiled compiled = Compiled.source(
                "package x;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = {65536, 131072}))",
                "@Device(peakFlops = 1, bandwidth = Long.MAX_VALUE)",
                "public class JustFits {",
                "    @Activation(ActivationFunction.RELU) Layer relu;",
                "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.constant("x.JustFitsCost", "FLOPS")).isEqualTo(8_589_934_592L);
        assertThat(compiled.constant("x.JustFitsCost", "LATENCY_NANOS")).isEqualTo(8_589_934_592_000_000_000L);
    }

    @Test
    void aTotalLatencyBeyondLongIsAnOverflowOfTheNetwork() {
        // Each ReLU over 1x65,536x65,536 takes 4,294,967,296 s at one operation per second, 4.29e18 ns; three
        // of them, 1.29e19 ns, do not fit a long although each does.
        Fixture fixture = Fixture.of(
                "package x;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 1, size = {65536, 65536}))",
                "//  ^ error [MC110] latency of network ThreeSlow",
                "@Device(peakFlops = 1, bandwidth = Long.MAX_VALUE)",
                "public class ThreeSlow {",
                "    @Activation(ActivationFunction.RELU) Layer a;",
                "    @Activation(ActivationFunction.RELU) Layer b;",
                "    @Activation(ActivationFunction.RELU) Layer c;",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void sizesWhoseProductsReachTheLimitsStillCompile() {
        // The largest int of channels in, the fastest device: the 1x1 convolution reads 2,147,483,647 inputs and
        // as many weights and writes one output, 17,179,869,180 bytes in FP32, 1.86 ns at the largest long of
        // bytes per second: 2 ns rounded up.
        Compiled compiled = Compiled.sources(List.of(Compiled.file(
                "package x;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 2147483647, size = {1}))",
                "@Device(peakFlops = Long.MAX_VALUE, bandwidth = Long.MAX_VALUE)",
                "public class Widest {",
                "    @Conv(out = 1, kernel = 1, bias = false) Layer conv;",
                "}")), "-Xlint:all", "-Werror");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.model("x.WidestCost").layers().get(0).inputShape()).asList()
                .containsExactly(2147483647, 1).inOrder();
        assertThat(compiled.constant("x.WidestCost", "LATENCY_NANOS")).isEqualTo(2L);
    }
}
