package dev.modelcost.cli.diff;

import java.math.BigDecimal;

/**
 * The gate's decision on the compared total.
 *
 * @param threshold the growth allowed, in percent
 * @param growth the total's growth in percent; null when it grew from 0
 * @param failed whether the total grew by more than the threshold (any growth from 0 does)
 */
record Verdict(BigDecimal threshold, BigDecimal growth, boolean failed) {

    static Verdict of(Change total, BigDecimal threshold) {
        long before = total.before();
        long after = total.after();
        BigDecimal growth = DiffTable.percent(before, after);
        boolean failed = after > before && (growth == null || growth.compareTo(threshold) > 0);
        return new Verdict(threshold, growth, failed);
    }

    /** E.g. {@code FAIL: macs grew by 80.0%, more than the threshold of 5%}. */
    String failure(String metric) {
        return "FAIL: " + metric + " grew by " + (growth == null ? "from 0" : growth.toPlainString() + "%")
                + ", more than the threshold of " + threshold.toPlainString() + "%";
    }
}
