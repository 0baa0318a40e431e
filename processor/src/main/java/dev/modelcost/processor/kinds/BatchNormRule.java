package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.BatchNorm;
import dev.modelcost.LayerKind;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.LayerDecl;
import java.util.List;

/** {@code @BatchNorm}: 2 parameters per channel; 2 operations per element unless folded. */
final class BatchNormRule extends LayerRule<NormSpec> {

    BatchNormRule() {
        super(BatchNorm.class, LayerKind.BATCH_NORM, NormSpec.class);
    }

    @Override
    public NormSpec read(LayerValues values) {
        return new NormSpec(values.bool("folded"));
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, NormSpec norm, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        TensorShape input = inputs.get(0);
        String of = " of layer '" + layer.name() + "'";
        long flops = norm.folded() ? 0 : Exact.multiply("FLOPs" + of, 2, input.elements("FLOPs" + of));
        long params = Exact.multiply("parameters" + of, 2, input.channels());
        return LayerFigures.operations(layer, norm.folded() ? "folded" : "", input, input, flops, params);
    }

    /**
     * With the statistics its forward pass uses fixed, {@code y = a x + b} per channel: the input gradient
     * {@code a dy}, 1 per element; gamma's gradient {@code sum(dy x^)}, 2, and beta's {@code sum(dy)}, 1. Folded, it
     * is part of the convolution before it, whose gradients cover it: nothing.
     */
    @Override
    protected GradientWork gradients(NormSpec norm, List<TensorShape> inputs, LayerFigures figures) {
        String of = "backward FLOPs of layer '" + figures.layer().name() + "'";
        long elements = norm.folded() ? 0 : figures.activations();
        return new GradientWork(0, elements, 0, 0, 0, Exact.multiply(of, 3, elements), false);
    }
}
