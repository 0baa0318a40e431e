package dev.modelcost.processor.writing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.StageTotals;
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
    /** What the template holds in place of the network's own text, in the order they appear in it. */
    private static final List<String> SLOTS = List.of("MODELCOST_TITLE", "<!--MODELCOST_HEADING-->\n",
            "<!--MODELCOST_TOTALS-->\n", "<!--MODELCOST_LAYERS-->\n", "/*MODELCOST_DATA*/");
    /** The template with its assets, cut at the slots: read and assembled once, for every page. */
    private static final String[] PIECES = pieces(assemble());
    private static final int PIECES_LENGTH = PIECES[0].length() + PIECES[1].length() + PIECES[2].length()
            + PIECES[3].length() + PIECES[4].length() + PIECES[5].length();

    private HtmlReport() {
    }

    /** The page of a network whose JSON report, from {@link JsonReport#write}, is {@code json}. */
    static String page(NetworkCost cost, MemoryProfile memory, List<StageTotals> stages, String json) {
        // The table is about 260 characters a layer and 420 a group: the page is not copied as it grows.
        StringBuilder page = new StringBuilder(PIECES_LENGTH + json.length() + 16_384 + cost.layers().size() * 280
                + stages.size() * 440);
        page.append(PIECES[0]).append(HtmlSummary.title(cost)).append(PIECES[1]);
        HtmlSummary.heading(page, cost, memory);
        page.append(PIECES[2]);
        HtmlSummary.totals(page, cost, memory);
        page.append(PIECES[3]);
        HtmlLayerTable.table(page, cost, memory, stages);
        // JsonBuilder escapes '<', '>' and '&', so the data cannot close the <script> element that holds it.
        int end = json.length();
        while (end > 0 && json.charAt(end - 1) <= ' ') {
            end--;
        }
        return page.append(PIECES[4]).append(json, 0, end).append(PIECES[5]).toString();
    }

    /** The template's text between its slots: one piece more than there are slots. */
    private static String[] pieces(String template) {
        String[] pieces = new String[SLOTS.size() + 1];
        int at = 0;
        for (int i = 0; i < SLOTS.size(); i++) {
            int slot = template.indexOf(SLOTS.get(i), at);
            if (slot < 0) {
                throw new IllegalStateException("report.html lacks " + SLOTS.get(i) + " after offset " + at);
            }
            pieces[i] = template.substring(at, slot);
            at = slot + SLOTS.get(i).length();
        }
        pieces[SLOTS.size()] = template.substring(at);
        return pieces;
    }

    private static String assemble() {
        StringBuilder styles = new StringBuilder(16_384);
        for (String name : STYLES) {
            styles.append(resource(name));
        }
        StringBuilder scripts = new StringBuilder(65_536);
        for (String name : SCRIPTS) {
            scripts.append("<script>\n").append(resource(name)).append("</script>\n");
        }
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
