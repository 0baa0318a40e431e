package dev.modelcost.cli.diff;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.cli.CliRun;
import dev.modelcost.cli.ExitCodes;
import dev.modelcost.processor.testing.ReportCompiler;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff on reports that the processor wrote: the reader and the writer agree on the format. */
class ProcessorReportTest {
    @TempDir
    Path folder;

    @Test
    void aWiderLayerInARealReportFailsTheThreshold() throws IOException {
        Path before = report("before", 16);
        Path after = report("after", 32);
        // conv1: 3*16*9*32*32 = 442,368 MACs -> 884,736; head: 16*32*32*10 = 163,840 -> 327,680.
        CliRun run = CliRun.of("diff", "--threshold", "5", before.toString(), after.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.GREW);
        assertThat(run.out()).contains("modelcost diff of Small: macs");
        // The totals' column is as wide as "peakActivationBytes" and "trainingStepFlops", 19 characters.
        assertThat(run.out()).contains("\nmacs                   606,208  1,212,416  +606,208 (+100.0%)\n");
        assertThat(run.out()).contains("\nparams                     592      1,184  +592 (+100.0%)\n");
        assertThat(run.out()).contains("\n2 of 2 layers changed:\n"
                + "layer     before    after  change\n"
                + "  conv1  442,368  884,736  +442,368 (+100.0%)\n"
                + "  head   163,840  327,680  +163,840 (+100.0%)\n"
                + "FAIL: macs grew by 100.0%, more than the threshold of 5%\n");

        CliRun latency = CliRun.of("diff", "--metric", "latencyNanos", before.toString(), after.toString());
        assertThat(latency.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(latency.out()).contains("modelcost diff of Small: latencyNanos");
    }

    @Test
    void aFigureGivenAsATotalOnlySaysSoRatherThanNoLayerChanged() throws IOException {
        Path before = report("before", 16);
        Path after = report("after", 32);
        // paramBytes is a total only; the layers' params changed: conv1 3*9*16 = 432 -> 864, head 160 -> 320.
        CliRun run = CliRun.of("diff", "--metric", "paramBytes", before.toString(), after.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("\nparamBytes               2,368      4,736  +2,368 (+100.0%)\n");
        assertThat(run.out()).contains("\nthe reports give paramBytes as a network total only, not per layer\n");
        assertThat(run.out()).doesNotContain("no layer changed");

        CliRun params = CliRun.of("diff", "--metric", "params", before.toString(), after.toString());
        assertThat(params.out()).contains("\n2 of 2 layers changed:\n"
                + "layer    before  after  change\n"
                + "  conv1     432    864  +432 (+100.0%)\n"
                + "  head      160    320  +160 (+100.0%)\n");
    }

    /** Compiles a network whose first layer has {@code width} channels; returns its JSON report. */
    private Path report(String name, int width) throws IOException {
        return ReportCompiler.report(folder.resolve(name), "n.Small", String.join("\n",
                "package n;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "@Device(preset = DevicePreset.T4)",
                "public class Small {",
                "    @Conv(out = " + width + ", kernel = 3, padding = 1, bias = false) Layer conv1;",
                "    @Conv(out = 10, kernel = 1, bias = false) Layer head;",
                "}"));
    }
}
