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

/** The Markdown and JSON outputs, and the warning for two networks, checked as text. */
class DiffFormatsTest {
    private static final int LAYERS = 1_202;
    /** {@code | } + a 100-character name + {@code  | 1,000,000 | 2,000,000 | +1,000,000 | +100.0% |} + a line break. */
    private static final int ROW = 2 + 100 + 49 + 1;

    @TempDir
    Path folder;

    private Path report(String file, String... layers) throws IOException {
        return Files.writeString(folder.resolve(file), CostDiffTest.reportText(layers), StandardCharsets.UTF_8);
    }

    private Path named(String file, String network, String... layers) throws IOException {
        return Files.writeString(folder.resolve(file),
                CostDiffTest.reportText(layers).replace("\"network\": \"Net\"", "\"network\": \"" + network + "\""),
                StandardCharsets.UTF_8);
    }

    @Test
    void jsonHasTheDocumentedShape() throws IOException {
        Path before = report("before.json", "conv1=100", "old=50", "fc=20");
        Path after = report("after.json", "conv1=300", "added=30", "fc=20");
        // macs 170 -> 350: +180, +105.9%; conv1 +200 (+200.0%), old -50 (-100.0%), added +30; 4 layers by name.
        CliRun run = CliRun.of("diff", "--format", "json", "--threshold", "5", before.toString(), after.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.GREW);
        assertThat(run.out()).isEqualTo("""
                {
                  "metric" : "macs",
                  "networkBefore" : "Net",
                  "networkAfter" : "Net",
                  "warning" : null,
                  "totals" : [ {
                    "name" : "macs",
                    "before" : 170,
                    "after" : 350,
                    "change" : 180,
                    "percent" : 105.9
                  }, {
                    "name" : "params",
                    "before" : 7,
                    "after" : 7,
                    "change" : 0,
                    "percent" : 0.0
                  } ],
                  "layers" : 4,
                  "layersChanged" : 3,
                  "perLayer" : true,
                  "changes" : [ {
                    "name" : "conv1",
                    "kind" : "changed",
                    "before" : 100,
                    "after" : 300,
                    "change" : 200,
                    "percent" : 200.0
                  }, {
                    "name" : "old",
                    "kind" : "removed",
                    "before" : 50,
                    "after" : null,
                    "change" : -50,
                    "percent" : -100.0
                  }, {
                    "name" : "added",
                    "kind" : "added",
                    "before" : null,
                    "after" : 30,
                    "change" : 30,
                    "percent" : null
                  } ],
                  "stages" : 0,
                  "stageChanges" : [ ],
                  "threshold" : {
                    "percent" : 5,
                    "growth" : 105.9,
                    "failed" : true
                  }
                }
                """);
    }

    @Test
    void markdownOfAFewChangesHasNoDetails() throws IOException {
        Path before = report("before.json", "conv1=100", "old=50", "fc=20");
        Path after = report("after.json", "conv1=300", "added=30", "fc=20");
        CliRun run = CliRun.of("diff", "--format", "markdown", before.toString(), after.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("""
                ### modelcost diff of Net: `macs`

                | total | before | after | change | % |
                |:---|---:|---:|---:|---:|
                | **macs** | 170 | 350 | +180 | +105.9% |
                | params | 7 | 7 | 0 | 0.0% |

                **3 of 4 layers changed**, largest first:

                | layer | before | after | change | % |
                |:---|---:|---:|---:|---:|
                | conv1 | 100 | 300 | +200 | +200.0% |
                | old | 50 | _removed_ | -50 | -100.0% |
                | added | _added_ | 30 | +30 |  |
                """);
    }

    @Test
    void markdownFoldsTheRestInDetails() throws IOException {
        Path before = report("before.json", "a=10", "b=10", "c=10");
        Path after = report("after.json", "a=11", "b=13", "c=12");
        CliRun run = CliRun.of("diff", "--format", "markdown", "--top", "1", before.toString(), after.toString());
        assertThat(run.out()).endsWith("""
                **3 of 3 layers changed**; the 1 largest:

                | layer | before | after | change | % |
                |:---|---:|---:|---:|---:|
                | b | 10 | 13 | +3 | +30.0% |

                <details>
                <summary>All 3 changed layers, largest first</summary>

                | layer | before | after | change | % |
                |:---|---:|---:|---:|---:|
                | b | 10 | 13 | +3 | +30.0% |
                | c | 10 | 12 | +2 | +20.0% |
                | a | 10 | 11 | +1 | +10.0% |

                </details>
                """);
    }

    @Test
    void markdownOfUnchangedReportsSaysNoLayerChanged() throws IOException {
        Path before = report("before.json", "conv1=100");
        CliRun run = CliRun.of("diff", "--format", "markdown", before.toString(), before.toString());
        assertThat(run.out()).endsWith("| params | 7 | 7 | 0 | 0.0% |\n\nno layer changed.\n");
    }

    @Test
    void markdownEscapesNames() throws IOException {
        Path before = report("before.json", "a|b<script>*x*_[l](u)=1");
        Path after = report("after.json", "a|b<script>*x*_[l](u)=2");
        CliRun run = CliRun.of("diff", "--format", "markdown", before.toString(), after.toString());
        assertThat(run.out()).contains("\n| a\\|b&lt;script&gt;\\*x\\*\\_\\[l\\]\\(u\\) | 1 | 2 | +1 | +100.0% |\n");
        assertThat(run.out()).doesNotContain("<script>");
    }

    @Test
    void markdownOf1202ChangedLayersStaysWithinGitHubsCommentLimit() throws IOException {
        String[] was = new String[LAYERS];
        String[] now = new String[LAYERS];
        for (int i = 0; i < LAYERS; i++) {
            String name = String.format("layer%04d", i) + "x".repeat(91); // 100 characters
            was[i] = name + "=1000000";
            now[i] = name + "=2000000";
        }
        Path before = report("before.json", was);
        Path after = report("after.json", now);
        CliRun run = CliRun.of("diff", "--format", "markdown", before.toString(), after.toString());
        String comment = run.out();
        assertThat(comment.length()).isAtMost(MarkdownFormat.LIMIT);
        assertThat(comment.length()).isGreaterThan(MarkdownFormat.LIMIT - MarkdownFormat.RESERVE - ROW);

        // Before the full table: the heading, the totals, the 10 largest; then the table's two header lines.
        int details = comment.indexOf("| layer |", comment.indexOf("<summary>"));
        int header = "| layer | before | after | change | % |\n|:---|---:|---:|---:|---:|\n".length();
        // Rows are added while the text and the row leave the 1,000 characters reserved for what follows.
        int rows = (MarkdownFormat.LIMIT - MarkdownFormat.RESERVE - details - header) / ROW;
        assertThat(comment).contains("<summary>All 1,202 changed layers, largest first</summary>");
        assertThat(comment).contains("\n| layer" + String.format("%04d", rows - 1) + "x");
        assertThat(comment).doesNotContain("\n| layer" + String.format("%04d", rows) + "x");
        assertThat(comment).endsWith("\n_" + String.format("%,d", LAYERS - rows) + " more changed layers left out,"
                + " to keep this comment within GitHub's limit of 65,536 characters; the JSON output"
                + " (`--format json`) lists them all._\n\n</details>\n");
        // Here: 1,915 characters before the table, 411 rows of 1,202 in it, 64,618 characters in all.
    }

    @Test
    void twoNetworksOfDifferentNamesAreWarned() throws IOException {
        Path before = named("before.json", "ResNet-50", "conv1=100", "fc=20");
        Path after = named("after.json", "U-Net", "conv1=100", "fc=20");
        CliRun text = CliRun.of("diff", before.toString(), after.toString());
        assertThat(text.out()).contains("\nwarning: the reports are of different networks: ResNet-50 before,"
                + " U-Net after\n");
        CliRun markdown = CliRun.of("diff", "--format", "markdown", before.toString(), after.toString());
        assertThat(markdown.out()).contains("\n> [!WARNING]\n> the reports are of different networks: ResNet-50"
                + " before, U-Net after\n");
        assertThat(CliRun.of("diff", "--format", "json", before.toString(), after.toString()).out())
                .contains("\"warning\" : \"the reports are of different networks: ResNet-50 before, U-Net after\"");
    }

    @Test
    void twoNetworksOfOneNameButOtherLayersAreWarned() throws IOException {
        // 1 of 3 layers before (conv1) is found after: fewer than half.
        Path before = report("before.json", "conv1=100", "layer1=50", "fc=20");
        Path after = report("after.json", "conv1=100", "down1=50", "up1=50", "out=5");
        CliRun run = CliRun.of("diff", before.toString(), after.toString());
        assertThat(run.out()).contains("\nwarning: the reports may be of different networks: only 1 of the 3 layers"
                + " before and of the 4 after have a name in common\n");
        assertThat(run.out()).contains("\n5 of 6 layers changed:\n");
    }

    @Test
    void aFewLayersAddedIsNoWarning() throws IOException {
        Path before = report("before.json", "conv1=100", "conv2=50", "fc=20");
        Path after = report("after.json", "conv1=100", "conv2=50", "conv3=50", "fc=20");
        assertThat(CliRun.of("diff", before.toString(), after.toString()).out()).doesNotContain("warning");
    }

    @Test
    void aWrongFormatOrTopExitsWithTwo() throws IOException {
        Path before = report("before.json", "conv1=100");
        for (String[] wrong : new String[][] {{"--format", "html"}, {"--top", "-1"}, {"--top", "ten"},
            {"--top", "1000001"}}) {
            CliRun run = CliRun.of("diff", wrong[0], wrong[1], before.toString(), before.toString());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).hasSize(2);
        }
        assertThat(CliRun.of("diff", "--format", "MarkDown", before.toString(), before.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
    }
}
