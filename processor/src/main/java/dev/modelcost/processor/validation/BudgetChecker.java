package dev.modelcost.processor.validation;

import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.LayerTraffic;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.Numbers;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Reporter;
import dev.modelcost.processor.model.BudgetDecl;
import dev.modelcost.processor.model.Metric;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Compares a network's figures, and each layer's, with their {@code @Budget} limits. A figure over its limit
 * is a {@link Diagnostic#BUDGET_EXCEEDED} finding on the limit's value; for a network it names the three
 * layers that cost most of that figure, where cutting pays.
 */
public final class BudgetChecker {
    private static final int COSTLIEST_SHOWN = 3;

    /** Adds a finding for every limit exceeded. */
    public void check(NetworkCost cost, MemoryProfile memory, Findings findings) {
        if (cost.network().budget() != null) {
            for (BudgetDecl.Limit limit : cost.network().budget().limits()) {
                if (needsDevice(limit, memory, "network " + cost.network().displayName(), findings)) {
                    continue;
                }
                long actual = total(limit.metric(), cost, memory);
                if (actual > limit.value()) {
                    findings.add(Diagnostic.BUDGET_EXCEEDED, limit.position(),
                            "network " + cost.network().displayName(), limit.metric().label(),
                            Numbers.grouped(actual), Numbers.grouped(limit.value()), excess(actual, limit.value()),
                            "; costliest layers: " + costliest(cost, memory, limit.metric(), actual),
                            Diagnostic.BUDGET_SUPPRESSION);
                }
            }
        }
        for (int i = 0; i < cost.layers().size(); i++) {
            LayerFigures layer = cost.layers().get(i);
            // A block's layer is declared in the block, but it is also the network's where the block is used:
            // a suppression on that stage or that network counts as well as one on the block.
            if (layer.layer().budget() == null
                    || Reporter.isSuppressed(layer.layer().annotation().element(), Diagnostic.BUDGET_SUPPRESSION)) {
                continue;
            }
            for (BudgetDecl.Limit limit : layer.layer().budget().limits()) {
                String name = "layer '" + layer.layer().name() + "'";
                if (needsDevice(limit, memory, name, findings)) {
                    continue;
                }
                long actual = perLayer(limit.metric(), layer, memory.layers().get(i), memory);
                if (actual > limit.value()) {
                    findings.add(Diagnostic.BUDGET_EXCEEDED, limit.position(), name, limit.metric().label(),
                            Numbers.grouped(actual), Numbers.grouped(limit.value()), excess(actual, limit.value()),
                            "", Diagnostic.BUDGET_SUPPRESSION);
                }
            }
        }
    }

    private static boolean needsDevice(BudgetDecl.Limit limit, MemoryProfile memory, String owner,
            Findings findings) {
        if (limit.metric() == Metric.LATENCY_NANOS && !memory.target().hasDevice()) {
            findings.add(Diagnostic.LATENCY_WITHOUT_DEVICE, limit.position(), owner);
            return true;
        }
        return false;
    }

    /** The network's figure that a metric limits. */
    static long total(Metric metric, NetworkCost cost, MemoryProfile memory) {
        return switch (metric) {
            case MACS -> cost.macs();
            case FLOPS -> cost.flops();
            case PARAMS -> cost.params();
            case ACTIVATIONS -> cost.activations();
            case MEMORY_BYTES -> memory.memoryBytes();
            case LATENCY_NANOS -> memory.latencyNanos();
        };
    }

    /** A layer's figure that a metric limits; its memory is its parameters and its output. */
    static long perLayer(Metric metric, LayerFigures layer, LayerTraffic traffic, MemoryProfile memory) {
        return switch (metric) {
            case MACS -> layer.macs();
            case FLOPS -> layer.flops();
            case PARAMS -> layer.params();
            case ACTIVATIONS -> layer.activations();
            case MEMORY_BYTES -> layer.params() * memory.target().precision().bytes() + traffic.activationBytes();
            case LATENCY_NANOS -> traffic.latencyNanos();
        };
    }

    /** E.g. {@code "+50,000,000, 8.3% over"}. */
    private static String excess(long actual, long limit) {
        String over = "+" + Numbers.grouped(actual - limit);
        return limit == 0 ? over : over + ", " + Numbers.percent(actual - limit, limit) + " over";
    }

    /** E.g. {@code "conv2 300,000 (46.2%), conv1 ..."}, costliest first, ties in declaration order. */
    private static String costliest(NetworkCost cost, MemoryProfile memory, Metric metric, long total) {
        return IntStream.range(0, cost.layers().size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> perLayer(metric, cost.layers().get(i),
                        memory.layers().get(i), memory)).reversed())
                .limit(COSTLIEST_SHOWN)
                .map(i -> {
                    long value = perLayer(metric, cost.layers().get(i), memory.layers().get(i), memory);
                    return cost.layers().get(i).layer().name() + " " + Numbers.grouped(value) + " ("
                            + Numbers.percent(value, total) + ")";
                })
                .collect(Collectors.joining(", "));
    }
}
