package dev.modelcost.processor.validation;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.kinds.Checks;
import dev.modelcost.processor.kinds.LayerRule;
import dev.modelcost.processor.model.BudgetDecl;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.NetworkDecl;

/**
 * Checks every value that can be judged without knowing the shapes: the network's input, budget limits, and each
 * layer's values by its kind's rule (signs, {@code @Grouped}'s form, padding written beside {@code SAME}).
 * Shape-dependent checks happen during analysis.
 */
public final class DeclarationValidator {
    /**
     * The most spatial dimensions an input may have: a bound on the size of every shape, in the analysis and in
     * the cost class's table of layers, that no network comes near.
     */
    public static final int MAX_RANK = 255;

    /** Checks the network's input and budget; returns whether the input is usable. */
    public boolean validateNetwork(NetworkDecl network, Findings findings) {
        boolean inputValid = Checks.atLeastOne(network.channels(), findings) & Checks.atLeastOne(network.size(), findings)
                & rankSupported(network, findings);
        validBudget(network.budget(), findings);
        return inputValid;
    }

    private static boolean rankSupported(NetworkDecl network, Findings findings) {
        int rank = network.size().values().length;
        if (rank > MAX_RANK) {
            findings.add(Diagnostic.TOO_MANY_DIMENSIONS, network.size().position(), network.displayName(), rank,
                    MAX_RANK);
            return false;
        }
        return true;
    }

    /** Checks one concrete layer's values, by its kind's rule and its budget; returns whether it can be analyzed. */
    public boolean validateLayer(LayerDecl layer, LayerRule<?> rule, Findings findings) {
        return rule.validate(layer, findings) & validBudget(layer.budget(), findings);
    }

    private static boolean validBudget(BudgetDecl budget, Findings findings) {
        if (budget == null) {
            return true;
        }
        boolean valid = true;
        for (BudgetDecl.Limit limit : budget.limits()) {
            if (limit.value() < 0) {
                findings.add(Diagnostic.NEGATIVE, limit.position(), "budget " + limit.metric().attribute(),
                        limit.value());
                valid = false;
            }
        }
        return valid;
    }
}
