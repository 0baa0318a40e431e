package dev.modelcost.sample;

import static dev.modelcost.Reports.grouped;

import dev.modelcost.LayerCost;
import dev.modelcost.ModelCost;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Formats a network's cost as a plain-text table: one row per layer, then the totals. Numbers are grouped by
 * thousands with commas whatever the machine's locale, and columns are as wide as their widest cell, so the
 * same network always prints the same text.
 */
final class CostTable {
    private static final String[] HEADINGS =
            {"#", "layer", "kind", "settings", "input -> output", "MACs", "% MACs", "params", "FLOPs"};
    private static final boolean[] RIGHT = {true, false, false, false, false, true, true, true, true};

    private final PrintStream out;

    CostTable(PrintStream out) {
        this.out = out;
    }

    /** A title line, the table of layers with its totals row, and a line of further totals. */
    void print(ModelCost network) {
        String shapes = network.inputShapeText() + " -> " + network.outputShapeText();
        out.println(network.name() + ": " + shapes + ", " + network.layers().size() + " layers");
        TextTable table = new TextTable(HEADINGS, RIGHT);
        for (LayerCost layer : network.layers()) {
            table.row(row(layer, network.macs()));
        }
        table.rule().row("", "total", "", "", shapes, grouped(network.macs()), "", grouped(network.params()),
                grouped(network.flops()));
        table.print(out);
        out.println("  bias additions " + grouped(network.biasAdds()) + ", activations "
                + grouped(network.activations()));
    }

    private static String[] row(LayerCost layer, long networkMacs) {
        return new String[] {
            Integer.toString(layer.index()), layer.name(), layer.kind().name(), layer.settings(),
            shape(layer.inputShape()) + " -> " + shape(layer.outputShape()), grouped(layer.macs()),
            percent(layer.macs(), networkMacs), grouped(layer.params()), grouped(layer.flops())};
    }

    /** A share with one decimal, e.g. {@code "32.1"}; 0 of a whole of 0. */
    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f", whole == 0 ? 0.0 : 100.0 * part / whole);
    }

    /** {@code {3, 224, 224}} as {@code "3x224x224"}. */
    static String shape(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }
}
