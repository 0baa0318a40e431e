package dev.modelcost.processor.diff;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cost diff's output and exit codes, on small reports written here. */
class CostDiffTest {
    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A report of two layers with these MACs; the total is their sum. */
    private Path report(String file, String... layers) throws IOException {
        StringBuilder rows = new StringBuilder();
        long total = 0;
        for (int i = 0; i < layers.length; i++) {
            String[] parts = layers[i].split("=");
            total += Long.parseLong(parts[1]);
            rows.append(i == 0 ? "" : ",").append("{\"index\": ").append(i).append(", \"name\": \"").append(parts[0])
                    .append("\", \"macs\": ").append(parts[1]).append("}");
        }
        String json = "{\"schema\": \"modelcost-report\", \"version\": 1, \"network\": \"Net\", \"totals\": "
                + "{\"macs\": " + total + ", \"params\": 7}, \"layers\": [" + rows + "]}";
        return Files.writeString(folder.resolve(file), json, StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        return CostDiff.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLayerWhoseMacsDoubleFailsTheThreshold() throws IOException {
        Path before = report("before.json", "conv1=1000000", "fc=250000");
        Path after = report("after.json", "conv1=2000000", "fc=250000");
        // total 1,250,000 -> 2,250,000: +1,000,000, +80.0%
        assertThat(run("--metric", "macs", "--threshold", "5", before.toString(), after.toString()))
                .isEqualTo(CostDiff.GREW);
        assertThat(output()).contains("conv1");
        assertThat(output()).contains("+1,000,000 (+100.0%)");
        assertThat(output()).contains("1,250,000");
        assertThat(output()).contains("2,250,000");
        assertThat(output()).contains("+1,000,000 (+80.0%)");
        assertThat(output()).contains("FAIL: macs grew by 80.0%, more than the threshold of 5%");
        assertThat(output()).doesNotContain("  fc ");
    }

    @Test
    void growthWithinTheThresholdPasses() throws IOException {
        Path before = report("before.json", "conv1=1000000");
        Path after = report("after.json", "conv1=1040000");
        // +4.0% <= 5%
        assertThat(run("--threshold", "5%", before.toString(), after.toString())).isEqualTo(CostDiff.OK);
        assertThat(output()).contains("+40,000 (+4.0%)");
        assertThat(output()).doesNotContain("FAIL");
    }

    @Test
    void addedAndRemovedLayersAreListed() throws IOException {
        Path before = report("before.json", "conv1=100", "old=50");
        Path after = report("after.json", "conv1=100", "added=30");
        assertThat(run(before.toString(), after.toString())).isEqualTo(CostDiff.OK); // no threshold: report only
        assertThat(output()).contains("+ added");
        assertThat(output()).contains("- old");
        assertThat(output()).contains("-20 (-13.3%)"); // 150 -> 130
    }

    @Test
    void unchangedReportsSayNoLayerChanged() throws IOException {
        Path before = report("before.json", "conv1=100");
        assertThat(run("--threshold", "0", before.toString(), before.toString())).isEqualTo(CostDiff.OK);
        assertThat(output()).contains("no layer changed");
    }

    @Test
    void badArgumentsAndUnknownMetricsExitWithTwo() throws IOException {
        Path before = report("before.json", "conv1=100");
        assertThat(run(before.toString())).isEqualTo(CostDiff.USAGE);
        assertThat(run("--threshold", "lots", before.toString(), before.toString())).isEqualTo(CostDiff.USAGE);
        assertThat(run("--metric", "joules", before.toString(), before.toString())).isEqualTo(CostDiff.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no total 'joules'");
        Path notAReport = Files.writeString(folder.resolve("x.json"), "{\"a\": 1}");
        assertThat(run(notAReport.toString(), before.toString())).isEqualTo(CostDiff.USAGE);
        Path broken = Files.writeString(folder.resolve("y.json"), "{\"a\": ");
        assertThat(run(broken.toString(), before.toString())).isEqualTo(CostDiff.USAGE);
    }
}
