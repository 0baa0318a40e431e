package dev.modelcost.processor.diff;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares two modelcost JSON reports of a network, before and after a change, and prints what changed per
 * layer and in total for one figure. Exits 1 when that figure's total grew by more than a threshold, so that
 * CI can gate a pull request:
 *
 * <pre>
 * java -cp modelcost-processor.jar dev.modelcost.processor.diff.CostDiff \
 *     --metric macs --threshold 5 before/ResNet50.json after/ResNet50.json
 * </pre>
 *
 * <p>Exit codes: 0 within the threshold (or none given), 1 over it, 2 bad arguments or unreadable reports.
 */
public final class CostDiff {
    static final int OK = 0;
    static final int GREW = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = "usage: CostDiff [--metric macs|flops|params|activations|bytesMoved|"
            + "paramBytes|peakActivationBytes|latencyNanos|...] [--threshold PERCENT] before.json after.json";

    private CostDiff() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the comparison; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String metric = "macs";
        BigDecimal threshold = null;
        List<String> files = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--metric" -> metric = args[++i];
                    case "--threshold" -> threshold = new BigDecimal(args[++i].replace("%", ""));
                    default -> files.add(args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (files.size() != 2) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            Report before = Report.read(Path.of(files.get(0)));
            Report after = Report.read(Path.of(files.get(1)));
            return compare(before, after, metric, threshold, out, err);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            err.println("cannot read report: " + e.getMessage());
            return USAGE;
        }
    }

    private static int compare(Report before, Report after, String metric, BigDecimal threshold, PrintStream out,
            PrintStream err) {
        BigDecimal totalBefore = before.total(metric);
        BigDecimal totalAfter = after.total(metric);
        if (totalBefore == null || totalAfter == null) {
            err.println("no total '" + metric + "' in the reports; they have: " + String.join(", ",
                    after.totals.keySet()));
            return USAGE;
        }
        out.printf(Locale.ROOT, "modelcost diff of %s: %s%n", after.name, metric);
        Table table = new Table();
        Map<String, BigDecimal> old = before.layerValues(metric);
        Map<String, BigDecimal> now = after.layerValues(metric);
        for (Map.Entry<String, BigDecimal> layer : now.entrySet()) {
            BigDecimal was = old.get(layer.getKey());
            if (was == null) {
                table.row("+ " + layer.getKey(), null, layer.getValue(), "added");
            } else if (was.compareTo(layer.getValue()) != 0) {
                table.row("  " + layer.getKey(), was, layer.getValue(), change(was, layer.getValue()));
            }
        }
        for (Map.Entry<String, BigDecimal> layer : old.entrySet()) {
            if (!now.containsKey(layer.getKey())) {
                table.row("- " + layer.getKey(), layer.getValue(), null, "removed");
            }
        }
        if (table.isEmpty()) {
            out.println("  no layer changed");
        }
        table.row("total", totalBefore, totalAfter, change(totalBefore, totalAfter));
        table.print(out);
        if (threshold == null || totalAfter.compareTo(totalBefore) <= 0) {
            return OK;
        }
        BigDecimal growth = percent(totalBefore, totalAfter);
        if (growth == null || growth.compareTo(threshold) > 0) {
            out.printf(Locale.ROOT, "FAIL: %s grew by %s, more than the threshold of %s%%%n", metric,
                    growth == null ? "from 0" : growth.toPlainString() + "%", threshold.toPlainString());
            return GREW;
        }
        return OK;
    }

    private static String change(BigDecimal before, BigDecimal after) {
        BigDecimal delta = after.subtract(before);
        String sign = delta.signum() > 0 ? "+" : "";
        BigDecimal percent = percent(before, after);
        return sign + grouped(delta) + (percent == null ? "" : " (" + sign + percent.toPlainString() + "%)");
    }

    /** The change as a percentage of {@code before}, one decimal; null when {@code before} is 0. */
    private static BigDecimal percent(BigDecimal before, BigDecimal after) {
        if (before.signum() == 0) {
            return null;
        }
        return after.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    }

    static String grouped(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0
                ? String.format(Locale.ROOT, "%,d", value.toBigIntegerExact())
                : value.toPlainString();
    }

    /** The parts of a report the diff reads. */
    private record Report(String name, Map<String, Object> totals, List<Object> layers) {

        @SuppressWarnings("unchecked")
        static Report read(Path file) throws IOException {
            Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (!"modelcost-report".equals(json.get("schema"))) {
                throw new IllegalArgumentException(file + " is not a modelcost report");
            }
            return new Report((String) json.get("network"), (Map<String, Object>) json.get("totals"),
                    (List<Object>) json.get("layers"));
        }

        BigDecimal total(String metric) {
            return totals.get(metric) instanceof BigDecimal value ? value : null;
        }

        @SuppressWarnings("unchecked")
        Map<String, BigDecimal> layerValues(String metric) {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (Object layer : layers) {
                Map<String, Object> row = (Map<String, Object>) layer;
                if (row.get(metric) instanceof BigDecimal value) {
                    values.put((String) row.get("name"), value);
                }
            }
            return values;
        }
    }

    /** Rows of name, before, after and change, printed in aligned columns. */
    private static final class Table {
        private final List<String[]> rows = new ArrayList<>();

        void row(String name, BigDecimal before, BigDecimal after, String change) {
            rows.add(new String[] {name, before == null ? "-" : grouped(before), after == null ? "-" : grouped(after),
                change});
        }

        boolean isEmpty() {
            return rows.isEmpty();
        }

        void print(PrintStream out) {
            int[] widths = {5, 6, 5};
            for (String[] row : rows) {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], row[i].length());
                }
            }
            String format = "%-" + widths[0] + "s  %" + widths[1] + "s  %" + widths[2] + "s  %s%n";
            out.printf(Locale.ROOT, format, "layer", "before", "after", "change");
            for (String[] row : rows) {
                out.printf(Locale.ROOT, format, (Object[]) row);
            }
        }
    }
}
