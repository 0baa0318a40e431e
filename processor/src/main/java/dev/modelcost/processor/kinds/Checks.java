package dev.modelcost.processor.kinds;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;

/** The sign checks of values as written (MC104, MC105); each reports what it rejects. */
public final class Checks {
    private Checks() {
    }

    public static boolean atLeastOne(IntValue value, Findings findings) {
        if (value.value() < 1) {
            findings.add(Diagnostic.NOT_POSITIVE, value.position(), value.label(), value.value());
            return false;
        }
        return true;
    }

    public static boolean atLeastOne(IntsValue value, Findings findings) {
        return allAtLeast(1, Diagnostic.NOT_POSITIVE, value, findings);
    }

    public static boolean atLeastZero(IntValue value, Findings findings) {
        if (value.value() < 0) {
            findings.add(Diagnostic.NEGATIVE, value.position(), value.label(), value.value());
            return false;
        }
        return true;
    }

    public static boolean atLeastZero(IntsValue value, Findings findings) {
        return allAtLeast(0, Diagnostic.NEGATIVE, value, findings);
    }

    private static boolean allAtLeast(int minimum, Diagnostic diagnostic, IntsValue value, Findings findings) {
        int[] values = value.values();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < minimum) {
                String label = values.length == 1 ? value.label() : value.label() + " (dimension " + (i + 1) + ")";
                findings.add(diagnostic, value.position(i), label, values[i]);
                return false;
            }
        }
        return true;
    }
}
