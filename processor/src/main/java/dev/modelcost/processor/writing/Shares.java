package dev.modelcost.processor.writing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A figure's share of the network's total, as the reports print it: one decimal and a percent sign. */
public final class Shares {
    private Shares() {
    }

    /** {@code 1} of {@code 8} as {@code "12.5%"}; {@code "-"} when the total is 0, which has no shares. */
    public static String percent(long part, long total) {
        if (total == 0) {
            return "-";
        }
        return append(new StringBuilder(8), part, total).toString();
    }

    /**
     * Appends the share of {@code part} in {@code total} (not 0) in tenths of a percent, rounded half up in exact
     * arithmetic (as {@link RoundingMode#HALF_UP}), and a percent sign; a negative share below 0.05%
     * is {@code -0.0%}.
     */
    static StringBuilder append(StringBuilder text, long part, long total) {
        if ((part < 0) != (total < 0)) {
            text.append('-'); // also of a share of 0 in a negative total, as a double's -0.0 prints
        }
        if (part > -Long.MAX_VALUE / 100 && part < Long.MAX_VALUE / 100 && total != Long.MIN_VALUE) {
            return Quotients.append(text, Math.abs(part) * 100, Math.abs(total), 1).append('%');
        }
        return text.append(BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).abs().toPlainString()).append('%');
    }
}
