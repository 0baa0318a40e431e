package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.LayerKind;
import dev.modelcost.LayerNorm;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.LayerDecl;
import java.util.List;

/**
 * {@code @LayerNorm}: over the channels at every position, on a vector or a feature map alike; counted as
 * {@link Normalization} says.
 */
final class LayerNormRule extends LayerRule<AffineSpec> {

    LayerNormRule() {
        super(LayerNorm.class, LayerKind.LAYER_NORM, AffineSpec.class);
    }

    @Override
    public AffineSpec read(LayerValues values) {
        return new AffineSpec(values.bool("affine"));
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, AffineSpec norm, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        return Normalization.figures(layer, norm.affine(), norm.affine() ? "" : "no-affine", inputs.get(0));
    }

    @Override
    protected GradientWork gradients(AffineSpec norm, List<TensorShape> inputs, LayerFigures figures) {
        return Normalization.gradients(norm.affine(), figures);
    }
}
