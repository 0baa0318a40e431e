package dev.modelcost.processor.writing;

import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.StageTotals;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network's reports, each under its name in the class output: {@code META-INF/modelcost/<qualified class
 * name>.json} (and {@code .md}, {@code .html}).
 */
public final class ReportWriter {
    /** The folder of the class output that holds the reports. */
    public static final String FOLDER = "META-INF/modelcost/";

    private ReportWriter() {
    }

    /**
     * The text of each chosen format, by file name, in the order of the formats; {@code depth} is how deep the
     * Markdown report's table by stage goes.
     */
    public static Map<String, String> reports(NetworkCost cost, MemoryProfile memory, Set<ReportFormat> formats,
            int depth) {
        // The stages' sums go into every report; the HTML page holds the JSON report as its data: written once.
        List<StageTotals> stages = StageTotals.of(cost, memory);
        String json = formats.contains(ReportFormat.JSON) || formats.contains(ReportFormat.HTML)
                ? JsonReport.write(cost, memory, stages) : null;
        Map<String, String> reports = new LinkedHashMap<>();
        for (ReportFormat format : formats) {
            String text = switch (format) {
                case JSON -> json;
                case MD -> MarkdownReport.write(cost, memory, stages, depth, formats, LengthBudget.githubComment());
                case HTML -> HtmlReport.page(cost, memory, stages, json);
            };
            reports.put(fileName(cost, format), text);
        }
        return reports;
    }

    /** E.g. {@code META-INF/modelcost/dev.modelcost.sample.ResNet50.json}. */
    public static String fileName(NetworkCost cost, ReportFormat format) {
        return FOLDER + cost.network().type().getQualifiedName() + "." + format.extension();
    }
}
