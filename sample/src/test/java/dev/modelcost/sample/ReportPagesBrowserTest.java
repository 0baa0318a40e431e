package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcost.processor.testing.PageBrowser;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's own report pages, as the processor wrote them into its classes, opened in headless Chromium at 390
 * px (a phone) and 1,400 px: no wider than the window, no error, one table row per layer, one per stage and
 * repetition, the search and the numeric sort of shapes working; and with scripts off, the totals and every row.
 * Skipped where chromium is missing, unless {@code MODELCOST_REQUIRE_BROWSER} is set.
 */
class ReportPagesBrowserTest {
    private static final int[] WIDTHS = {390, 1400};

    @TempDir
    static Path folder;

    @BeforeAll
    static void browser() {
        PageBrowser.assumeBrowser();
    }

    /**
     * 174 layers: conv1, bn1, relu, maxpool, then 3 + 4 + 6 + 3 bottlenecks (12 layers for a stage's first, with
     * its downsampling pair, 10 for the others: 32 + 42 + 62 + 32 = 168), avgpool and fc. 4 stages and 16
     * repetitions: 20 group rows; folded, 6 layers and the 4 stages' rows remain.
     */
    @Test
    void resNet50sPageWorksOnAPhoneAndADesktop() throws Exception {
        Path page = page("dev.modelcost.sample.ResNet50");
        for (int width : WIDTHS) {
            Map<String, String> seen = PageBrowser.probe(page, width, "{query: 'layer2.0', sort: 'outputShape'}",
                    folder);
            PageBrowser.assertPageFits(seen, width);
            assertEquals("174", seen.get("data-probe-rows"));
            assertEquals("20", seen.get("data-probe-stage-rows"));
            assertEquals("174", seen.get("data-probe-visible"));
            assertEquals("10", seen.get("data-probe-collapsed-visible"));
            assertEquals("layer2.0.conv1 layer2.0.bn1 layer2.0.relu1 layer2.0.conv2 layer2.0.bn2 layer2.0.relu2 "
                    + "layer2.0.conv3 layer2.0.bn3 layer2.0.downsample layer2.0.downsampleBn layer2.0.sum "
                    + "layer2.0.relu3", seen.get("data-probe-search"));
            assertEquals("12 of 174 layers", seen.get("data-probe-matches"));
            String sorted = seen.get("data-probe-sorted");
            assertSortedByShape(sorted, 174);
            // First the 64-channel maps at 56x56: maxpool and layer1's three blocks' first six layers (19), then
            // the three at 112x112 (conv1, bn1, relu), which sort first as text.
            assertTrue(sorted.startsWith(String.join(" ", Collections.nCopies(19, "64x56x56"))
                    + " 64x112x112 64x112x112 64x112x112 128x"), sorted);
        }
    }

    /**
     * 67 layers: 9 double convolutions of 6 layers (54), 4 pools, 4 transposed convolutions, 4 concatenations and
     * the last 1x1 convolution. 9 stages of one repetition each: 18 group rows; folded, 13 layers and 9 stages.
     */
    @Test
    void uNetsPageWorksOnAPhoneAndADesktop() throws Exception {
        Path page = page("dev.modelcost.sample.UNet");
        for (int width : WIDTHS) {
            Map<String, String> seen = PageBrowser.probe(page, width, "{query: 'up1', sort: 'outputShape'}", folder);
            PageBrowser.assertPageFits(seen, width);
            assertEquals("67", seen.get("data-probe-rows"));
            assertEquals("18", seen.get("data-probe-stage-rows"));
            assertEquals("22", seen.get("data-probe-collapsed-visible"));
            assertEquals("up1Up up1Cat up1.0.conv1 up1.0.bn1 up1.0.relu1 up1.0.conv2 up1.0.bn2 up1.0.relu2",
                    seen.get("data-probe-search"));
            assertEquals("8 of 67 layers", seen.get("data-probe-matches"));
            String sorted = seen.get("data-probe-sorted");
            assertSortedByShape(sorted, 67);
            // The class scores, 2 channels, come first; then down1Pool's 64x128x128 before the 64x256x256 maps.
            assertTrue(sorted.startsWith("2x256x256 64x128x128 64x256x256 "), sorted);
        }
    }

    /**
     * With scripts off: ResNet-50's totals (torchvision's 4,089,184,256 MACs, see ResNet50Test), a bottleneck's
     * share (layer3.4: 218,365,952 MACs, 5.34% of them) and every row; U-Net's 48,171,581,440 MACs (UNetTest)
     * and down3's 3,623,878,656, 7.52%.
     */
    @Test
    void withoutScriptsThePagesShowTheirTotalsAndEveryRow() throws Exception {
        PageBrowser.StaticPage resNet = PageBrowser.withoutScripts(page("dev.modelcost.sample.ResNet50"),
                390, folder);
        assertTrue(resNet.scrollWidth() <= resNet.clientWidth(), resNet.scrollWidth() + " px wide");
        assertEquals("loading", PageBrowser.attribute(resNet.dom(), "data-status"));
        assertTrue(resNet.dom().contains("<td>4,089,184,256</td><td>4.09 GMACs</td>"));
        assertTrue(resNet.dom().contains("<td>218,365,952<span class=\"share\">5.3%</span></td>"));
        assertEquals(174, PageBrowser.count(resNet.dom(), "<tr id=\"layer-"));
        assertEquals(20, PageBrowser.count(resNet.dom(), " data-stage=\""));
        assertTrue(resNet.dom().contains("<title>ResNet-50 \u2014 modelcost</title>"));

        PageBrowser.StaticPage uNet = PageBrowser.withoutScripts(page("dev.modelcost.sample.UNet"), 390,
                folder);
        assertTrue(uNet.scrollWidth() <= uNet.clientWidth(), uNet.scrollWidth() + " px wide");
        assertTrue(uNet.dom().contains("<td>48,171,581,440</td><td>48.2 GMACs</td>"));
        assertTrue(uNet.dom().contains("<td>3,623,878,656<span class=\"share\">7.5%</span></td>"));
        assertEquals(67, PageBrowser.count(uNet.dom(), "<tr id=\"layer-"));
    }

    /** A report page the processor wrote into the sample's classes, e.g. {@code dev.modelcost.sample.UNet}. */
    private static Path page(String network) {
        URL url = ReportPagesBrowserTest.class.getClassLoader().getResource("META-INF/modelcost/" + network + ".html");
        assertTrue(url != null, network + ".html is not on the class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} shapes, each no greater than the next compared element by element (64x56x56 < 64x112x112). */
    private static void assertSortedByShape(String shapes, int count) {
        List<int[]> parsed = Arrays.stream(shapes.split(" "))
                .map(shape -> Arrays.stream(shape.split("x")).mapToInt(Integer::parseInt).toArray()).toList();
        assertEquals(count, parsed.size());
        for (int i = 1; i < parsed.size(); i++) {
            assertTrue(Arrays.compare(parsed.get(i - 1), parsed.get(i)) <= 0, "not in order at " + i + ": " + shapes);
        }
    }
}
