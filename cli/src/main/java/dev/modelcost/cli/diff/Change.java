package dev.modelcost.cli.diff;

import java.math.BigDecimal;

/**
 * One figure's value before and after a change: a layer's, or a total's.
 *
 * @param name the layer's or the total's name
 * @param before the value before; null when the layer was added
 * @param after the value after; null when the layer was removed
 */
record Change(String name, Long before, Long after) {
    /** What happened to a layer. */
    enum Kind { CHANGED, ADDED, REMOVED }

    Kind kind() {
        return before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
    }

    /** After minus before, an absent side counted as 0 (both are counts, so the difference fits in a long). */
    long delta() {
        return (after == null ? 0 : after) - (before == null ? 0 : before);
    }

    /** The change as a percentage of before, one decimal; null when there is no before or it is 0. */
    BigDecimal percent() {
        return before == null ? null : DiffTable.percent(before, after == null ? 0 : after);
    }
}
