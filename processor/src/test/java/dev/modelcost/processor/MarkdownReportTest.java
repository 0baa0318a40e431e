package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.GfmTables;
import dev.modelcost.processor.testing.StagedNetworks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The Markdown report as a pull request shows it: totals, the table by stage at each depth with shares that add
 * up, the largest layers, every layer folded in {@code <details>}, valid GitHub tables, and a length within
 * GitHub's 65,536 characters of a comment. Figures are those derived in {@link StagedNetworks}.
 */
class MarkdownReportTest {
    private static final int GITHUB_COMMENT = 65_536;

    @Test
    void theTableByStageGivesEachFigureWithItsShareAndTheLayersOutsideTheStages() {
        String md = markdown(Compiled.source(StagedNetworks.STAGED).compilation(), "st.Staged");
        // Shares of 15,360 MACs, 5,314 params, 33,290 FLOPs, 42,800 bytes moved and 52,816 ns: stem 2,048 (13.3%),
        // 40 (0.8%), 4,608 (13.8%), 3,232 (7.6%), 4,608 ns (8.7%); body 8,192 (53.3%), 144 (2.7%), 18,432
        // (55.4%), 16,960 (39.6%), 25,600 ns (48.5%); fc 5,120 (33.3%), 5,130 (96.5%), 10,250 (30.8%), 22,608
        // (52.8%), 22,608 ns (42.8%).
        assertThat(md).contains("\n## By stage\n");
        assertThat(md).contains("\n| stage | layers | MACs | MACs % | params | params % | FLOPs % | bytes moved % "
                + "| latency | latency % |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                + "| (network) stem | 1 | 2,048 | 13.3% | 40 | 0.8% | 13.8% | 7.6% | 4.61 \u00b5s | 8.7% |\n"
                + "| body | 4 | 8,192 | 53.3% | 144 | 2.7% | 55.4% | 39.6% | 25.6 \u00b5s | 48.5% |\n"
                + "| (network) fc | 1 | 5,120 | 33.3% | 5,130 | 96.5% | 30.8% | 52.8% | 22.6 \u00b5s | 42.8% |\n");
        // Depth 1 by default: no repetition rows.
        assertThat(md).doesNotContain("body.0 |");
        GfmTables.assertValid(md);
    }

    @Test
    void atDepthTwoEachRepetitionFollowsItsStage() {
        String md = markdown(Compiled.sources(List.of(Compiled.file(StagedNetworks.STAGED)), "-Amodelcost.depth=2")
                .compilation(), "st.Staged");
        // body.0: 4,096 MACs (26.7%), 72 params (1.4%), 9,216 FLOPs (27.7%), 8,480 bytes (19.8%), 12,800 ns (24.2%).
        assertThat(md).contains("| body | 4 | 8,192 | 53.3% | 144 | 2.7% | 55.4% | 39.6% | 25.6 \u00b5s | 48.5% |\n"
                + "| \u21b3 body.0 | 2 | 4,096 | 26.7% | 72 | 1.4% | 27.7% | 19.8% | 12.8 \u00b5s | 24.2% |\n"
                + "| \u21b3 body.1 | 2 | 4,096 | 26.7% | 72 | 1.4% | 27.7% | 19.8% | 12.8 \u00b5s | 24.2% |\n"
                + "| (network) fc |");
        GfmTables.assertValid(md);
    }

    @Test
    void theSharesOfEachLevelAddUpToTheirGroupsShare() {
        for (int depth = 1; depth <= 4; depth++) {
            String md = markdown(Compiled.sources(List.of(Compiled.file(StagedNetworks.NESTED)),
                    "-Amodelcost.depth=" + depth).compilation(), "st.Nested");
            List<List<String>> rows = stageTable(md);
            // Each share column (MACs %, params %, FLOPs %, bytes moved %) of the top level sums to 100%, each
            // group's children to the group's share, within the rounding of one decimal per row.
            for (int column : new int[] {3, 5, 6, 7}) {
                assertChildrenAddUp(rows, column, 0, rows.size(), new BigDecimal("100.0"));
            }
        }
        // At depth 3, a repetition shows its own layers beside its inner stage, in network order.
        List<List<String>> rows = stageTable(markdown(Compiled.sources(List.of(Compiled.file(StagedNetworks.NESTED)),
                "-Amodelcost.depth=3").compilation(), "st.Nested"));
        assertThat(rows.stream().map(r -> r.get(0)).toList()).containsExactly("(network) stem", "body",
                "\u21b3 body.0", "&nbsp;&nbsp;\u21b3 (body.0) pre", "&nbsp;&nbsp;\u21b3 body.0.inner",
                "&nbsp;&nbsp;\u21b3 (body.0) post", "\u21b3 body.1", "&nbsp;&nbsp;\u21b3 (body.1) pre",
                "&nbsp;&nbsp;\u21b3 body.1.inner", "&nbsp;&nbsp;\u21b3 (body.1) post").inOrder();
        // Of 34,816 MACs: body.0 16,384 (47.1%), its pre 4,096 (11.8%), its inner stage 8,192 (23.5%), its post
        // 4,096 (11.8%): 11.8 + 23.5 + 11.8 = 47.1.
        assertThat(rows.get(2).subList(1, 4)).containsExactly("4", "16,384", "47.1%").inOrder();
        assertThat(rows.get(3).subList(1, 4)).containsExactly("1", "4,096", "11.8%").inOrder();
        assertThat(rows.get(4).subList(1, 4)).containsExactly("2", "8,192", "23.5%").inOrder();
        assertThat(rows.get(5).subList(1, 4)).containsExactly("1", "4,096", "11.8%").inOrder();
    }

    @Test
    void depthZeroLeavesTheTableByStageOut() {
        String md = markdown(Compiled.sources(List.of(Compiled.file(StagedNetworks.STAGED)), "-Amodelcost.depth=0")
                .compilation(), "st.Staged");
        assertThat(md).doesNotContain("By stage");
        assertThat(md).contains("## Largest layers");
    }

    @Test
    void theLargestLayersAreTheTenOfMostMacsEarlierFirstAmongEqualOnes() {
        String md = markdown(Compiled.source(StagedNetworks.DEEP).compilation(), "st.Deep");
        List<List<String>> largest = table(md, "## Largest layers");
        assertThat(largest.get(0)).containsExactly("#", "layer", "kind", "MACs", "MACs %", "params", "latency (ns)",
                "bound").inOrder();
        // Each 3x3 convolution 16 -> 16 on 8x8: 16 * 64 * 144 = 147,456 MACs, more than the stem (16 * 64 * 16)
        // and fc (1,024 * 10); 300 equal ones: the first ten, layers 1, 5, ..., 37.
        List<String> names = new ArrayList<>();
        for (List<String> row : largest.subList(1, largest.size())) {
            names.add(row.get(0) + " " + row.get(1) + " " + row.get(3));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            expected.add((1 + 4 * i) + " body." + i + ".conv 147,456");
        }
        assertThat(names).containsExactlyElementsIn(expected).inOrder();
        // 147,456 of 300 x 147,456 + 16,384 + 10,240 = 44,263,424 MACs: 0.33%.
        assertThat(largest.get(1).get(4)).isEqualTo("0.3%");
    }

    @Test
    void aSmallNetworkHasEveryLayerFoldedInDetails() {
        String md = markdown(Compiled.source(StagedNetworks.STAGED).compilation(), "st.Staged");
        assertThat(md).contains("\n<details><summary>All 6 layers</summary>\n");
        assertThat(md).endsWith("\n</details>\n");
        List<List<String>> all = table(md, "<details>");
        assertThat(all.get(0)).containsExactly("#", "layer", "kind", "output", "MACs", "params", "latency (ns)",
                "bound").inOrder();
        assertThat(all).hasSize(1 + 6);
        // body.0.relu: 4,096 bytes at 1 GB/s take longer than its 512 FLOPs at 1 GFLOP/s.
        assertThat(all.get(3)).containsExactly("2", "body.0.relu", "ACTIVATION", "8x8x8", "0", "0", "4,096",
                "memory").inOrder();
        assertThat(md).doesNotContain("layers shown");
        assertThat(md.length()).isLessThan(GITHUB_COMMENT);
    }

    @Test
    void aLongNetworksReportStaysWithinAGithubCommentAndSaysHowManyLayersItShows() {
        String md = markdown(Compiled.source(StagedNetworks.DEEP).compilation(), "st.Deep");
        assertThat(md.length()).isLessThan(GITHUB_COMMENT);
        Matcher shown = Pattern.compile("\n([0-9,]+) of 1,202 layers shown; the full table is in st\\.Deep\\.json"
                + " / \\.html\\.\n").matcher(md);
        assertThat(shown.find()).isTrue();
        int count = Integer.parseInt(shown.group(1).replace(",", ""));
        assertThat(count).isLessThan(1_202);
        assertThat(count).isGreaterThan(500);
        // The rows are the first layers in order, as many as the line says.
        List<List<String>> all = table(md, "<details>");
        assertThat(all).hasSize(1 + count);
        for (int i = 0; i < count; i++) {
            assertThat(all.get(1 + i).get(0)).isEqualTo(Integer.toString(i));
        }
        assertThat(md).endsWith("\n</details>\n");
        GfmTables.assertValid(md);
    }

    @Test
    void aDeepTableByStageIsCutToo() {
        // Depth 2 of a 300-repetition stage: 303 rows by stage, then the largest layers, then as many layers as fit.
        String md = markdown(Compiled.sources(List.of(Compiled.file(StagedNetworks.DEEP)), "-Amodelcost.depth=2")
                .compilation(), "st.Deep");
        assertThat(md.length()).isLessThan(GITHUB_COMMENT);
        assertThat(stageTable(md)).hasSize(303);
        assertThat(md).contains("## Largest layers");
        assertThat(md).containsMatch("\n[0-9,]+ of 1,202 layers shown;");
        GfmTables.assertValid(md);
    }

    @Test
    void userTextCannotBreakATable() {
        String[] source = StagedNetworks.STAGED.clone();
        source[2] = "@Network(name = \"Staged | <b>net</b>\", input = @Shape(channels = 4, size = {8, 8}))";
        source[3] = "@Device(name = \"a|b <i>\", peakFlops = 1_000_000_000L, bandwidth = 1_000_000_000L)";
        String md = markdown(Compiled.source(source).compilation(), "st.Staged");
        assertThat(md).startsWith("# Staged \\| &lt;b>net&lt;/b>\n");
        assertThat(md).contains(", FP32 on a\\|b &lt;i>. Per sample (batch 1).");
        GfmTables.assertValid(md);
    }

    /** Asserts that the rows in [from, to) one level below a parent add up to its share, and so on down. */
    private static void assertChildrenAddUp(List<List<String>> rows, int column, int from, int to, BigDecimal total) {
        if (from >= to) {
            return;
        }
        int level = level(rows.get(from).get(0));
        BigDecimal sum = BigDecimal.ZERO;
        int children = 0;
        for (int i = from; i < to; i++) {
            if (level(rows.get(i).get(0)) != level) {
                continue;
            }
            int end = i + 1;
            while (end < to && level(rows.get(end).get(0)) > level) {
                end++;
            }
            BigDecimal share = percent(rows.get(i).get(column));
            assertChildrenAddUp(rows, column, i + 1, end, share);
            sum = sum.add(share);
            children++;
        }
        // Each share is rounded to 0.05 at most: the sum is within that many halves of a tenth.
        assertThat(sum.subtract(total).abs())
                .isAtMost(new BigDecimal("0.05").multiply(BigDecimal.valueOf(children + 1)));
    }

    private static int level(String label) {
        if (!label.contains("\u21b3")) {
            return 1;
        }
        return 2 + (label.length() - label.replace("&nbsp;&nbsp;", "").length()) / "&nbsp;&nbsp;".length();
    }

    private static BigDecimal percent(String cell) {
        return new BigDecimal(cell.substring(0, cell.length() - 1));
    }

    private static List<List<String>> stageTable(String md) {
        List<List<String>> table = table(md, "## By stage");
        return table.subList(1, table.size());
    }

    /** The first table after a line that starts with {@code heading}, header row first. */
    private static List<List<String>> table(String md, String heading) {
        int at = md.indexOf("\n" + heading);
        assertThat(at).isAtLeast(0);
        return GfmTables.tables(md.substring(at)).get(0);
    }

    private static String markdown(Compilation compilation, String network) {
        try {
            return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/modelcost/" + network + ".md")
                    .orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
