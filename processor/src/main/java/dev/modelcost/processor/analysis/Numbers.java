package dev.modelcost.processor.analysis;

import dev.modelcost.Reports;
import java.util.Locale;

/** How numbers appear in messages: grouped by thousands, the same on every machine. */
public final class Numbers {
    private Numbers() {
    }

    /** {@code 86704128} as {@code "86,704,128"}, as every report prints a number. */
    public static String grouped(long value) {
        return Reports.grouped(value);
    }

    /** A share as a percentage with one decimal, e.g. {@code "46.2%"}. */
    public static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
