package dev.modelcost.processor.writing;

import java.util.Locale;

/** A figure's share of the network's total, as the reports print it: one decimal and a percent sign. */
public final class Shares {
    private Shares() {
    }

    /** {@code 1} of {@code 8} as {@code "12.5%"}; {@code "-"} when the total is 0, which has no shares. */
    public static String percent(long part, long total) {
        if (total == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / total);
    }
}
