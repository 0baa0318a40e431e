package dev.modelcost.sample;

import static dev.modelcost.Reports.grouped;

import dev.modelcost.ModelCost;
import dev.modelcost.Reports;
import java.io.PrintStream;
import java.util.Collection;

/**
 * Formats several networks' totals side by side: one row per network, in the order given. The MACs, the
 * parameters and the peak activation bytes, the figures networks are compared by, have their scaled value
 * ({@code 4.09 G}, {@code 9.19 MiB}) beside the exact one, in a column of their own.
 */
final class SummaryTable {
    private static final String[] HEADINGS =
            {"network", "input", "MACs", "", "FLOPs", "params", "", "activations", "peak act. bytes", "", "layers"};
    private static final boolean[] RIGHT = {false, false, true, true, true, true, true, true, true, true, true};

    private final PrintStream out;

    SummaryTable(PrintStream out) {
        this.out = out;
    }

    /** The table of the networks' totals. */
    void print(Collection<ModelCost> networks) {
        TextTable table = new TextTable(HEADINGS, RIGHT);
        for (ModelCost network : networks) {
            table.row(network.name(), network.inputShapeText(), grouped(network.macs()),
                    Reports.scaled(network.macs(), ""), grouped(network.flops()), grouped(network.params()),
                    Reports.scaled(network.params(), ""), grouped(network.activations()),
                    grouped(network.peakActivationBytes()), Reports.scaledBytes(network.peakActivationBytes()),
                    Integer.toString(network.layers().size()));
        }
        table.print(out);
    }
}
