package dev.modelcost.sample;

import dev.modelcost.LayerCost;
import dev.modelcost.ModelCost;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    /** Whether each column is aligned to the right (numbers) or the left (text). */
    private static final boolean[] RIGHT = {true, false, false, false, false, true, true, true, true};
    private static final String GAP = "  ";
    private static final String INDENT = "  ";

    private final PrintStream out;

    CostTable(PrintStream out) {
        this.out = out;
    }

    /** The lines saying what the columns count. */
    void printConventions() {
        out.println("Cost per input sample (batch 1), counted at compile time by modelcost.");
        out.println("MACs = multiply-accumulates of conv, deconv and dense layers;"
                + " FLOPs = 2 * MACs + bias additions;");
        out.println("params = weights + biases; activations = output elements of all layers.");
    }

    /** A title line, the table of layers with its totals row, and a line of further totals. */
    void print(ModelCost network) {
        String shapes = network.inputShapeText() + " -> " + network.outputShapeText();
        out.println(network.name() + ": " + shapes + ", " + network.layers().size() + " layers");
        List<String[]> rows = new ArrayList<>();
        for (LayerCost layer : network.layers()) {
            rows.add(row(layer, network.macs()));
        }
        String[] totals = {"", "total", "", "", shapes, grouped(network.macs()), "", grouped(network.params()),
            grouped(network.flops())};
        int[] widths = widths(rows, totals);
        String rule = INDENT + "-".repeat(Arrays.stream(widths).sum() + GAP.length() * (widths.length - 1));
        printRow(HEADINGS, widths);
        out.println(rule);
        rows.forEach(row -> printRow(row, widths));
        out.println(rule);
        printRow(totals, widths);
        out.println(INDENT + "bias additions " + grouped(network.biasAdds()) + ", activations "
                + grouped(network.activations()));
    }

    private static String[] row(LayerCost layer, long networkMacs) {
        return new String[] {
            Integer.toString(layer.index()), layer.name(), layer.kind().name(), layer.settings(),
            shape(layer.inputShape()) + " -> " + shape(layer.outputShape()), grouped(layer.macs()),
            percent(layer.macs(), networkMacs), grouped(layer.params()), grouped(layer.flops())};
    }

    private void printRow(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(INDENT);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            String padding = " ".repeat(widths[i] - cells[i].length());
            line.append(RIGHT[i] ? padding + cells[i] : cells[i] + padding);
        }
        out.println(line.toString().stripTrailing());
    }

    private static int[] widths(List<String[]> rows, String[] totals) {
        int[] widths = new int[HEADINGS.length];
        List<String[]> all = new ArrayList<>(rows);
        all.add(HEADINGS);
        all.add(totals);
        for (String[] row : all) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        return widths;
    }

    /** {@code 86704128} as {@code "86,704,128"}. */
    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
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
