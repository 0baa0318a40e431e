package dev.modelcost.cli.diff;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.cli.CliRun;
import dev.modelcost.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost diff's output and exit codes, on small reports written here. */
class CostDiffTest {
    @TempDir
    Path folder;

    /** A report of layers with these MACs; the total is their sum. */
    static String reportText(String... layers) {
        StringBuilder rows = new StringBuilder();
        long total = 0;
        for (int i = 0; i < layers.length; i++) {
            String[] parts = layers[i].split("=");
            total += Long.parseLong(parts[1]);
            rows.append(i == 0 ? "" : ",").append("{\"index\": ").append(i).append(", \"name\": \"").append(parts[0])
                    .append("\", \"macs\": ").append(parts[1]).append("}");
        }
        return "{\"schema\": \"modelcost-report\", \"version\": 1, \"network\": \"Net\", \"totals\": "
                + "{\"macs\": " + total + ", \"params\": 7, \"latencyNanos\": null}, \"layers\": [" + rows + "]}";
    }

    private Path report(String file, String... layers) throws IOException {
        return Files.writeString(folder.resolve(file), reportText(layers), StandardCharsets.UTF_8);
    }

    private static CliRun diff(Object... args) {
        String[] line = new String[args.length + 1];
        line[0] = "diff";
        for (int i = 0; i < args.length; i++) {
            line[i + 1] = args[i].toString();
        }
        return CliRun.of(line);
    }

    @Test
    void aLayerWhoseMacsDoubleFailsTheThreshold() throws IOException {
        Path before = report("before.json", "conv1=1000000", "fc=250000");
        Path after = report("after.json", "conv1=2000000", "fc=250000");
        // total 1,250,000 -> 2,250,000: +1,000,000, +80.0%
        CliRun run = diff("--metric", "macs", "--threshold", "5", before, after);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.GREW);
        assertThat(run.out()).contains("modelcost diff of Net: macs");
        assertThat(run.out()).contains("conv1");
        assertThat(run.out()).contains("+1,000,000 (+100.0%)");
        assertThat(run.out()).contains("1,250,000");
        assertThat(run.out()).contains("2,250,000");
        assertThat(run.out()).contains("+1,000,000 (+80.0%)");
        assertThat(run.out()).contains("FAIL: macs grew by 80.0%, more than the threshold of 5%");
        assertThat(run.out()).doesNotContain("  fc ");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void growthWithinTheThresholdPasses() throws IOException {
        Path before = report("before.json", "conv1=1000000");
        Path after = report("after.json", "conv1=1040000");
        // +4.0% <= 5%
        CliRun run = diff("--threshold", "5%", before, after);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("+40,000 (+4.0%)");
        assertThat(run.out()).doesNotContain("FAIL");
    }

    @Test
    void growthFromZeroFailsAnyThreshold() throws IOException {
        Path before = report("before.json", "conv1=0");
        Path after = report("after.json", "conv1=10");
        CliRun run = diff("--threshold", "1000", before, after);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.GREW);
        assertThat(run.out()).contains("FAIL: macs grew by from 0, more than the threshold of 1000%");
    }

    @Test
    void addedAndRemovedLayersAreListed() throws IOException {
        Path before = report("before.json", "conv1=100", "old=50");
        Path after = report("after.json", "conv1=100", "added=30");
        CliRun run = diff(before, after);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK); // no threshold: report only
        assertThat(run.out()).contains("+ added");
        assertThat(run.out()).contains("- old");
        assertThat(run.out()).contains("-20 (-13.3%)"); // 150 -> 130
    }

    @Test
    void unchangedReportsSayNoLayerChanged() throws IOException {
        Path before = report("before.json", "conv1=100");
        CliRun run = diff("--threshold", "0", before, before);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("no layer changed");
    }

    @Test
    void badArgumentsExitWithTwo() throws IOException {
        Path before = report("before.json", "conv1=100");
        CliRun oneFile = diff(before);
        assertThat(oneFile.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(oneFile.errLines()).containsExactly("Missing required parameter: 'AFTER.json'",
                "Try 'modelcost diff --help' for the options.").inOrder();
        assertThat(oneFile.out()).isEmpty();
        assertThat(diff(before, before, before).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(diff("--frobnicate", before, before).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRun.of().exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(CliRun.of("undiff").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        for (String threshold : new String[] {"lots", "-5", "1e9", "1e-999999999", ""}) {
            CliRun run = diff("--threshold", threshold, before, before);
            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("is not a percentage");
        }
    }

    @Test
    void anUnknownMetricNamesTheTotalsThereAre() throws IOException {
        Path before = report("before.json", "conv1=100");
        CliRun run = diff("--metric", "joules", before, before);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).containsExactly(before
                + ": no total 'joules' in the report; its totals are: macs, params, latencyNanos");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpExitsWithZero() {
        CliRun run = CliRun.of("diff", "--help");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("--threshold=PERCENT");
        assertThat(run.out()).contains("--format=FORMAT");
        assertThat(run.out()).contains("--top=N");
        assertThat(run.out()).contains("2   a wrong argument");
    }
}
