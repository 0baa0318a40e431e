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
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                if (needsDevice(limit, memory, "network " + cost.network().displayName(), findings)
                        || needsGeneration(limit, cost, findings)) {
                    continue;
                }
                long actual = total(limit.metric(), cost, memory);
                if (actual > limit.value()) {
                    findings.add(Diagnostic.BUDGET_EXCEEDED, limit.position(),
                            "network " + cost.network().displayName(), limit.metric().label(),
                            Numbers.grouped(actual), Numbers.grouped(limit.value()), excess(actual, limit.value()),
                            // Generation's figures are the whole network's: no layer's share to name.
                            limit.metric().ofGeneration() ? ""
                                    : "; costliest layers: " + costliest(cost, memory, limit.metric(), actual),
                            Diagnostic.BUDGET_SUPPRESSION);
                }
            }
        }
        layerLimits(cost, memory, findings);
    }

    /**
     * Each layer's own limits. A limit written in a block applies to that layer in every repetition and use of
     * the block: the layers of a network over one limit are one finding, on the limit, naming the costliest of
     * them, the network, and how many of the limit's layers are over.
     */
    private static void layerLimits(NetworkCost cost, MemoryProfile memory, Findings findings) {
        Map<BudgetDecl.Limit, List<Integer>> limited = new LinkedHashMap<>();
        for (int i = 0; i < cost.layers().size(); i++) {
            LayerFigures layer = cost.layers().get(i);
            // A block's layer is declared in the block, but it is also the network's where the block is used:
            // a suppression on that stage or that network counts as well as one on the block.
            if (layer.layer().budget() == null
                    || Reporter.isSuppressed(layer.layer().annotation().element(), Diagnostic.BUDGET_SUPPRESSION)) {
                continue;
            }
            for (BudgetDecl.Limit limit : layer.layer().budget().limits()) {
                List<Integer> layers = limited.get(limit);
                if (layers == null) {
                    layers = new ArrayList<>();
                    limited.put(limit, layers);
                }
                layers.add(i);
            }
        }
        for (Map.Entry<BudgetDecl.Limit, List<Integer>> entry : limited.entrySet()) {
            layerLimit(cost, memory, entry.getKey(), entry.getValue(), findings);
        }
    }

    private static void layerLimit(NetworkCost cost, MemoryProfile memory, BudgetDecl.Limit limit,
            List<Integer> layers, Findings findings) {
        String owner = layerName(cost, layers.get(0));
        if (limit.metric().ofGeneration()) {
            findings.add(Diagnostic.GENERATION_BUDGET_ON_LAYER, limit.position(), limit.metric().attribute(),
                    cost.layers().get(layers.get(0)).layer().name());
            return;
        }
        if (needsDevice(limit, memory, owner, findings)) {
            return;
        }
        List<Integer> over = layers.stream()
                .filter(i -> perLayer(limit.metric(), i, cost, memory) > limit.value())
                .sorted(Comparator.comparingLong((Integer i) -> perLayer(limit.metric(), i, cost, memory)).reversed())
                .toList();
        if (over.isEmpty()) {
            return;
        }
        long actual = perLayer(limit.metric(), over.get(0), cost, memory);
        String others = "";
        if (layers.size() > 1) {
            List<String> names = over.stream().limit(COSTLIEST_SHOWN)
                    .map(i -> cost.layers().get(i).layer().name()).collect(Collectors.toCollection(ArrayList::new));
            if (over.size() > COSTLIEST_SHOWN) {
                names.add("and " + (over.size() - COSTLIEST_SHOWN) + " more");
            }
            others = "; " + over.size() + " of the " + layers.size() + " layers it limits "
                    + (over.size() == 1 ? "is" : "are") + " over: "
                    + String.join(", ", names);
        }
        findings.add(Diagnostic.BUDGET_EXCEEDED, limit.position(), layerName(cost, over.get(0)),
                limit.metric().label(), Numbers.grouped(actual), Numbers.grouped(limit.value()),
                excess(actual, limit.value()), others, Diagnostic.BUDGET_SUPPRESSION);
    }

    /** {@code layer 'conv'}; a layer declared outside the network (in a block) names the network too. */
    private static String layerName(NetworkCost cost, int index) {
        LayerDecl layer = cost.layers().get(index).layer();
        String name = "layer '" + layer.name() + "'";
        return layer.field().getEnclosingElement().equals(cost.network().type()) ? name
                : name + " of network " + cost.network().displayName();
    }

    private static long perLayer(Metric metric, int index, NetworkCost cost, MemoryProfile memory) {
        if (metric == Metric.TRAINING_STEP_FLOPS) {
            // Within the total's bounds: the forward's and the backward's FLOPs are both parts of it.
            return cost.layers().get(index).flops() + cost.backward().layers().get(index).flops();
        }
        return perLayer(metric, cost.layers().get(index), memory.layers().get(index), memory);
    }

    private static boolean needsDevice(BudgetDecl.Limit limit, MemoryProfile memory, String owner,
            Findings findings) {
        if ((limit.metric() == Metric.LATENCY_NANOS || limit.metric() == Metric.DECODE_LATENCY_NANOS)
                && !memory.target().hasDevice()) {
            findings.add(Diagnostic.LATENCY_WITHOUT_DEVICE, limit.position(), owner);
            return true;
        }
        return false;
    }

    /** Whether a limit on a figure of generation stands on a network without {@code @Generation} (reported). */
    private static boolean needsGeneration(BudgetDecl.Limit limit, NetworkCost cost, Findings findings) {
        if (limit.metric().ofGeneration() && cost.generation() == null) {
            findings.add(Diagnostic.GENERATION_BUDGET_WITHOUT_GENERATION, limit.position(),
                    limit.metric().attribute(), "network " + cost.network().displayName());
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
            case TRAINING_MEMORY_BYTES -> memory.training().trainingMemoryBytes();
            case DECODE_LATENCY_NANOS -> cost.generation().decodeLatencyNanos();
            case KV_CACHE_BYTES -> cost.generation().kvCacheBytes();
            case TRAINING_STEP_FLOPS -> cost.backward().trainingStepFlops();
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
            case TRAINING_MEMORY_BYTES -> memory.training().layerBytes(layer);
            // Only a network's (MC236): a layer is never measured on them.
            case DECODE_LATENCY_NANOS, KV_CACHE_BYTES -> 0;
            case TRAINING_STEP_FLOPS -> throw new IllegalArgumentException("a layer's training step is its network's");
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
                .sorted(Comparator.comparingLong((Integer i) -> perLayer(metric, i, cost, memory)).reversed())
                .limit(COSTLIEST_SHOWN)
                .map(i -> {
                    long value = perLayer(metric, i, cost, memory);
                    return cost.layers().get(i).layer().name() + " " + Numbers.grouped(value) + " ("
                            + Numbers.percent(value, total) + ")";
                })
                .collect(Collectors.joining(", "));
    }
}
