package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.model.LayerDecl;

/**
 * The count shared by the normalizations whose statistics are computed in the forward pass (group, layer and
 * instance normalization), in one place: 4 operations per element for the statistics and the normalization,
 * 1 more with {@code affine} for the scale and shift (the convention of DeepSpeed's flops profiler); 2 parameters
 * per channel with {@code affine} (scale and shift), none without. The output has the input's shape.
 */
final class Normalization {
    private Normalization() {
    }

    /** The figures of such a normalization of {@code input}, with its settings as reports show them. */
    static LayerFigures figures(LayerDecl layer, boolean affine, String settings, TensorShape input) {
        String of = " of layer '" + layer.name() + "'";
        long flops = Exact.multiply("FLOPs" + of, affine ? 5 : 4, input.elements("FLOPs" + of));
        long params = affine ? Exact.multiply("parameters" + of, 2, input.channels()) : 0;
        return LayerFigures.operations(layer, settings, input, input, flops, params);
    }

    /**
     * The backward of such a normalization, from the saved normalized input {@code x^} and the reciprocal
     * deviation {@code r}: {@code dx = r (dx^ - mean(dx^) - x^ mean(dx^ x^))} with {@code dx^ = gamma dy}: per
     * element the product by gamma (with {@code affine}), a sum, a product and a sum, a product by {@code x^},
     * two subtractions and the product by {@code r}, 8 (7 without affine); gamma's gradient
     * {@code sum(dy x^)}, 2, and beta's {@code sum(dy)}, 1, so 3 per element in the parameter gradients.
     */
    static GradientWork gradients(boolean affine, LayerFigures figures) {
        String of = "backward FLOPs of layer '" + figures.layer().name() + "'";
        long elements = figures.activations();
        return new GradientWork(0, Exact.multiply(of, affine ? 8 : 7, elements), 0, 0, 0,
                affine ? Exact.multiply(of, 3, elements) : 0, false);
    }
}
