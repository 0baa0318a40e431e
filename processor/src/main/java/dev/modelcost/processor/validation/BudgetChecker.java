package dev.modelcost.processor.validation;

import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.Numbers;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.BudgetDecl;
import dev.modelcost.processor.model.Metric;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * Compares a network's figures, and each layer's, with their {@code @Budget} limits. A figure over its limit
 * is a {@link Diagnostic#BUDGET_EXCEEDED} finding on the limit's value; for a network it names the three
 * layers that cost most of that figure, where cutting pays.
 */
public final class BudgetChecker {
    private static final int COSTLIEST_SHOWN = 3;

    /** Adds a finding for every limit exceeded. */
    public void check(NetworkCost cost, Findings findings) {
        if (cost.network().budget() != null) {
            for (BudgetDecl.Limit limit : cost.network().budget().limits()) {
                long actual = cost.get(limit.metric());
                if (actual > limit.value()) {
                    findings.add(Diagnostic.BUDGET_EXCEEDED, limit.position(),
                            "network " + cost.network().displayName(), limit.metric().label(),
                            Numbers.grouped(actual), Numbers.grouped(limit.value()), excess(actual, limit.value()),
                            "; costliest layers: " + costliest(cost, limit.metric(), actual),
                            Diagnostic.BUDGET_SUPPRESSION);
                }
            }
        }
        for (LayerFigures layer : cost.layers()) {
            if (layer.layer().budget() == null) {
                continue;
            }
            for (BudgetDecl.Limit limit : layer.layer().budget().limits()) {
                long actual = layer.get(limit.metric());
                if (actual > limit.value()) {
                    findings.add(Diagnostic.BUDGET_EXCEEDED, limit.position(), "layer '" + layer.layer().name() + "'",
                            limit.metric().label(), Numbers.grouped(actual), Numbers.grouped(limit.value()),
                            excess(actual, limit.value()), "", Diagnostic.BUDGET_SUPPRESSION);
                }
            }
        }
    }

    /** E.g. {@code "+50,000,000, 8.3% over"}. */
    private static String excess(long actual, long limit) {
        String over = "+" + Numbers.grouped(actual - limit);
        return limit == 0 ? over : over + ", " + Numbers.percent(actual - limit, limit) + " over";
    }

    /** E.g. {@code "conv2 300,000 (46.2%), conv1 ..."}, costliest first, ties in declaration order. */
    private static String costliest(NetworkCost cost, Metric metric, long total) {
        return cost.layers().stream()
                .sorted(Comparator.comparingLong((LayerFigures layer) -> layer.get(metric)).reversed())
                .limit(COSTLIEST_SHOWN)
                .map(layer -> layer.layer().name() + " " + Numbers.grouped(layer.get(metric)) + " ("
                        + Numbers.percent(layer.get(metric), total) + ")")
                .collect(Collectors.joining(", "));
    }
}
