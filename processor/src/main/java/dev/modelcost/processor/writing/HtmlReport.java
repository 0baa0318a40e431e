package dev.modelcost.processor.writing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The HTML report of a network: one self-contained page (no network access, no external script) with the totals,
 * a per-layer bar chart of MACs, FLOPs, parameters or memory, the roofline plot on the declared device, and a
 * sortable table of every layer. The page is a fixed template, its style sheets and its scripts (each a resource
 * beside this class, each script in an element of its own so that one failing leaves the others running); the
 * JSON report is its data.
 */
public final class HtmlReport {
    private static final List<String> STYLES = List.of("report-page.css", "report-charts.css", "report-graph.css");
    private static final List<String> SCRIPTS = List.of("report-common.js", "report-page.js", "report-charts.js",
            "report-graph.js");
    private static final String TEMPLATE = assemble();
    private static final String DATA = "/*MODELCOST_DATA*/";

    private HtmlReport() {
    }

    /** The page's text around the network's JSON report, from {@link JsonReport#write}. */
    static String page(String json) {
        // JsonBuilder escapes '<', '>' and '&', so the data cannot close the <script> element that holds it.
        return TEMPLATE.replace(DATA, json.trim());
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
