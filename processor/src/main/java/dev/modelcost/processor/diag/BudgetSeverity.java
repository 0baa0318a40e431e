package dev.modelcost.processor.diag;

import javax.tools.Diagnostic.Kind;

/** What a blown budget is: the value of {@code -Amodelcost.budget}. */
public enum BudgetSeverity {
    ERROR(Kind.ERROR),
    WARNING(Kind.WARNING),
    OFF(null);

    private final Kind kind;

    BudgetSeverity(Kind kind) {
        this.kind = kind;
    }

    /** The javac severity; null for {@link #OFF}. */
    public Kind kind() {
        return kind;
    }
}
