package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.ActivationFunction;
import dev.modelcost.GatedMlp;
import dev.modelcost.LayerKind;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import java.util.List;
import java.util.Locale;

/**
 * {@code @GatedMlp}: {@code down(act(gate(x)) * up(x))} at every position, three per-token linear layers and the
 * gate's element-wise work (docs/FORMULAS.md#rmsnorm-and-gated-mlp).
 */
final class GatedMlpRule extends LayerRule<GatedMlpRule.Spec> {

    /**
     * The settings of a gated MLP.
     *
     * @param hidden hidden features of the gate and up projections
     * @param activation the gate's function
     * @param bias whether the projections add biases
     */
    record Spec(IntValue hidden, ActivationFunction activation, boolean bias) implements LayerSpec {
    }

    GatedMlpRule() {
        super(GatedMlp.class, LayerKind.GATED_MLP, Spec.class);
    }

    @Override
    public Spec read(LayerValues values) {
        return new Spec(values.requiredInt("hidden"), ActivationFunction.valueOf(values.enumValue("activation")),
                values.bool("bias"));
    }

    @Override
    protected boolean check(LayerDecl layer, Spec mlp, Findings findings) {
        return Checks.atLeastOne(mlp.hidden(), findings);
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, Spec mlp, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        TensorShape input = inputs.get(0);
        String of = " of layer '" + layer.name() + "'";
        long positions = input.spatialElements("positions" + of);
        long d = input.channels();
        long hidden = mlp.hidden().value();
        long macs = Exact.product("MACs" + of, positions, 3, d, hidden);
        // gate and up add a bias of hidden each, down one of d.
        long biases = mlp.bias() ? Exact.add("parameters" + of, Exact.multiply("parameters" + of, 2, hidden), d) : 0;
        long params = Exact.add("parameters" + of, Exact.product("parameters" + of, 3, d, hidden), biases);
        long biasAdds = Exact.multiply("bias additions" + of, positions, biases);
        long gated = Exact.product("FLOPs" + of, mlp.activation().flopsPerElement() + 1L, positions, hidden);
        long flops = Exact.add("FLOPs" + of, Exact.add("FLOPs" + of, Exact.multiply("FLOPs" + of, 2, macs), gated),
                biasAdds);
        String settings = "hidden=" + hidden + " " + mlp.activation().name().toLowerCase(Locale.ROOT)
                + (mlp.bias() ? " bias" : "");
        return new LayerFigures(layer, settings, input, input, macs, biasAdds, flops, params,
                input.elements("activations" + of));
    }

    /**
     * {@code down}'s weight gradient and its adjoint product back to the hidden values, {@code positions * d *
     * hidden} each; the gate's product, {@code 2} per hidden value ({@code da = dh u}, {@code du = dh a}), and the
     * activation's derivative times the gradient, {@code f + 1}; then {@code gate}'s and {@code up}'s weight
     * gradients and their adjoint products to the input, two of {@code positions * d * hidden} each: the weight
     * gradients are the forward's MACs, the input gradient two thirds of them, the hidden values' one third.
     */
    @Override
    protected GradientWork gradients(Spec mlp, List<TensorShape> inputs, LayerFigures figures) {
        String of = " of layer '" + figures.layer().name() + "'";
        long third = figures.macs() / 3;
        long positions = inputs.get(0).spatialElements("backward FLOPs" + of);
        long hiddenOps = Exact.product("backward FLOPs" + of, mlp.activation().flopsPerElement() + 3L, positions,
                mlp.hidden().value());
        return new GradientWork(2 * third, 0, third, hiddenOps, figures.macs(), figures.biasAdds(), false);
    }
}
