package dev.modelcost.processor.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The findings of one network, collected in order; validators add to it and never print. */
public final class Findings {
    private final List<Finding> list = new ArrayList<>();

    /** Adds a finding of this catalog entry. */
    public void add(Diagnostic diagnostic, Position position, Object... arguments) {
        list.add(Finding.of(diagnostic, position, arguments));
    }

    /**
     * Adds a finding of this catalog entry unless one of the same entry is already at this position: for a
     * problem of a block's own text, met again in every use and repetition of the block.
     */
    public void addOnce(Diagnostic diagnostic, Position position, Object... arguments) {
        boolean there = list.stream().anyMatch(f -> f.diagnostic() == diagnostic && f.position().equals(position));
        if (!there) {
            add(diagnostic, position, arguments);
        }
    }

    /** Adds every finding of another collection. */
    public void addAll(Findings other) {
        list.addAll(other.list);
    }

    /** Whether any finding is an error by default (budget findings are not). */
    public boolean hasErrors() {
        return errorCount() > 0;
    }

    /** How many findings are errors by default. */
    public long errorCount() {
        return list.stream().filter(f -> f.diagnostic().defaultKind() == javax.tools.Diagnostic.Kind.ERROR).count();
    }

    /** Everything collected, in order. */
    public List<Finding> all() {
        return Collections.unmodifiableList(list);
    }
}
