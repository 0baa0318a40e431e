package dev.modelcost.processor.writing;

import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.StageTotals;
import java.util.List;
import java.util.Set;

/**
 * The Markdown report of a network, fit to post on a pull request: a heading and a one-line summary, the totals
 * (exact and scaled), the training step's and generation's tables, the table by stage down to the chosen depth,
 * the largest layers, and every layer folded in {@code <details>}. It stays within GitHub's 65,536 characters of
 * a comment: the table of every layer ends where the budget does, with a line saying how many rows it shows.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /**
     * The report's text.
     *
     * @param depth how deep the table by stage goes: 1 the stages, 2 their repetitions too; 0 no such table
     * @param formats the reports written beside this one, which a cut table points to
     */
    public static String write(NetworkCost cost, MemoryProfile memory, int depth, Set<ReportFormat> formats) {
        return write(cost, memory, StageTotals.of(cost, memory), depth, formats, LengthBudget.githubComment());
    }

    /** The report's text within {@code budget}, with the sums of the stages and repetitions already made. */
    static String write(NetworkCost cost, MemoryProfile memory, List<StageTotals> stages, int depth,
            Set<ReportFormat> formats, LengthBudget budget) {
        // The budget bounds the text: room for all of it from the start, in characters (a row is ~100).
        StringBuilder md = new StringBuilder(Math.min(budget.limit(), 8_192 + cost.layers().size() * 120));
        md.append("# ").append(MarkdownTable.escape(cost.network().displayName())).append("\n\n");
        md.append('`').append(cost.network().type().getQualifiedName()).append("`: ")
                .append(Summary.of(cost, memory, MarkdownTable::escape)).append("\n\n");
        MarkdownTotals.forward(md, cost, memory);
        MarkdownTotals.training(md, memory);
        if (cost.generation() != null) {
            MarkdownTotals.generation(md, cost.generation(), memory.target().hasDevice());
        }
        MarkdownLayerTables layers = new MarkdownLayerTables(cost, memory);
        String largest = layers.largestSection();
        String fullReports = fullReports(cost, formats);
        // Kept for after the stages: the largest layers, and the opening of every layer's table with its last line.
        int reserve = largest.length() + 1_024 + MarkdownLayerTables.cutLine(0, 0, fullReports).length();
        new MarkdownStageTable(cost, memory).write(md, StageRows.of(cost, memory, stages, depth), depth, budget,
                reserve);
        md.append(largest);
        layers.writeAll(md, budget, fullReports);
        return md.toString();
    }

    /** The reports written beside this one that have every layer, e.g. {@code x.Net.json / .html}. */
    private static String fullReports(NetworkCost cost, Set<ReportFormat> formats) {
        String name = cost.network().type().getQualifiedName().toString();
        boolean json = formats.contains(ReportFormat.JSON);
        boolean html = formats.contains(ReportFormat.HTML);
        if (json && html) {
            return name + ".json / .html";
        }
        if (json || html) {
            return name + (json ? ".json" : ".html");
        }
        return "the JSON and HTML reports (-Amodelcost.reports=json,md,html)";
    }
}
