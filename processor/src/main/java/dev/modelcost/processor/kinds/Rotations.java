package dev.modelcost.processor.kinds;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;

/**
 * The checks of a rotary position embedding's rotated dimensions that {@code @Attention} and {@code @Rotary} share
 * (MC182).
 */
final class Rotations {
    private Rotations() {
    }

    /** Reports rotated dimensions that are odd: they rotate in pairs. Returns false. */
    static boolean reportOdd(IntValue dims, Findings findings) {
        findings.add(Diagnostic.BAD_ROTARY, dims.position(), dims.label(), dims.value(),
                "odd; a rotary embedding rotates dimensions in pairs", "use " + (dims.value() - 1) + " or "
                        + (dims.value() + 1));
        return false;
    }

    /** Reports rotated dimensions beyond the head size. Returns false. */
    static boolean reportTooMany(IntValue dims, long headSize, Findings findings) {
        findings.add(Diagnostic.BAD_ROTARY, dims.position(), dims.label(), dims.value(),
                "more than the head size (" + headSize + ")", "use at most " + headSize);
        return false;
    }
}
