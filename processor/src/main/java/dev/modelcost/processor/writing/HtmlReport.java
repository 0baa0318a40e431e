package dev.modelcost.processor.writing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The HTML report of a network: one self-contained page (no network access, no external script) with the totals,
 * the layers' table with the stages and block repetitions as a tree, a per-layer chart, the roofline plot on the
 * declared device and the network's graph. The page is a fixed template, its style sheets and its scripts (each a
 * resource beside this class, each script in an element of its own so that one failing leaves the others
 * running); the JSON report is its data. The heading, the totals and the table are markup written here
 * ({@link HtmlSummary}, {@link HtmlLayerTable}), so that the page reads with scripts off, and prints.
 */
public final class HtmlReport {
    private static final List<String> STYLES = List.of("report-page.css", "report-charts.css", "report-graph.css");
    private static final List<String> SCRIPTS = List.of("report-common.js", "report-page.js", "report-charts.js",
            "report-graph.js");
    private static final String TEMPLATE = assemble();
    /** What the template holds in place of the network's own text, in the order they appear in it. */
    private static final List<String> SLOTS = List.of("MODELCOST_TITLE", "<!--MODELCOST_HEADING-->\n",
            "<!--MODELCOST_TOTALS-->\n", "<!--MODELCOST_LAYERS-->\n", "/*MODELCOST_DATA*/");

    private HtmlReport() {
    }

    /** The page of a network whose JSON report, from {@link JsonReport#write}, is {@code json}. */
    static String page(NetworkCost cost, MemoryProfile memory, String json) {
        String layers = HtmlLayerTable.table(cost, memory);
        // JsonBuilder escapes '<', '>' and '&', so the data cannot close the <script> element that holds it.
        List<String> values = List.of(HtmlSummary.title(cost), HtmlSummary.heading(cost, memory),
                HtmlSummary.totals(cost, memory), layers, json.trim());
        StringBuilder page = new StringBuilder(TEMPLATE.length() + layers.length() + json.length());
        int at = 0;
        for (int i = 0; i < SLOTS.size(); i++) {
            int slot = TEMPLATE.indexOf(SLOTS.get(i), at);
            if (slot < 0) {
                throw new IllegalStateException("report.html lacks " + SLOTS.get(i) + " after offset " + at);
            }
            page.append(TEMPLATE, at, slot).append(values.get(i));
            at = slot + SLOTS.get(i).length();
        }
        return page.append(TEMPLATE, at, TEMPLATE.length()).toString();
    }

    private static String assemble() {
        StringBuilder styles = new StringBuilder();
        STYLES.forEach(name -> styles.append(resource(name)));
        StringBuilder scripts = new StringBuilder();
        SCRIPTS.forEach(name -> scripts.append("<script>\n").append(resource(name)).append("</script>\n"));
        return resource("report.html").replace("/*MODELCOST_STYLE*/\n", styles)
                .replace("<!--MODELCOST_SCRIPTS-->\n", scripts);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the processor jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
