package dev.modelcost.cli.diff;

import dev.modelcost.cli.Text;
import dev.modelcost.cli.report.Report;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** Two reports' values of one figure, printed as the layers that changed and the total. */
final class Comparison {
    private final Report before;
    private final Report after;

    Comparison(Report before, Report after) {
        this.before = before;
        this.after = after;
    }

    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "modelcost diff of %s: %s%n", Text.oneLine(after.network(), 200), after.metric());
        DiffTable table = new DiffTable();
        Map<String, Long> old = before.layers();
        Map<String, Long> now = after.layers();
        for (Map.Entry<String, Long> layer : now.entrySet()) {
            Long was = old.get(layer.getKey());
            if (was == null) {
                table.row("+ " + layer.getKey(), null, layer.getValue(), "added");
            } else if (!was.equals(layer.getValue())) {
                table.row("  " + layer.getKey(), was, layer.getValue(), DiffTable.change(was, layer.getValue()));
            }
        }
        for (Map.Entry<String, Long> layer : old.entrySet()) {
            if (!now.containsKey(layer.getKey())) {
                table.row("- " + layer.getKey(), layer.getValue(), null, "removed");
            }
        }
        if (table.isEmpty()) {
            out.println("  no layer changed");
        }
        table.row("total", before.total(), after.total(), DiffTable.change(before.total(), after.total()));
        table.print(out);
    }

    /**
     * Whether the total grew by more than {@code threshold} percent (any growth from 0 does), after saying so
     * on {@code out}.
     */
    boolean grewBeyond(BigDecimal threshold, PrintWriter out) {
        if (after.total() <= before.total()) {
            return false;
        }
        BigDecimal growth = DiffTable.percent(before.total(), after.total());
        if (growth != null && growth.compareTo(threshold) <= 0) {
            return false;
        }
        out.printf(Locale.ROOT, "FAIL: %s grew by %s, more than the threshold of %s%%%n", after.metric(),
                growth == null ? "from 0" : growth.toPlainString() + "%", threshold.toPlainString());
        return true;
    }
}
