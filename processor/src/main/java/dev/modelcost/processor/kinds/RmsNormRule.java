package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.LayerKind;
import dev.modelcost.RMSNorm;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.LayerDecl;
import java.util.List;

/**
 * {@code @RMSNorm}: over the channels at every position, without a mean; 3 operations per element, 1 more for the
 * gain with {@code affine}, which is its {@code C} parameters (docs/FORMULAS.md#rmsnorm-and-gated-mlp).
 */
final class RmsNormRule extends LayerRule<AffineSpec> {

    RmsNormRule() {
        super(RMSNorm.class, LayerKind.RMS_NORM, AffineSpec.class);
    }

    @Override
    public AffineSpec read(LayerValues values) {
        return new AffineSpec(values.bool("affine"));
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, AffineSpec norm, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        TensorShape input = inputs.get(0);
        String of = " of layer '" + layer.name() + "'";
        long flops = Exact.multiply("FLOPs" + of, norm.affine() ? 4 : 3, input.elements("FLOPs" + of));
        return LayerFigures.operations(layer, norm.affine() ? "" : "no-affine", input, input, flops,
                norm.affine() ? input.channels() : 0);
    }

    /**
     * {@code dx = r (dx^ - x^ mean(dx^ x^))} with {@code dx^ = g dy}: per element the product by the gain (with
     * {@code affine}), a product and a sum, a product by {@code x^}, a subtraction and the product by {@code r},
     * 6 (5 without); the gain's gradient {@code sum(dy x^)}, 2 per element.
     */
    @Override
    protected GradientWork gradients(AffineSpec norm, List<TensorShape> inputs, LayerFigures figures) {
        String of = "backward FLOPs of layer '" + figures.layer().name() + "'";
        long elements = figures.activations();
        return new GradientWork(0, Exact.multiply(of, norm.affine() ? 6 : 5, elements), 0, 0, 0,
                norm.affine() ? Exact.multiply(of, 2, elements) : 0, false);
    }
}
