package dev.modelcost.cli.diff;

import static dev.modelcost.Reports.grouped;

import dev.modelcost.cli.Text;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rows of name, before, after and change, printed in aligned columns. */
final class DiffTable {
    private static final int NAME_LENGTH = 200;
    private final String heading;
    private final List<String[]> rows = new ArrayList<>();

    /** @param heading the first column's heading, e.g. {@code layer} */
    DiffTable(String heading) {
        this.heading = heading;
    }

    /** A row; a null value is a layer absent on that side. */
    void row(String name, Long before, Long after, String change) {
        rows.add(new String[] {Text.oneLine(name, NAME_LENGTH), before == null ? "-" : grouped(before),
            after == null ? "-" : grouped(after), change});
    }

    void print(PrintWriter out) {
        int[] widths = {heading.length(), 6, 5};
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        String format = "%-" + widths[0] + "s  %" + widths[1] + "s  %" + widths[2] + "s  %s%n";
        out.printf(Locale.ROOT, format, heading, "before", "after", "change");
        for (String[] row : rows) {
            out.printf(Locale.ROOT, format, (Object[]) row);
        }
    }

    /** E.g. {@code +1,000,000 (+80.0%)}; without the percentage when {@code before} is 0. */
    static String change(long before, long after) {
        long delta = after - before; // both are counts, 0 or more: the difference fits in a long
        String sign = delta > 0 ? "+" : "";
        BigDecimal percent = percent(before, after);
        return sign + grouped(delta) + (percent == null ? "" : " (" + sign + percent.toPlainString() + "%)");
    }

    /** The change as a percentage of {@code before}, one decimal; null when {@code before} is 0. */
    static BigDecimal percent(long before, long after) {
        if (before == 0) {
            return null;
        }
        return BigDecimal.valueOf(after).subtract(BigDecimal.valueOf(before)).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
    }
}
