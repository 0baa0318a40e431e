package dev.modelcost.processor;

import dev.modelcost.processor.diag.BudgetSeverity;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The processor's {@code -A} options, all namespaced {@code modelcost.*}. A bad value is an error that lists
 * the valid ones; the default is used in its place so that the rest of the build still reports.
 *
 * @param budgetSeverity what a blown budget is ({@code -Amodelcost.budget=error|warning|off}, default warning)
 */
record Options(BudgetSeverity budgetSeverity) {
    static final String BUDGET = "modelcost.budget";

    /** Every option the processor reads, for {@code getSupportedOptions()}. */
    static final Set<String> NAMES = Set.of(BUDGET);

    /** Reads the options; problems go to {@code findings}. */
    static Options parse(Map<String, String> options, Findings findings) {
        BudgetSeverity severity = BudgetSeverity.WARNING;
        String budget = options.get(BUDGET);
        if (budget != null) {
            try {
                severity = BudgetSeverity.valueOf(budget.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                findings.add(Diagnostic.BAD_OPTION, Position.of(null), BUDGET, budget,
                        Arrays.stream(BudgetSeverity.values()).map(s -> s.name().toLowerCase(Locale.ROOT))
                                .collect(Collectors.joining(", ")));
            }
        }
        return new Options(severity);
    }
}
