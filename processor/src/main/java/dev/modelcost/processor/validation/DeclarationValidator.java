package dev.modelcost.processor.validation;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.BudgetDecl;
import dev.modelcost.processor.model.ChannelSpec;
import dev.modelcost.processor.model.ConvSpec;
import dev.modelcost.processor.model.DenseSpec;
import dev.modelcost.processor.model.GlobalPoolSpec;
import dev.modelcost.processor.model.GroupNormSpec;
import dev.modelcost.processor.model.Grouping;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import dev.modelcost.processor.model.PointwiseSpec;
import dev.modelcost.processor.model.PoolSpec;
import dev.modelcost.processor.model.UpsampleSpec;
import dev.modelcost.processor.read.NetworkDecl;

/**
 * Checks every value that can be judged without knowing the shapes: signs, {@code @Grouped}'s form,
 * padding written beside {@code SAME}, budget limits. Shape-dependent checks happen during analysis.
 */
public final class DeclarationValidator {
    /**
     * The most spatial dimensions an input may have: a bound on the size of every shape, in the analysis and in
     * the cost class's table of layers, that no network comes near.
     */
    public static final int MAX_RANK = 255;

    /** Checks the network's input and budget; returns whether the input is usable. */
    public boolean validateNetwork(NetworkDecl network, Findings findings) {
        boolean inputValid = atLeastOne(network.channels(), findings) & atLeastOne(network.size(), findings)
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

    /** Checks one concrete layer's values; returns whether it can be analyzed. */
    public boolean validateLayer(LayerDecl layer, Findings findings) {
        LayerSpec spec = layer.spec();
        boolean valid = true;
        if (spec instanceof ConvSpec conv) {
            valid = validConv(layer, conv, findings);
        } else if (spec instanceof DenseSpec dense) {
            valid = atLeastOne(dense.out(), findings);
        } else if (spec instanceof PoolSpec pool) {
            valid = atLeastOne(pool.kernel(), findings)
                    & (pool.stride() == null || atLeastOne(pool.stride(), findings))
                    & atLeastZero(pool.padding(), findings) & atLeastOne(pool.dilation(), findings);
        } else if (spec instanceof GlobalPoolSpec pool) {
            valid = pool.adaptiveSize() == null || atLeastOne(pool.adaptiveSize(), findings);
        } else if (spec instanceof GroupNormSpec norm) {
            valid = atLeastOne(norm.groups(), findings);
        } else if (spec instanceof PointwiseSpec pointwise) {
            valid = atLeastZero(pointwise.flopsPerElement(), findings);
        } else if (spec instanceof UpsampleSpec upsample) {
            valid = atLeastOne(upsample.scale() != null ? upsample.scale() : upsample.size(), findings);
        } else if (spec instanceof ChannelSpec channels) {
            valid = (channels.from() == null || atLeastZero(channels.from(), findings))
                    & (channels.groups() == null || atLeastOne(channels.groups(), findings));
        }
        return valid & validBudget(layer.budget(), findings);
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

    private static boolean atLeastZero(IntValue value, Findings findings) {
        if (value.value() < 0) {
            findings.add(Diagnostic.NEGATIVE, value.position(), value.label(), value.value());
            return false;
        }
        return true;
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
