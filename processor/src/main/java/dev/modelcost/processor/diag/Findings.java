package dev.modelcost.processor.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The findings of one network, collected in order; validators add to it and never print. */
public final class Findings {
    private final List<Finding> list = new ArrayList<>();
    /** How many of them are errors by default, kept as they are added: a walk asks after every repetition. */
    private long errors;

    /** Adds a finding of this catalog entry. */
    public void add(Diagnostic diagnostic, Position position, Object... arguments) {
        append(Finding.of(diagnostic, position, arguments));
    }

    /**
     * Adds a finding of this catalog entry unless one of the same entry is already at this position: for a
     * problem of a block's own text, met again in every use and repetition of the block.
     */
    public void addOnce(Diagnostic diagnostic, Position position, Object... arguments) {
        for (Finding finding : list) {
            if (finding.diagnostic() == diagnostic && finding.position().equals(position)) {
                return;
            }
        }
        add(diagnostic, position, arguments);
    }

    /** Adds every finding of another collection. */
    public void addAll(Findings other) {
        for (Finding finding : other.list) {
            append(finding);
        }
    }

    private void append(Finding finding) {
        list.add(finding);
        if (isError(finding)) {
            errors++;
        }
    }

    private static boolean isError(Finding finding) {
        return finding.diagnostic().defaultKind() == javax.tools.Diagnostic.Kind.ERROR;
    }

    /** Whether any finding is an error by default (budget findings are not). */
    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** How many findings are errors by default. */
    public long errorCount() {
        return errors;
    }

    /** Everything collected, in order. */
    public List<Finding> all() {
        return Collections.unmodifiableList(list);
    }
}
