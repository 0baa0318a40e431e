package dev.modelcost.processor.kinds;

import dev.modelcost.LayerKind;
import dev.modelcost.Linear;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.analysis.WeightMatrix;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import dev.modelcost.processor.model.WeightTie;
import java.util.List;

/**
 * {@code @Linear}: an {@code out x in} matrix applied to the {@code in} channels at every position
 * (docs/FORMULAS.md#per-token-layers), its matrix shareable with later layers and shared with an earlier one when
 * it names it ({@code tiedTo}).
 */
final class LinearRule extends LayerRule<LinearRule.Spec> {

    /**
     * The settings of a linear layer.
     *
     * @param out its output features
     * @param bias whether it adds a bias
     * @param tie the layer whose matrix it shares, or null
     */
    record Spec(IntValue out, boolean bias, WeightTie tie) implements LayerSpec {
    }

    LinearRule() {
        super(Linear.class, LayerKind.LINEAR, Spec.class);
    }

    @Override
    public Spec read(LayerValues values) {
        String tiedTo = values.string("tiedTo");
        WeightTie tie = tiedTo.isEmpty() ? null : new WeightTie(tiedTo, values.position("tiedTo"));
        return new Spec(values.requiredInt("out"), values.bool("bias"), tie);
    }

    @Override
    protected boolean check(LayerDecl layer, Spec linear, Findings findings) {
        return Checks.atLeastOne(linear.out(), findings);
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, Spec linear, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        TensorShape input = inputs.get(0);
        String of = " of layer '" + layer.name() + "'";
        long positions = input.spatialElements("positions" + of);
        long in = input.channels();
        long out = linear.out().value();
        long macs = Exact.product("MACs" + of, positions, in, out);
        long biasAdds = linear.bias() ? Exact.multiply("bias additions" + of, positions, out) : 0;
        long params = Exact.add("parameters" + of, Exact.multiply("parameters" + of, in, out),
                linear.bias() ? out : 0);
        long flops = Exact.add("FLOPs" + of, Exact.multiply("FLOPs" + of, 2, macs), biasAdds);
        TensorShape output = TensorShape.of(out, input.sizes());
        String settings = "in=" + in + (linear.bias() ? "" : " no-bias");
        return new LayerFigures(layer, settings, input, output, macs, biasAdds, flops, params,
                output.elements("activations" + of));
    }

    @Override
    protected WeightMatrix matrix(Spec linear, TensorShape input) {
        return new WeightMatrix(linear.out().value(), input.channels(), "out x in");
    }

    @Override
    protected WeightTie tie(Spec linear) {
        return linear.tie();
    }

    @Override
    protected TensorShape unknownShape(Spec linear, TensorShape input) {
        return TensorShape.unknownSizes(Math.max(1, linear.out().value()), input.rank());
    }
}
