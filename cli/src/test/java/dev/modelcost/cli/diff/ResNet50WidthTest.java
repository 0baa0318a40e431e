package dev.modelcost.cli.diff;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.cli.CliRun;
import dev.modelcost.cli.ExitCodes;
import dev.modelcost.processor.testing.ReportCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pull-request comment for a width change in the sample's ResNet-50: its third stage 320 wide instead of
 * 256 (outputs 1,280 channels instead of 1,024), compiled by the real processor from the sample's source.
 *
 * <p>By hand, at the third stage's 14x14 (its first 1x1 at 28x28): each of its six 3x3 convolutions goes from
 * 256*256*9*196 = 115,605,504 MACs to 320*320*9*196 = 180,633,600 (+65,028,096, +56.25%, printed +56.3%); each
 * 1x1 between 1,024 (now 1,280) and 256 (now 320) channels from 51,380,224 to 80,281,600 (+28,901,376); the first
 * block's 1x1 from 512 channels at 28x28, its projection, and the fourth stage's first 1x1 and projection, which
 * read its wider output, each from 102,760,448 to 128,450,560 (+25,690,112, +25.0%). That is 6 + 11 + 4 = 21 of
 * 174 layers (only convolutions and the classifier have MACs), and 6 * 65,028,096 + 11 * 28,901,376 + 4 *
 * 25,690,112 = 810,844,160 MACs more, on 4,089,184,256: +19.8%.
 */
class ResNet50WidthTest {
    private static final Path SOURCE = Path.of("../sample/src/main/java/dev/modelcost/sample/ResNet50.java");

    @TempDir
    static Path folder;

    private static Path before;
    private static Path after;

    @BeforeAll
    static void compile() throws IOException {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        String wider = source.replace("with = \"width = 256\"", "with = \"width = 320\"");
        assertThat(wider).isNotEqualTo(source);
        before = ReportCompiler.report(folder.resolve("before"), "dev.modelcost.sample.ResNet50", source);
        after = ReportCompiler.report(folder.resolve("after"), "dev.modelcost.sample.ResNet50", wider);
    }

    @Test
    void aWiderStageIsAReadableComment() {
        CliRun run = CliRun.of("diff", "--format", "markdown", "--threshold", "10", before.toString(),
                after.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.GREW);
        String comment = run.out();
        assertThat(comment).startsWith("""
                ### modelcost diff of ResNet-50: `macs`

                | total | before | after | change | % |
                |:---|---:|---:|---:|---:|
                | **macs** | 4,089,184,256 | 4,900,028,416 | +810,844,160 | +19.8% |
                | layers | 174 | 174 | 0 | 0.0% |
                """);
        // Only the channels of stage 3 and of what reads it widen: no warning, these are one network.
        assertThat(comment).doesNotContain("WARNING");
        String conv2 = " | 115,605,504 | 180,633,600 | +65,028,096 | +56.3% |\n";
        String oneByOne = " | 51,380,224 | 80,281,600 | +28,901,376 | +56.3% |\n";
        String largest = "| layer | before | after | change | % |\n"
                + "|:---|---:|---:|---:|---:|\n"
                + "| layer3.0.conv2" + conv2
                + "| layer3.1.conv2" + conv2
                + "| layer3.2.conv2" + conv2
                + "| layer3.3.conv2" + conv2
                + "| layer3.4.conv2" + conv2
                + "| layer3.5.conv2" + conv2
                + "| layer3.0.conv3" + oneByOne
                + "| layer3.1.conv1" + oneByOne
                + "| layer3.1.conv3" + oneByOne
                + "| layer3.2.conv1" + oneByOne;
        // By stage, by hand: layer3 gains its six 3x3s, its eleven 1x1s and its first block's 1x1 from 512 and
        // projection, 6 x 65,028,096 + 11 x 28,901,376 + 2 x 25,690,112 = 759,463,936 on its 372,506,624 (first
        // block: 102,760,448 + 115,605,504 + 51,380,224 + 102,760,448) + 5 x 218,365,952 (51,380,224 + 115,605,504
        // + 51,380,224) = 1,464,336,384: +51.9%; layer4 its first block's 1x1 and projection, 2 x 25,690,112 =
        // 51,380,224 on 372,506,624 + 2 x 218,365,952 = 809,238,528: +6.3%. layer1 and layer2 are unchanged.
        assertThat(comment).contains("\n**2 of 4 stages changed**, in network order:\n\n"
                + "| stage | before | after | change | % |\n|:---|---:|---:|---:|---:|\n"
                + "| layer3 | 1,464,336,384 | 2,223,800,320 | +759,463,936 | +51.9% |\n"
                + "| layer4 | 809,238,528 | 860,618,752 | +51,380,224 | +6.3% |\n\n**21 of 174 layers changed**");
        assertThat(comment).contains("\n**21 of 174 layers changed**; the 10 largest:\n\n" + largest + "\n<details>\n"
                + "<summary>All 21 changed layers, largest first</summary>\n\n" + largest);
        String quarter = " | 102,760,448 | 128,450,560 | +25,690,112 | +25.0% |\n";
        assertThat(comment).endsWith("| layer3.5.conv3" + oneByOne
                + "| layer3.0.conv1" + quarter
                + "| layer3.0.downsample" + quarter
                + "| layer4.0.conv1" + quarter
                + "| layer4.0.downsample" + quarter
                + "\n</details>\n"
                + "\n**FAIL: macs grew by 19.8%, more than the threshold of 10%**\n");
        // Every row of both tables is a changed layer: 10 + 21, besides the totals' 14 and 3 header lines.
        assertThat(comment.lines().filter(line -> line.startsWith("| layer3.") || line.startsWith("| layer4.")))
                .hasSize(31);
        assertThat(comment.length()).isLessThan(MarkdownFormat.LIMIT);
    }

    @Test
    void theTextFormatListsTheTopChangesOnly() {
        CliRun run = CliRun.of("diff", "--top", "3", before.toString(), after.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("""
                2 of 4 stages changed:
                stage            before          after  change
                  layer3  1,464,336,384  2,223,800,320  +759,463,936 (+51.9%)
                  layer4    809,238,528    860,618,752  +51,380,224 (+6.3%)
                """);
        assertThat(run.out()).endsWith("""
                21 of 174 layers changed; the 3 largest:
                layer                  before        after  change
                  layer3.0.conv2  115,605,504  180,633,600  +65,028,096 (+56.3%)
                  layer3.1.conv2  115,605,504  180,633,600  +65,028,096 (+56.3%)
                  layer3.2.conv2  115,605,504  180,633,600  +65,028,096 (+56.3%)
                """);
    }
}
