package dev.modelcost.processor.diag;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Prints findings through javac's {@link Messager}, with the severity the options give and honouring
 * {@code @SuppressWarnings("modelcost:budget")} on the element or any element enclosing it.
 */
public final class Reporter {
    private final Messager messager;
    private final BudgetSeverity budgetSeverity;
    private final Set<String> reported = new HashSet<>();

    public Reporter(Messager messager, BudgetSeverity budgetSeverity) {
        this.messager = messager;
        this.budgetSeverity = budgetSeverity;
    }

    /** Reports each finding in order. */
    public void report(Findings findings) {
        for (Finding finding : findings.all()) {
            report(finding);
        }
    }

    /**
     * Reports one finding, unless its category is switched off or suppressed where it belongs, or the same
     * finding was reported before: a block's own problems are found for each network that uses it, and javac
     * prints every error a processor reports, even one it printed at the same place before. A finding is known
     * by its message and where it is in the source, not by javac's objects, which are new in every round.
     */
    public void report(Finding finding) {
        if (!reported.add(finding.message() + " at " + finding.position().where())) {
            return;
        }
        Kind kind = finding.diagnostic().defaultKind();
        if (finding.diagnostic() == Diagnostic.BUDGET_EXCEEDED) {
            if (budgetSeverity == BudgetSeverity.OFF
                    || isSuppressed(finding.position().element(), Diagnostic.BUDGET_SUPPRESSION)) {
                return;
            }
            kind = budgetSeverity.kind();
        }
        Position at = finding.position();
        if (at.element() == null) {
            messager.printMessage(kind, finding.message());
        } else if (at.annotation() == null) {
            messager.printMessage(kind, finding.message(), at.element());
        } else if (at.value() == null) {
            messager.printMessage(kind, finding.message(), at.element(), at.annotation());
        } else {
            messager.printMessage(kind, finding.message(), at.element(), at.annotation(), at.value());
        }
    }

    /** Whether {@code @SuppressWarnings} on the element or an element enclosing it names the category. */
    public static boolean isSuppressed(Element element, String category) {
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
            if (suppress != null && List.of(suppress.value()).contains(category)) {
                return true;
            }
        }
        return false;
    }
}
