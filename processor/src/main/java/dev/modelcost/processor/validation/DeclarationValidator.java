package dev.modelcost.processor.validation;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.BudgetDecl;
import dev.modelcost.processor.model.ConvSpec;
import dev.modelcost.processor.model.DenseSpec;
import dev.modelcost.processor.model.Grouping;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.NetworkDecl;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Checks every value that can be judged without knowing the shapes: signs, {@code @Grouped}'s form,
 * padding written beside {@code SAME}, budget limits. Shape-dependent checks happen during analysis.
 */
public final class DeclarationValidator {

    /** The outcome: which layers are unusable, and whether the input is. */
    public record Result(boolean inputValid, Set<LayerDecl> invalidLayers) {
    }

    /** Checks the network; adds findings and returns what cannot be analyzed. */
    public Result validate(NetworkDecl network, Findings findings) {
        boolean inputValid = atLeastOne(network.channels(), findings) & atLeastOne(network.size(), findings);
        Set<LayerDecl> invalid = Collections.newSetFromMap(new IdentityHashMap<>());
        for (LayerDecl layer : network.layers()) {
            boolean valid = layer.spec() instanceof ConvSpec conv
                    ? validConv(layer, conv, findings)
                    : atLeastOne(((DenseSpec) layer.spec()).out(), findings);
            valid &= validBudget(layer.budget(), findings);
            if (!valid) {
                invalid.add(layer);
            }
        }
        validBudget(network.budget(), findings);
        return new Result(inputValid, invalid);
    }

    private static boolean validConv(LayerDecl layer, ConvSpec conv, Findings findings) {
        boolean valid = atLeastOne(conv.out(), findings)
                & atLeastOne(conv.kernel(), findings)
                & atLeastOne(conv.stride(), findings)
                & atLeastOne(conv.dilation(), findings)
                & atLeastZero(conv.padding(), findings);
        if (conv.outputPadding() != null) {
            valid &= atLeastZero(conv.outputPadding(), findings);
        }
        if (conv.same()) {
            valid &= notWrittenWithSame(layer, conv.padding(), findings);
            if (conv.outputPadding() != null) {
                valid &= notWrittenWithSame(layer, conv.outputPadding(), findings);
            }
        }
        if (conv.grouping() != null) {
            valid &= validGrouping(layer, conv.grouping(), findings);
        }
        return valid;
    }

    private static boolean validGrouping(LayerDecl layer, Grouping grouping, Findings findings) {
        if (grouping.count() != null && grouping.depthwise()) {
            findings.add(Diagnostic.GROUPED_AMBIGUOUS, grouping.depthwisePosition(), layer.name(),
                    "gives both a group count and depthwise = true");
            return false;
        }
        if (grouping.count() == null && !grouping.depthwise()) {
            findings.add(Diagnostic.GROUPED_AMBIGUOUS, grouping.annotation(), layer.name(),
                    "gives neither a group count nor depthwise = true");
            return false;
        }
        return grouping.count() == null || atLeastOne(grouping.count(), findings);
    }

    private static boolean notWrittenWithSame(LayerDecl layer, IntsValue value, Findings findings) {
        if (value.position().value() == null) {
            return true;
        }
        String attribute = value.label().substring(0, value.label().indexOf(' '));
        findings.add(Diagnostic.PADDING_WITH_SAME, value.position(), layer.name(), attribute, attribute);
        return false;
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

    private static boolean atLeastOne(IntValue value, Findings findings) {
        if (value.value() < 1) {
            findings.add(Diagnostic.NOT_POSITIVE, value.position(), value.label(), value.value());
            return false;
        }
        return true;
    }

    private static boolean atLeastOne(IntsValue value, Findings findings) {
        return allAtLeast(1, Diagnostic.NOT_POSITIVE, value, findings);
    }

    private static boolean atLeastZero(IntsValue value, Findings findings) {
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
