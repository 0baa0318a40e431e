package dev.modelcost.maven;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.modelcost.processor.testing.ReportCompiler;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal run on real reports: the sample's ResNet-50 as the baseline, and the same with its third stage 320
 * wide instead of 256, both compiled by the real processor from the sample's source.
 *
 * <p>By hand (as in the cli's ResNet50WidthTest): MACs go from 4,089,184,256 to 4,900,028,416, +810,844,160,
 * +19.8%, in 21 of 174 layers. Parameters, with w the stage's width: its first block has 1x1 512->w, 3x3 w->w,
 * 1x1 w->4w and the projection 512->4w, i.e. 13w^2 + 2,560w weights, and batch norms of w, w, 4w and 4w channels,
 * 2 parameters each, 20w; its five other blocks 1x1 4w->w, 3x3 w->w, 1x1 w->4w, 17w^2, and norms 12w each; the
 * fourth stage's first 1x1 (4w->512) and projection (4w->2048) read it, 10,240w. That is 98w^2 + 12,880w:
 * 9,719,808 at 256, 14,156,800 at 320, so +4,436,992 on 25,557,032 = 29,994,024, +17.4% (17.36).
 */
class CheckMojoTest {
    private static final String RESNET = "dev.modelcost.sample.ResNet50.json";
    private static final Path SOURCE = Path.of("../sample/src/main/java/dev/modelcost/sample/ResNet50.java");

    @TempDir
    static Path compiled;

    /** A folder holding the ResNet-50 report of width 256, and one holding that of width 320. */
    private static Path narrow;
    private static Path wide;

    @TempDir
    Path folder;

    private final RecordingLog log = new RecordingLog();
    private CheckMojo mojo;

    @BeforeAll
    static void compile() throws IOException {
        String source = Files.readString(SOURCE, StandardCharsets.UTF_8);
        String wider = source.replace("with = \"width = 256\"", "with = \"width = 320\"");
        assertThat(wider).isNotEqualTo(source);
        narrow = ReportCompiler.report(compiled.resolve("narrow"), "dev.modelcost.sample.ResNet50", source)
                .getParent();
        wide = ReportCompiler.report(compiled.resolve("wide"), "dev.modelcost.sample.ResNet50", wider).getParent();
    }

    /** The goal as Maven sets it up with its defaults, on the wide network against the narrow baseline. */
    @BeforeEach
    void mojo() {
        mojo = new CheckMojo();
        mojo.setLog(log);
        mojo.reports = wide.toFile();
        mojo.baseline = narrow.toFile();
        mojo.metrics = List.of("macs");
        mojo.threshold = "0";
        mojo.failOnGrowth = true;
        mojo.top = 10;
        mojo.markdownFile = folder.resolve("modelcost/diff.md").toFile();
        mojo.jsonFile = folder.resolve("modelcost/diff.json").toFile();
    }

    @Test
    void aNetworkGrownBeyondTheThresholdFailsTheBuildNamingItsFigures() {
        mojo.threshold = "10";
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertThat(failure.getMessage()).isEqualTo("modelcost: 1 figure(s) grew beyond the threshold against the"
                + " baseline:\n  ResNet-50 (" + RESNET + "): macs grew by 19.8%, from 4,089,184,256 in the baseline"
                + " to 4,900,028,416, more than the threshold of 10% (baseline " + narrow.resolve(RESNET) + ")\n"
                + "The comparison is in " + mojo.markdownFile + ". If the growth is intended, copy the new report"
                + " over its baseline.");
        // The text summary is in the log, as the cli prints it, at warning level since it failed.
        assertThat(log.at("warn")).containsMatch("\nmacs +4,089,184,256 +4,900,028,416 +\\+810,844,160 \\(\\+19.8%\\)\n");
        assertThat(log.at("warn")).contains("21 of 174 layers changed; the 10 largest:\n");
        assertThat(log.at("warn")).contains("FAIL: macs grew by 19.8%, more than the threshold of 10%\n");
    }

    @Test
    void aGrowthWithinTheThresholdPassesAndWritesTheComment() throws Exception {
        mojo.threshold = "20";
        mojo.execute();
        String comment = Files.readString(mojo.markdownFile.toPath(), StandardCharsets.UTF_8);
        assertThat(comment).startsWith("""
                ## modelcost check: the comparison is within the threshold

                | network | figure | baseline | now | change | % | threshold | |
                |:---|:---|---:|---:|---:|---:|---:|:---|
                | ResNet-50 | `macs` | 4,089,184,256 | 4,900,028,416 | +810,844,160 | +19.8% | 20% | ok |

                ### modelcost diff of ResNet-50: `macs`
                """);
        // The diff's own comment follows, its largest change first: a 3x3 of the third stage, 256^2 x 9 x 14^2.
        assertThat(comment).contains("\n**21 of 174 layers changed**; the 10 largest:\n\n");
        assertThat(comment).contains("| layer3.0.conv2 | 115,605,504 | 180,633,600 | +65,028,096 | +56.3% |\n");
        assertThat(comment).doesNotContain("FAIL");
        assertThat(log.at("info")).contains("21 of 174 layers changed; the 10 largest:\n");
        assertThat(log.at("warn")).isEmpty();
    }

    @Test
    void theJsonHoldsTheDecisionAndTheDiffsOwnJson() throws Exception {
        mojo.threshold = "20";
        mojo.execute();
        String json = Files.readString(mojo.jsonFile.toPath(), StandardCharsets.UTF_8);
        assertWellFormed(json);
        assertThat(json).startsWith("""
                {
                  "failed" : false,
                  "comparisons" : [ {
                    "report" : "dev.modelcost.sample.ResNet50.json",
                    "metric" : "macs",
                    "threshold" : 20,
                    "failed" : false,
                    "diff" : {""");
        assertThat(json).contains("\"layersChanged\" : 21,");
        assertThat(json).endsWith("""
                  "withoutBaseline" : [ ],
                  "withoutReport" : [ ]
                }
                """);
    }

    @Test
    void aFigureWithAThresholdOfItsOwnIsComparedToo() {
        mojo.threshold = "20";
        mojo.thresholds = Map.of("params", "17");
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        // macs +19.8% is within 20%; params +17.4% is not within 17%.
        assertThat(failure.getMessage()).contains("\n  ResNet-50 (" + RESNET + "): params grew by 17.4%, from"
                + " 25,557,032 in the baseline to 29,994,024, more than the threshold of 17% (baseline ");
        assertThat(failure.getMessage()).startsWith("modelcost: 1 figure(s) grew");
    }

    @Test
    void theCommentListsFailuresBeforeTheOtherChanges() throws Exception {
        mojo.metrics = List.of("macs", "params");
        mojo.thresholds = Map.of("macs", "25");
        mojo.failOnGrowth = false;
        mojo.execute();
        String comment = Files.readString(mojo.markdownFile.toPath(), StandardCharsets.UTF_8);
        assertThat(comment).startsWith("## modelcost check: 1 of 2 comparisons grew beyond the threshold\n");
        assertThat(comment).contains(
                "| ResNet-50 | `macs` | 4,089,184,256 | 4,900,028,416 | +810,844,160 | +19.8% | 25% | ok |\n"
                + "| ResNet-50 | `params` | 25,557,032 | 29,994,024 | +4,436,992 | +17.4% | 0% | **FAIL** |\n");
        assertThat(comment.indexOf("### modelcost diff of ResNet-50: `params`"))
                .isLessThan(comment.indexOf("### modelcost diff of ResNet-50: `macs`"));
        assertThat(comment.length()).isAtMost(dev.modelcost.cli.diff.ReportComparison.COMMENT_LIMIT);
        // failOnGrowth false: the failure is a warning and the build goes on.
        assertThat(log.at("warn")).contains("(failOnGrowth is false: the build goes on)");
    }

    @Test
    void anUnchangedNetworkIsOneLineOfTheLog() throws Exception {
        mojo.reports = narrow.toFile();
        mojo.execute();
        assertThat(log.at("info")).startsWith("modelcost: ResNet-50: macs 4,089,184,256, as in the baseline\n");
        assertThat(Files.readString(mojo.markdownFile.toPath(), StandardCharsets.UTF_8)).isEqualTo("""
                ## modelcost check: the comparison is within the threshold

                | network | figure | baseline | now | change | % | threshold | |
                |:---|:---|---:|---:|---:|---:|---:|:---|
                | ResNet-50 | `macs` | 4,089,184,256 | 4,089,184,256 | 0 | 0.0% | 0% | ok |
                """);
    }

    @Test
    void aBaselineFileIsComparedWithTheReportOfItsName() throws Exception {
        mojo.baseline = narrow.resolve(RESNET).toFile();
        mojo.threshold = "19.7";
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertThat(failure.getMessage()).contains("macs grew by 19.8%");
    }

    @Test
    void aMissingBaselineIsAWarningSayingHowToCreateOne() throws Exception {
        Path none = folder.resolve("baseline");
        mojo.baseline = none.toFile();
        mojo.execute();
        assertThat(log.at("warn")).isEqualTo("modelcost: no baseline at " + none + "; to create one, copy the"
                + " reports: mkdir -p " + none + " && cp " + wide + File.separator + "*.json " + none
                + " (failOnMissingBaseline is false: the build goes on)\n");
        assertThat(Files.readString(mojo.markdownFile.toPath(), StandardCharsets.UTF_8))
                .isEqualTo("## modelcost check: nothing compared\n");
    }

    @Test
    void aMissingBaselineFailsTheBuildWhenAskedTo() {
        mojo.baseline = folder.resolve("baseline").toFile();
        mojo.failOnMissingBaseline = true;
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertThat(failure.getMessage()).startsWith("modelcost: no baseline at " + folder.resolve("baseline"));
    }

    @Test
    void aReportWithoutABaselineInTheFolderIsNamed() throws Exception {
        Path baselines = Files.createDirectories(folder.resolve("baseline"));
        Files.copy(narrow.resolve(RESNET), baselines.resolve("dev.modelcost.sample.Other.json"));
        mojo.baseline = baselines.toFile();
        mojo.execute();
        assertThat(log.at("warn")).contains("modelcost: 1 baseline(s) with no current report (a network removed or"
                + " renamed?): dev.modelcost.sample.Other.json\n");
        assertThat(log.at("info")).contains("modelcost: no baseline for 1 report(s), not gated: " + RESNET
                + "; to gate a network, copy its report from " + wide + " to " + baselines + "\n");
        assertThat(Files.readString(mojo.markdownFile.toPath(), StandardCharsets.UTF_8))
                .isEqualTo("## modelcost check: nothing compared\n\n_No baseline for 1 report: "
                        + "dev.modelcost.sample.ResNet50.json._\n");
    }

    @Test
    void aReportWithoutABaselineFailsTheBuildWhenAskedTo() throws Exception {
        Path baselines = Files.createDirectories(folder.resolve("baseline"));
        mojo.baseline = baselines.toFile();
        mojo.failOnMissingBaseline = true;
        MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
        assertThat(failure.getMessage()).startsWith("modelcost: no baseline for 1 report(s), not gated: " + RESNET);
    }

    @Test
    void anUnknownFigureIsAnErrorListingTheReportsTotals() {
        mojo.metrics = List.of("nope");
        MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
        assertThat(error.getMessage()).startsWith("modelcost: " + narrow.resolve(RESNET)
                + ": no total 'nope' in the report; its totals are: layers, macs, biasAdds, flops, params,");
    }

    @Test
    void aThresholdThatIsNoPercentageIsAnError() {
        mojo.threshold = "five";
        MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
        assertThat(error.getMessage())
                .isEqualTo("modelcost: threshold: 'five' is not a percentage such as 5 or 2.5%");
    }

    @Test
    void skipDoesNothing() throws Exception {
        mojo.skip = true;
        mojo.threshold = "five";
        mojo.execute();
        assertThat(log.lines()).containsExactly("[info] modelcost: check skipped");
        assertThat(mojo.markdownFile.exists()).isFalse();
    }

    private static void assertWellFormed(String json) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        }
    }
}
