package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelcost.processor.testing.PageBrowser.assertPageFits;
import static dev.modelcost.processor.testing.PageBrowser.attribute;
import static dev.modelcost.processor.testing.PageBrowser.count;
import static dev.modelcost.processor.testing.PageBrowser.dumpDom;
import static dev.modelcost.processor.testing.PageBrowser.probe;
import static dev.modelcost.processor.testing.PageBrowser.run;
import static dev.modelcost.processor.testing.PageBrowser.withoutScripts;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.PageBrowser;
import dev.modelcost.processor.testing.PageBrowser.StaticPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in headless Chromium: its scripts run to the end without an error or a console error; at
 * 390 px (a phone) and 1,400 px the page is no wider than the window, the table has one row per layer, the search
 * box and the sort buttons work; with scripts off the totals and every row are there. A test-only script appended
 * to a copy of the page ({@code page-probe.js}) does what a reader would and records what it sees in attributes
 * of the root element, which Chromium's {@code --dump-dom} prints. Chromium's window is never narrower than 500
 * px, so the page is opened in a frame of the width under test.
 *
 * <p>Two networks, compiled once for the class: a small one with a branch, a name that looks like markup and a
 * 122-character layer name; and one of 1,002 layers, most in a block repeated 333 times.
 *
 * <p>Needs Debian's {@code chromium}, which {@code .ci/run} installs; where it is missing the test is skipped,
 * unless {@code MODELCOST_REQUIRE_BROWSER} is set (as CI sets it), in which case it fails.
 */
class HtmlReportBrowserTest {
    /** 122 characters: a name that once made the page 2,308 px wide. */
    private static final String LONG_NAME = "classifierHeadThatMapsTheSumOfTheMainPathAndTheSidePath"
            + "ToTenClassScoresWithOneDenseLayerAndANameLongerThanAnyColumnEverYet";

    @TempDir
    static Path folder;
    private static Path small;
    private static Path thousand;

    @BeforeAll
    static void compilePages() throws IOException {
        PageBrowser.assumeBrowser();
        assertThat(LONG_NAME).hasLength(122);
        Compilation compilation = Compiled.sources(List.of(Compiled.file(
                "package h;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}), name = \"</script><b>x</b>\")",
                "@Device(preset = DevicePreset.T4)",
                "public class Page {",
                "    @Conv(out = 16, kernel = 3, padding = 1) Layer conv1;",
                "    @Activation(ActivationFunction.RELU) Layer relu;",
                "    @MaxPool(kernel = 2) Layer pool;",
                "    @From(\"pool\") @Conv(out = 16, kernel = 1) Layer side;",
                "    @Add({\"pool\", \"side\"}) Layer sum;",
                "    @Dense(out = 10) Layer " + LONG_NAME + ";",
                "}"), Compiled.file(
                "package h;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {16, 16}))",
                "@Device(preset = DevicePreset.T4)",
                "public class Thousand {",
                "    @Conv(out = 8, kernel = 3, padding = 1) Layer stem;",
                "    @Stage(block = Unit.class, repeat = 333) Layer blocks;",
                "    @MaxPool(kernel = 2) Layer pool;",
                "    @Dense(out = 10) Layer fc;",
                "    @Block static class Unit {",
                "        @Conv(out = 8, kernel = 3, padding = 1) Layer conv;",
                "        @BatchNorm Layer bn;",
                "        @Activation(ActivationFunction.RELU) Layer relu;",
                "    }",
                "}"))).compilation();
        assertThat(compilation).succeeded();
        small = page(compilation, "h.Page");
        thousand = page(compilation, "h.Thousand");
    }

    private static Path page(Compilation compilation, String network) throws IOException {
        Path page = folder.resolve(network + ".html");
        Files.writeString(page, compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/modelcost/" + network + ".html").orElseThrow().getCharContent(true), StandardCharsets.UTF_8);
        return page;
    }

    @Test
    void smallPageAtAPhonesWidthWorks() throws Exception {
        Map<String, String> seen = probe(small, 390, "{query: 'conv', sort: 'outputShape'}", folder);
        // The 122-character name is shortened: the page is no wider than the phone.
        assertPageFits(seen, 390);
        assertThat(seen).containsEntry("data-probe-rows", "6");
        assertThat(seen).containsEntry("data-probe-stage-rows", "0");
        // No stage: collapsing hides nothing.
        assertThat(seen).containsEntry("data-probe-collapsed-visible", "6");
        // By name (conv1) and by kind (side is a CONV).
        assertThat(seen).containsEntry("data-probe-search", "conv1 side");
        assertThat(seen).containsEntry("data-probe-matches", "2 of 6 layers");
        // Outputs: conv1 and relu 16x32x32, pool, side and sum 16x16x16, the dense layer 10 (first: 10 < 16).
        assertThat(seen).containsEntry("data-probe-sort", "ascending");
        assertThat(seen).containsEntry("data-probe-sorted", "10 16x16x16 16x16x16 16x16x16 16x32x32 16x32x32");
        // The table's body is a tab stop; in that order (the long-named dense layer 5, pool 2, side 3, sum 4, conv1 0,
        // relu 1: ties by index) the arrow keys select the dense layer, then pool; End the last row, relu; Up conv1.
        assertThat(seen).containsEntry("data-probe-body-tab-index", "0");
        assertThat(seen).containsEntry("data-probe-keys", "5 2 1 0");
    }

    @Test
    void smallPageShowsItsFactsAsTextAndDrawsItsCharts() throws Exception {
        String dom = dumpDom(small, folder);
        assertThat(attribute(dom, "data-status")).isEqualTo("ready");
        assertThat(attribute(dom, "data-errors")).isEqualTo("0");
        assertThat(count(dom, "<rect class=\"bar\"")).isEqualTo(6);
        // relu, pool, side, sum and the dense layer compute; conv1 too: every layer has FLOPs here.
        assertThat(count(dom, "class=\"point ")).isEqualTo(6);
        // The sum's row shows both its inputs: pool and side, 16 channels of 16 x 16.
        assertThat(dom).contains("<td>16x16x16, 16x16x16</td>");
        // The precision once, then the device.
        assertThat(dom).contains(" FP32 on NVIDIA T4. Per sample");
        // The network's name is text, never markup, even when it looks like a closing tag; the title is the page's.
        assertThat(dom).doesNotContain("<b>x</b>");
        assertThat(dom).contains("<title>&lt;/script&gt;&lt;b&gt;x&lt;/b&gt; \u2014 modelcost</title>");
        // The long name is shortened on screen, whole in its cell's title.
        assertThat(dom).contains("<td title=\"" + LONG_NAME + "\">" + LONG_NAME + "</td>");
        // The sort buttons are buttons in the headers, the table sorted by index at first.
        assertThat(dom).contains("<th scope=\"col\" data-key=\"index\" aria-sort=\"ascending\"><button type=\"button\">"
                + "#</button></th>");
    }

    /**
     * 1,002 layers: the stem, 333 repetitions of conv, bn, relu ({@code blocks.N.conv} ...), a pool and the dense
     * layer. 334 groups: the stage and its 333 repetitions.
     */
    @Test
    void aThousandLayersPageAtAPhonesWidthAndADesktopsWorks() throws Exception {
        List<String> search = new ArrayList<>();
        // "blocks.7" is in repetition 7 and 70 to 79 (no 700: there are 333), three layers each.
        for (String repetition : List.of("7", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79")) {
            for (String layer : List.of("conv", "bn", "relu")) {
                search.add("blocks." + repetition + "." + layer);
            }
        }
        for (int width : new int[] {390, 1400}) {
            Map<String, String> seen = probe(thousand, width, "{query: 'blocks.7', sort: 'outputShape'}", folder);
            assertPageFits(seen, width);
            assertThat(seen).containsEntry("data-probe-rows", "1002");
            assertThat(seen).containsEntry("data-probe-stage-rows", "334");
            assertThat(seen).containsEntry("data-probe-visible", "1002");
            // Collapsed: the stem, the stage's row, the pool and the dense layer.
            assertThat(seen).containsEntry("data-probe-collapsed-visible", "4");
            assertThat(seen).containsEntry("data-probe-search", String.join(" ", search));
            assertThat(seen).containsEntry("data-probe-matches", "33 of 1,002 layers");
            // The pool's output is 8x8x8, the dense layer's 10, every other layer's 8x16x16: shapes compare element
            // by element, so 8x8x8 comes before 8x16x16 (as text it would come after) and 10 after both.
            assertThat(runs(seen.get("data-probe-sorted"))).isEqualTo("8x8x8 8x16x16*1000 10");
        }
    }

    /**
     * With scripts off the page is its markup: the totals and every row. The convolutions' MACs are 8 x 8 x 9 per
     * output element of 8 x 16 x 16, 147,456 each, 334 of them 49,250,304; the dense layer's 8 x 8 x 8 x 10 =
     * 5,120; in all 49,255,424. The stage holds 333 convolutions: 49,102,848, 99.7% of the total.
     */
    @Test
    void withoutScriptsTheTotalsAndEveryRowAreThere() throws Exception {
        StaticPage page = withoutScripts(thousand, 390, folder);
        assertWithMessage("page width at 390 px").that(page.scrollWidth()).isAtMost(page.clientWidth());
        String dom = page.dom();
        assertThat(attribute(dom, "data-status")).isEqualTo("loading");
        assertThat(dom).containsMatch("<th scope=\"row\">MACs<span class=\"counts\">[^<]+</span></th>"
                + "<td>49,255,424</td><td>49.3 MMACs</td>");
        assertThat(count(dom, "<tr id=\"layer-")).isEqualTo(1002);
        assertThat(dom).contains("<tr id=\"layer-1001\" data-index=\"1001\">");
        assertThat(count(dom, " data-stage=\"")).isEqualTo(334);
        assertThat(dom).contains("<td>49,102,848<span class=\"share\">99.7%</span></td>");
        // The controls need the script: hidden without it.
        assertThat(dom).contains("<div class=\"controls\" id=\"table-controls\" hidden=\"\">");
    }

    /** Words with their runs of repeats shortened: {@code "a b b b c"} as {@code "a b*3 c"}. */
    static String runs(String words) {
        StringBuilder text = new StringBuilder();
        String[] split = words.split(" ");
        for (int i = 0, j; i < split.length; i = j) {
            j = i + 1;
            while (j < split.length && split[j].equals(split[i])) {
                j++;
            }
            text.append(text.length() == 0 ? "" : " ").append(split[i]).append(j - i > 1 ? "*" + (j - i) : "");
        }
        return text.toString();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fails even if run() blocks for good
    void aBrowserThatHangsIsStoppedAtTheTimeout() throws IOException {
        Path hanging = Files.createTempDirectory(folder, "hanging");
        Path browser = Files.writeString(hanging.resolve("hanging-browser"), "#!/bin/sh\necho '<html>'\nsleep 600\n");
        assertThat(browser.toFile().setExecutable(true)).isTrue();
        AssertionError error = assertThrows(AssertionError.class,
                () -> run(List.of(browser.toString()), hanging, Duration.ofSeconds(2)));
        assertThat(error).hasMessageThat().contains("hanging-browser did not finish within 2 s and was stopped");
    }
}
