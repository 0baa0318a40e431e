package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelcost.processor.testing.PageBrowser.attribute;
import static dev.modelcost.processor.testing.PageBrowser.count;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.PageBrowser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report's network graph, bar chart and roofline as headless Chromium draws them: the DOM it dumps once
 * the scripts have run holds one graph node per layer, an edge per distinct input, the branches of a residual
 * block side by side, tick labels with units, bars by stage for a large network, the roofline's decade ticks and
 * ridge point, and one marker per spot that several layers share.
 *
 * <p>Needs Debian's {@code chromium}; where it is missing the test is skipped, unless
 * {@code MODELCOST_REQUIRE_BROWSER} is set (as CI sets it), in which case it fails.
 */
class HtmlChartsBrowserTest {

    /**
     * A residual block: {@code left} and {@code right} both read {@code stem}, {@code sum} merges them. Three
     * ReLUs on the same 8x16x16 tensor, and two identical 3x3 convolutions on it, share their FLOP/byte.
     */
    private static final String[] RESIDUAL = {
        "package g;",
        "import dev.modelcost.*;",
        "@Network(input = @Shape(channels = 8, size = {16, 16}))",
        "@Device(preset = DevicePreset.A100)",
        "public class Residual {",
        "    @Conv(out = 8, kernel = 3, padding = 1) Layer stem;",
        "    @Conv(out = 8, kernel = 3, padding = 1) Layer left;",
        "    @Activation(ActivationFunction.RELU) Layer leftRelu;",
        "    @From(\"stem\") @Conv(out = 8, kernel = 1) Layer right;",
        "    @Add({\"leftRelu\", \"right\"}) Layer sum;",
        "    @Activation(ActivationFunction.RELU) Layer relu;",
        "    @Activation(ActivationFunction.RELU) Layer relu2;",
        "}"};

    @TempDir
    Path folder;

    @BeforeEach
    void needsChromium() {
        PageBrowser.assumeBrowser();
    }

    @Test
    void graphDrawsANodePerLayerAndTheBranchesSideBySide() throws Exception {
        String dom = dumpDom(page(Compiled.source(RESIDUAL).compilation(), "g.Residual"));

        assertThat(attribute(dom, "data-status")).isEqualTo("ready");
        assertThat(attribute(dom, "data-errors")).isEqualTo("0");
        assertThat(attribute(dom, "data-graph-nodes")).isEqualTo("7");
        assertThat(count(dom, "<g class=\"node\" data-index=")).isEqualTo(7);
        // One edge per distinct input: stem <- the input; left, right <- stem; leftRelu <- left;
        // sum <- leftRelu, right; relu <- sum; relu2 <- relu.
        assertThat(count(dom, "<path class=\"edge\"")).isEqualTo(8);
        assertThat(attribute(dom, "data-graph-edges")).isEqualTo("8");
        // Ranks are the longest path from the input (rank 0): stem 1, then left and right both 2, in lanes 0 and 1
        // (left, declared first, follows stem's lane); leftRelu 3; the merge 4.
        assertThat(node(dom, 1)).contains("data-rank=\"2\" data-lane=\"0\"");
        assertThat(node(dom, 3)).contains("data-rank=\"2\" data-lane=\"1\"");
        assertThat(node(dom, 4)).contains("data-rank=\"4\" data-lane=\"0\"");
    }

    @Test
    void barChartHasTickLabelsWithUnitsAndMarksLayersWithoutMacs() throws Exception {
        String dom = dumpDom(page(Compiled.source(RESIDUAL).compilation(), "g.Residual"));

        assertThat(attribute(dom, "data-errors")).isEqualTo("0");
        assertThat(count(dom, "<rect class=\"bar\"")).isEqualTo(7);
        // The largest MACs: a 3x3 convolution from 8 to 8 channels on 16x16, 8 x 8 x 9 x 256 = 147,456. Ticks at
        // steps of 1, 2 or 5 times a power of ten (of thousands), about five of them: 0, 50 k, 100 k, 150 k.
        assertThat(dom).contains(">50 k</text>");
        assertThat(dom).contains(">150 k</text>");
        assertThat(dom).doesNotContain(">200 k</text>");
        // The three ReLUs and the sum have no MACs: each marked below the axis, with its figure in a tooltip.
        assertThat(count(dom, "data-zero=\"1\"")).isEqualTo(4);
        assertThat(dom).contains("<title>relu2 (ACTIVATION), #6: 0 MACs</title>");
        assertThat(dom).contains("<title>stem (CONV), #0: 147,456 MACs (147 k)</title>");
        assertThat(dom).contains("aria-pressed=\"true\" data-metric=\"macs\"");
    }

    @Test
    void rooflineHasDecadeTicksTheRidgeAndOneMarkerPerSharedSpot() throws Exception {
        String dom = dumpDom(page(Compiled.source(RESIDUAL).compilation(), "g.Residual"));

        assertThat(attribute(dom, "data-errors")).isEqualTo("0");
        // A100 in FP32: 19.5 TFLOP/s and 1,555 GB/s, so the ridge is at 19.5e12 / 1.555e12 = 12.54 FLOP/byte.
        assertThat(dom).contains("peak 19.5 TFLOP/s (19,500,000,000,000 FLOP/s)");
        assertThat(dom).contains(">ridge 12.5 FLOP/byte</text>");
        // The x axis runs in decades from below the lowest FLOP/byte / 1.5 to above the highest (or the ridge) x 3:
        // the sum reads two tensors and writes one, 2,048 additions for 3 x 2,048 x 4 bytes = 0.083 FLOP/byte;
        // a 3x3 convolution does 2 x 147,456 + 2,048 (bias) = 296,960 FLOPs for 8,192 + 8,192 + 584 x 4 bytes
        // = 15.9 FLOP/byte. So 0.01 to 100.
        assertThat(decades(dom, "x")).containsExactly("0.01", "0.1", "1", "10", "100").inOrder();
        // The y axis from the roof at 0.01 FLOP/byte (0.01 x 1,555 GB/s = 15.6 GFLOP/s, so from 10) up to the
        // first decade above 1.5 x the peak.
        assertThat(decades(dom, "y")).containsExactly("10 GFLOP/s", "100 GFLOP/s", "1 TFLOP/s", "10 TFLOP/s",
                "100 TFLOP/s").inOrder();
        assertThat(dom).contains("compute-bound</text>");
        assertThat(dom).contains("memory-bound</text>");
        // Seven layers, four spots: stem and left (the same convolution on the same tensor), the three ReLUs,
        // right, sum.
        assertThat(count(dom, "<circle class=\"point ")).isEqualTo(4);
        assertThat(counts(dom)).containsExactly("2", "3", "1", "1").inOrder();
        assertThat(dom).contains("4 markers for 7 layers; 2 shared by several layers");
    }

    @Test
    void aNetworkOfMoreThan200LayersGetsBarsByStageAndOneOf300ACollapsedGraph() throws Exception {
        // Two stages of 55 repetitions of a three-layer block: 330 layers, with the stem and the head 332.
        Compilation compilation = Compiled.source(
                "package g;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 4, size = {8, 8}))",
                "public class Deep {",
                "    @Conv(out = 4, kernel = 1) Layer stem;",
                "    @Stage(block = Unit.class, repeat = 55) Layer first;",
                "    @Stage(block = Unit.class, repeat = 55) Layer second;",
                "    @Dense(out = 10) Layer head;",
                "    @Block static class Unit {",
                "        @Conv(out = 4, kernel = 1) Layer conv;",
                "        @BatchNorm Layer bn;",
                "        @Activation(ActivationFunction.RELU) Layer relu;",
                "    }",
                "}").compilation();
        String dom = dumpDom(page(compilation, "g.Deep"));

        assertThat(attribute(dom, "data-status")).isEqualTo("ready");
        assertThat(attribute(dom, "data-errors")).isEqualTo("0");
        // Bars: stem, the stage first, the stage second, head.
        assertThat(count(dom, "<rect class=\"bar\"")).isEqualTo(4);
        assertThat(count(dom, "data-stage=\"first\" data-index=\"1\"")).isEqualTo(1);
        assertThat(count(dom, "data-stage=\"second\" data-index=\"166\"")).isEqualTo(1);
        assertThat(dom).contains("aria-pressed=\"true\" class=\"option\">by stage</button>");
        // Over 300 layers the graph starts collapsed at the deepest depth that keeps it under 300 nodes: the 110
        // repetitions (depth 2) with the stem and the head 112 nodes; the two layers drawn are stem and head.
        assertThat(attribute(dom, "data-graph-nodes")).isEqualTo("2");
        assertThat(count(dom, "<g class=\"stage-node\"")).isEqualTo(110);
        assertThat(dom).contains("first.0 \u00b7 3 layers");
    }

    private Path page(Compilation compilation, String network) throws IOException {
        assertThat(compilation).succeeded();
        Path page = folder.resolve(network + ".html");
        Files.writeString(page, compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/modelcost/" + network + ".html").orElseThrow().getCharContent(true), StandardCharsets.UTF_8);
        return page;
    }

    private String dumpDom(Path page) throws IOException, InterruptedException {
        return PageBrowser.dumpDom(page, folder);
    }

    /** The opening tag of the graph node of the layer at {@code index}. */
    private static String node(String dom, int index) {
        Matcher matcher = Pattern.compile("<g class=\"node[^\"]*\" data-index=\"" + index + "\"[^>]*>").matcher(dom);
        return matcher.find() ? matcher.group() : "(missing)";
    }

    /** The labels of the roofline's decade ticks on one axis, in the order drawn. */
    private static List<String> decades(String dom, String axis) {
        Matcher matcher = Pattern.compile("<text class=\"tick decade " + axis + "\"[^>]*>([^<]*)</text>").matcher(dom);
        List<String> labels = new ArrayList<>();
        while (matcher.find()) {
            labels.add(matcher.group(1));
        }
        return labels;
    }

    /** The roofline markers' layer counts, in the order drawn. */
    private static List<String> counts(String dom) {
        Matcher matcher = Pattern.compile("<circle class=\"point [^>]*data-count=\"(\\d+)\"").matcher(dom);
        List<String> counts = new ArrayList<>();
        while (matcher.find()) {
            counts.add(matcher.group(1));
        }
        return counts;
    }
}
