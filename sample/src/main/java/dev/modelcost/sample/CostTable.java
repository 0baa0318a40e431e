package dev.modelcost.sample;

import static dev.modelcost.Reports.grouped;

import dev.modelcost.LayerCost;
import dev.modelcost.ModelCost;
import dev.modelcost.Reports;
import dev.modelcost.StageCost;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Formats a network's cost as a plain-text table in the network's hierarchy: each stage, then each repetition of
 * its block, has a row with the sums of the layers indented under it, and every figure its share of the
 * network's total; then the totals. A depth limit folds the hierarchy: at depth 1 a stage is one row, at depth 2
 * each block repetition is, and so on, the way fvcore's and torchinfo's tables show a model to a chosen depth.
 * Numbers are grouped by thousands with commas whatever the machine's locale, and columns are as wide as their
 * widest cell, so the same network always prints the same text.
 */
final class CostTable {
    /** No depth limit: every stage, repetition and layer. */
    static final int EVERY_DEPTH = Integer.MAX_VALUE;

    private static final String[] HEADINGS = {"#", "layer", "kind", "settings", "input -> output", "MACs",
        "% MACs", "params", "% params", "FLOPs", "% FLOPs"};
    private static final boolean[] RIGHT = {true, false, false, false, false, true, true, true, true, true, true};
    /** The line under the title of a network with stages. */
    static final String LEGEND = "  A stage's or a block's row sums the layers it holds (indented below it); % is the "
            + "share of the network's total.";
    /** Spaces of indentation per level of the hierarchy. */
    private static final String INDENT = "  ";

    private final PrintStream out;
    private final int depth;

    /** A table of every stage, repetition and layer. */
    CostTable(PrintStream out) {
        this(out, EVERY_DEPTH);
    }

    /**
     * A table down to {@code depth}: the rows of stages (depth 1), of their blocks' repetitions (depth 2), and so
     * on down to that depth, and the layers whose every enclosing group is shown above it.
     */
    CostTable(PrintStream out, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth " + depth + " is less than 1");
        }
        this.out = out;
        this.depth = depth;
    }

    /** A title line, the table of stages and layers with its totals row, and two lines of further totals. */
    void print(ModelCost network) {
        String shapes = network.inputShapeText() + " -> " + network.outputShapeText();
        out.println(network.name() + ": " + shapes + ", " + network.layers().size() + " layers");
        List<StageCost> stages = network.stages();
        if (!stages.isEmpty()) {
            out.println(LEGEND);
        }
        TextTable table = new TextTable(HEADINGS, RIGHT);
        Map<String, Integer> parts = parts(stages);
        int next = 0;
        for (LayerCost layer : network.layers()) {
            // In pre-order, the groups that begin at this layer come before it, outermost first.
            for (; next < stages.size() && stages.get(next).first() == layer.index(); next++) {
                StageCost stage = stages.get(next);
                if (stage.depth() <= depth) {
                    table.row(row(stage, network, parts.getOrDefault(stage.name(), 0)));
                }
            }
            if (layer.depth() < depth) {
                table.row(row(layer, network));
            }
        }
        table.rule().row("", "total", "", "", shapes, grouped(network.macs()), "", grouped(network.params()), "",
                grouped(network.flops()), "");
        table.print(out);
        out.println("  bias additions " + grouped(network.biasAdds()) + ", activations "
                + grouped(network.activations()));
        out.println("  " + Reports.scaled(network.macs(), "MACs") + ", " + Reports.scaled(network.params(), "")
                + " parameters, " + Reports.scaled(network.flops(), "FLOPs"));
    }

    /** A stage's or a repetition's row: its layer range, its kind, what it holds, and its sums with their shares. */
    private static String[] row(StageCost stage, ModelCost network, int parts) {
        List<LayerCost> layers = network.layers();
        String holds = stage.layerCount() == 1 ? "1 layer" : stage.layerCount() + " layers";
        if (stage.isStage()) {
            holds = (parts == 1 ? "1 block, " : parts + " blocks, ") + holds;
        }
        return new String[] {
            stage.first() + "-" + stage.last(), indented(stage.name(), stage.depth()),
            stage.isStage() ? "stage" : "block", holds,
            shape(layers.get(stage.first()).inputShape()) + " -> " + shape(layers.get(stage.last()).outputShape()),
            grouped(stage.macs()), percent(stage.macsShare()), grouped(stage.params()),
            percent(stage.paramsShare()), grouped(stage.flops()), percent(stage.flopsShare())};
    }

    private static String[] row(LayerCost layer, ModelCost network) {
        return new String[] {
            Integer.toString(layer.index()), indented(layer.name(), layer.depth() + 1), layer.kind().name(),
            layer.settings(), shape(layer.inputShape()) + " -> " + shape(layer.outputShape()),
            grouped(layer.macs()), percent(layer.macs(), network.macs()), grouped(layer.params()),
            percent(layer.params(), network.params()), grouped(layer.flops()),
            percent(layer.flops(), network.flops())};
    }

    /** How many repetitions each stage holds: the groups one level below it. */
    private static Map<String, Integer> parts(List<StageCost> stages) {
        Map<String, Integer> parts = new HashMap<>();
        for (StageCost stage : stages) {
            int dot = stage.name().lastIndexOf('.');
            if (dot > 0) {
                parts.merge(stage.name().substring(0, dot), 1, Integer::sum);
            }
        }
        return parts;
    }

    /** A row's name, indented by its level: 1 for a stage or a layer outside every stage. */
    private static String indented(String name, int level) {
        return INDENT.repeat(level - 1) + name;
    }

    /** A share with one decimal, e.g. {@code "32.1"}; 0 of a whole of 0. */
    static String percent(long part, long whole) {
        return percent(whole == 0 ? 0.0 : (double) part / whole);
    }

    /** A fraction as a percentage with one decimal: 0.321 as {@code "32.1"}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f", 100.0 * share);
    }

    /** {@code {3, 224, 224}} as {@code "3x224x224"}. */
    static String shape(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }
}
