package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.processor.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics of the device and of memory and latency budgets, at their line and column. The network is one
 * 1x1 convolution 4 -> 8 on 4x8x8: 2,048 MACs, 40 parameters; in FP32 it moves (256 + 512 + 40) * 4 = 3,232
 * bytes and holds at most (256 + 512) * 4 = 3,072 activation bytes, so MEMORY_BYTES = 160 + 3,072 = 3,232.
 */
class DeviceDiagnosticsTest {

    private static Fixture network(String name, String... annotations) {
        return Fixture.oneConvolution(name, annotations);
    }

    @Test
    void aDeviceNeedsBothPeakAndBandwidth() {
        Fixture fixture = network("HalfDevice",
                "@Device(peakFlops = 1_000_000_000L)",
                "//                  ^ error [MC128] @Device gives peakFlops but not bandwidth ... both peakFlops "
                        + "(operations per second) and bandwidth (bytes per second)");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void negativeDeviceFiguresAreErrors() {
        Fixture fixture = network("NegativeDevice",
                "@Device(peakFlops = 1_000L, bandwidth = -5L)",
                "//                                      ^ error [MC105] @Device bandwidth is -5; it must be 0 or more");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void aLatencyBudgetWithoutADeviceIsAnError() {
        Fixture fixture = network("NoDevice",
                "@Budget(latencyNanos = 1_000L)",
                "//                     ^ error [MC129] a latency budget on network NoDevice needs a device ... "
                        + "add @Device(preset = ...) or -Amodelcost.device");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        // A network with an error generates nothing (found by PropertyTest: this one used to get its class).
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void memoryAndLatencyBudgetsWarnWithTheirFigures() {
        // 1 GFLOP/s, 1 GB/s: max(2 * 2,048 + 512 FLOPs, 3,232 bytes) = 4,608 ns.
        Fixture fixture = network("Heavy",
                "@Device(name = \"d\", peakFlops = 1_000_000_000L, bandwidth = 1_000_000_000L)",
                "@Budget(memoryBytes = 3_000L, latencyNanos = 4_000L)",
                "//                    ^ warning [MC200] network Heavy is over budget: memory bytes 3,232 > limit "
                        + "3,000 (+232, 7.7% over)",
                "//                                           ^ warning [MC200] network Heavy is over budget: "
                        + "latency (ns) 4,608 > limit 4,000 (+608, 15.2% over)");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void badDeviceAndPrecisionOptionsListTheValidValues() {
        Fixture fixture = network("Options");
        Fixture.Outcome outcome = Fixture.compile(List.of("-Amodelcost.device=tpu", "-Amodelcost.precision=fp8"),
                fixture);
        assertThat(outcome.compilation())
                .hadErrorContaining("[MC001] option -Amodelcost.device=tpu is not valid; use one of: none, a100, h100, t4");
        assertThat(outcome.compilation())
                .hadErrorContaining("[MC001] option -Amodelcost.precision=fp8 is not valid; use one of: fp32, fp16, bf16, int8");
    }
}
