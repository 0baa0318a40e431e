package dev.modelcost.processor.writing;

import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.LayerTraffic;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.Numbers;
import dev.modelcost.processor.writing.MarkdownTable.Column;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Markdown report's tables of layers: the largest by MACs, and every layer folded in {@code <details>},
 * both narrow enough for GitHub's column (settings and input shapes are left to the JSON and HTML reports).
 */
final class MarkdownLayerTables {
    /** How many layers the table of the largest shows. */
    static final int LARGEST = 10;

    private final NetworkCost cost;
    private final MemoryProfile memory;
    private final boolean device;

    MarkdownLayerTables(NetworkCost cost, MemoryProfile memory) {
        this.cost = cost;
        this.memory = memory;
        this.device = memory.target().hasDevice();
    }

    /** The indices of the {@link #LARGEST} layers of most MACs, largest first, the earlier of equal ones first. */
    int[] largest() {
        // One pass keeping the largest so far in order: a layer goes before the first of fewer MACs.
        int[] largest = new int[Math.min(LARGEST, cost.layers().size())];
        int kept = 0;
        for (int i = 0; i < cost.layers().size(); i++) {
            long macs = cost.layers().get(i).macs();
            int at = kept;
            while (at > 0 && cost.layers().get(largest[at - 1]).macs() < macs) {
                at--;
            }
            if (at < largest.length) {
                int moved = Math.min(kept, largest.length - 1) - at;
                System.arraycopy(largest, at, largest, at + 1, moved);
                largest[at] = i;
                kept = Math.min(kept + 1, largest.length);
            }
        }
        return largest;
    }

    /** The section of the largest layers, each with its share of the network's MACs. */
    String largestSection() {
        List<Column> columns = new ArrayList<>(List.of(Column.right("#"), Column.left("layer"), Column.left("kind"),
                Column.right("MACs"), Column.right("MACs %"), Column.right("params")));
        deviceColumns(columns);
        MarkdownTable table = new MarkdownTable(columns);
        int[] largest = largest();
        StringBuilder md = new StringBuilder(4_096).append("\n## Largest layers\n\n");
        md.append(largest.length < cost.layers().size()
                ? "The " + largest.length + " of " + Numbers.grouped(cost.layers().size()) + " layers of most MACs."
                : "The layers by MACs.").append("\n\n");
        md.append(table.header());
        for (int i : largest) {
            LayerFigures layer = cost.layers().get(i);
            table.row(md, withDevice(i, Integer.toString(i), name(layer), layer.layer().kind().toString(),
                    Numbers.grouped(layer.macs()), Shares.percent(layer.macs(), cost.macs()),
                    Numbers.grouped(layer.params())));
        }
        return md.toString();
    }

    /**
     * Every layer in {@code <details>}, as many rows as the budget allows; when some are left out, a line says
     * how many are shown and which reports have them all ({@code fullReports}, e.g. {@code "x.Net.json / .html"}).
     */
    void writeAll(StringBuilder md, LengthBudget budget, String fullReports) {
        List<Column> columns = new ArrayList<>(List.of(Column.right("#"), Column.left("layer"), Column.left("kind"),
                Column.left("output"), Column.right("MACs"), Column.right("params")));
        deviceColumns(columns);
        MarkdownTable table = new MarkdownTable(columns);
        int layers = cost.layers().size();
        md.append("\n<details><summary>All ").append(Numbers.grouped(layers)).append(" layers</summary>\n\n");
        md.append("Settings, input shapes, FLOPs and bytes moved of each layer are in the JSON and HTML reports.\n\n");
        md.append(table.header());
        String end = "\n</details>\n";
        int reserve = cutLine(layers, layers, fullReports).length() + end.length();
        for (int i = 0; i < layers; i++) {
            LayerFigures layer = cost.layers().get(i);
            int before = md.length();
            table.row(md, withDevice(i, Integer.toString(i), name(layer), layer.layer().kind().toString(),
                    layer.output().toString(), Numbers.grouped(layer.macs()), Numbers.grouped(layer.params())));
            if (!budget.fits(md, reserve)) { // the row is taken back, and the line says where the rest is
                md.setLength(before);
                md.append(cutLine(i, layers, fullReports));
                break;
            }
        }
        md.append(end);
    }

    /** E.g. "1,000 of 1,202 layers shown; the full table is in x.Net.json / .html." */
    static String cutLine(int shown, int layers, String fullReports) {
        return "\n" + Numbers.grouped(shown) + " of " + Numbers.grouped(layers) + " layers shown; the full table is in "
                + fullReports + ".\n";
    }

    private void deviceColumns(List<Column> columns) {
        if (device) {
            columns.add(Column.right("latency (ns)"));
            columns.add(Column.left("bound"));
        }
    }

    /** A layer's cells, and with a device its latency and bound after them. */
    private String[] withDevice(int index, String... cells) {
        if (!device) {
            return cells;
        }
        LayerTraffic traffic = memory.layers().get(index);
        String[] all = Arrays.copyOf(cells, cells.length + 2);
        all[cells.length] = Numbers.grouped(traffic.latencyNanos());
        all[cells.length + 1] = traffic.computeBound() ? "compute" : "memory";
        return all;
    }

    private static String name(LayerFigures layer) {
        return MarkdownTable.escape(layer.layer().name());
    }
}
