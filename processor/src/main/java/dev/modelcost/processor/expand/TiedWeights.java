package dev.modelcost.processor.expand;

import dev.modelcost.LayerKind;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.OverflowException;
import dev.modelcost.processor.analysis.WeightMatrix;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.kinds.LayerRule;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.WeightTie;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Layers that share an earlier layer's weight matrix (docs/FORMULAS.md#tied-weights), whatever their kinds: a
 * rule says which layer a layer ties to ({@link LayerRule#tieOf}) and what matrix each layer has
 * ({@link LayerRule#matrixOf}). The name is resolved among the layers declared before the tied one in its scope
 * (the network's fields, or a block's in the same repetition), as {@code @From} is; the two matrices must be
 * equal; the shared one is then counted once, in its owner's parameters.
 */
final class TiedWeights {
    /**
     * A layer a later one may tie to.
     *
     * @param kind its kind
     * @param matrix its weight matrix, or null when it has none
     * @param analyzed false when it had a problem (reported): a tie to it is not judged
     */
    private record Owner(LayerKind kind, WeightMatrix matrix, boolean analyzed) {
    }

    /** Every layer walked so far, by full name. */
    private final Map<String, Owner> layers = new HashMap<>();

    /**
     * Records a layer, so that later ones can tie to it.
     *
     * @param layer the concrete layer, or null when it could not be instantiated
     * @param figures its figures, or null when it has a problem
     */
    void declare(String fullName, LayerRule<?> rule, LayerDecl layer, LayerFigures figures) {
        boolean analyzed = layer != null && figures != null;
        layers.put(fullName, new Owner(layer == null ? null : layer.kind(),
                analyzed ? rule.matrixOf(layer, figures.input()) : null, analyzed));
    }

    /**
     * The layer's figures with its tie applied: unchanged when it ties to nothing, else without the shared
     * matrix's parameters; null when the tie is wrong (reported).
     *
     * @param scope the scope the layer is in
     * @param before the names declared before it in that scope
     */
    LayerFigures apply(LayerDecl layer, LayerRule<?> rule, LayerFigures figures, Scope scope,
            Collection<String> before, Findings findings) {
        WeightTie tie = rule.tieOf(layer);
        if (tie == null) {
            return figures;
        }
        String ownerName = scope.fullName(tie.owner());
        Owner owner = layers.get(ownerName);
        if (!before.contains(tie.owner())) {
            findings.add(Diagnostic.TIED_TO_UNKNOWN, tie.position(), layer.name(), tie.owner(),
                    DidYouMean.hint(tie.owner(), before), before.isEmpty() ? "none" : String.join(", ", before));
            return null;
        }
        boolean stage = owner == null && isStage(ownerName);
        // A layer that had a problem (reported) is not judged: that would only repeat it. In a network, a name
        // without a layer or a stage is a field whose inputs were wrong, since only a block's layers can be absent.
        if (owner != null ? !owner.analyzed() : !stage && scope.useSite() == null) {
            return null;
        }
        if (owner == null || owner.matrix() == null) {
            String what = owner != null ? "a layer of kind " + owner.kind()
                    : stage ? "a @Stage" : "a layer that @When leaves out here";
            findings.add(Diagnostic.TIED_WITHOUT_MATRIX, tie.position(), layer.name(), tie.owner(), what,
                    "tie it to a layer that has one" + candidates(scope, before));
            return null;
        }
        WeightMatrix own = rule.matrixOf(layer, figures.input());
        if (!owner.matrix().sameShape(own)) {
            findings.add(Diagnostic.TIED_SHAPES_DIFFER, tie.position(), layer.name(), tie.owner(), owner.matrix(),
                    own, "the two must be equal: change this layer's output or input features, or tie it to a "
                            + "layer whose matrix is " + own.rows() + "x" + own.columns());
            return null;
        }
        try {
            return figures.sharing(ownerName, own.elements("parameters of layer '" + layer.name() + "'"));
        } catch (OverflowException e) {
            findings.add(Diagnostic.OVERFLOW, layer.annotation(), e.figure(), e.terms(), e.limit());
            return null;
        }
    }

    /** Whether the name is a stage's: its layers are named after it, then a repetition. */
    private boolean isStage(String fullName) {
        return layers.keySet().stream().anyMatch(name -> name.startsWith(fullName + "."));
    }

    /** {@code " (before it: wte 50257x768 (vocabulary x dim))"}, the layers before it that have a matrix. */
    private String candidates(Scope scope, Collection<String> before) {
        List<String> withMatrix = new ArrayList<>();
        for (String name : before) {
            Owner owner = layers.get(scope.fullName(name));
            if (owner != null && owner.matrix() != null) {
                withMatrix.add(name + " " + owner.matrix());
            }
        }
        return withMatrix.isEmpty() ? " (none is declared before it)" : " (before it: " + String.join(", ",
                withMatrix) + ")";
    }
}
