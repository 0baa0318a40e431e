package dev.modelcost.processor.kinds;

import dev.modelcost.Dense;
import dev.modelcost.LayerKind;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.LayerDecl;
import java.util.List;

/** {@code @Dense}: the input flattened to {@code in} values, {@code in * out} multiply-accumulates. */
final class DenseRule extends LayerRule<DenseSpec> {

    DenseRule() {
        super(Dense.class, LayerKind.DENSE, DenseSpec.class);
    }

    @Override
    public DenseSpec read(LayerValues values) {
        return new DenseSpec(values.requiredInt("out"), values.bool("bias"));
    }

    /** It flattens its input: every output reads every token, so a new token changes them all. */
    @Override
    protected String noDecodeStep(DenseSpec dense) {
        return "a dense layer flattens the whole sequence, so each new token changes every output";
    }

    @Override
    protected boolean check(LayerDecl layer, DenseSpec dense, Findings findings) {
        return Checks.atLeastOne(dense.out(), findings);
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, DenseSpec dense, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        TensorShape input = inputs.get(0);
        String of = " of layer '" + layer.name() + "'";
        long in = input.elements("input" + of);
        long out = dense.out().value();
        long macs = Exact.multiply("MACs" + of, in, out);
        long biasAdds = dense.bias() ? out : 0;
        long params = Exact.add("parameters" + of, macs, biasAdds);
        long flops = Exact.add("FLOPs" + of, Exact.multiply("FLOPs" + of, 2, macs), biasAdds);
        String settings = "in=" + in + (dense.bias() ? "" : " no-bias");
        return new LayerFigures(layer, settings, input, TensorShape.of(out), macs, biasAdds, flops, params, out);
    }

    @Override
    protected TensorShape unknownShape(DenseSpec dense, TensorShape input) {
        return TensorShape.of(Math.max(1, dense.out().value()));
    }
}
