package dev.modelcost.processor.writing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The HTML report of a network: one self-contained page (no network access, no external script) with the totals,
 * a per-layer bar chart of MACs, FLOPs, parameters or memory, the roofline plot on the declared device, and a
 * sortable table of every layer. The page is a fixed template; the JSON report is its data.
 */
public final class HtmlReport {
    private static final String TEMPLATE = template();
    private static final String DATA = "/*MODELCOST_DATA*/";

    private HtmlReport() {
    }

    /** The page's text around the network's JSON report, from {@link JsonReport#write}. */
    static String page(String json) {
        // JsonBuilder escapes '<', '>' and '&', so the data cannot close the <script> element that holds it.
        return TEMPLATE.replace(DATA, json.trim());
    }

    private static String template() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.html")) {
            if (in == null) {
                throw new IllegalStateException("report.html missing from the processor jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
