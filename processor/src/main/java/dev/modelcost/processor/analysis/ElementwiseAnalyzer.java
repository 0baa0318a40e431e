package dev.modelcost.processor.analysis;

import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.GroupNormSpec;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.NormSpec;
import dev.modelcost.processor.model.PointwiseSpec;

/**
 * Layers that keep their input's shape and work element by element: batch normalization (2 parameters per
 * channel; 2 operations per element unless folded), group normalization (2 parameters per channel with scale and
 * shift; 5 or 4 operations per element) and activations, other element-wise operations and dropout
 * (their stated operations per element, no parameters).
 */
final class ElementwiseAnalyzer {

    LayerFigures norm(LayerDecl layer, NormSpec norm, TensorShape input) {
        String of = " of layer '" + layer.name() + "'";
        long flops = norm.folded() ? 0 : Exact.multiply("FLOPs" + of, 2, input.elements("FLOPs" + of));
        long params = Exact.multiply("parameters" + of, 2, input.channels());
        return LayerFigures.operations(layer, norm.folded() ? "folded" : "", input, input, flops, params);
    }

    /** Group normalization: 5 operations per element with scale and shift, 4 without (DeepSpeed's count). */
    LayerFigures groupNorm(LayerDecl layer, GroupNormSpec norm, TensorShape input, Findings findings) {
        if (!Divisors.divideChannels(layer, norm.groups(), input.channels(), findings)) {
            return null;
        }
        String of = " of layer '" + layer.name() + "'";
        long flops = Exact.multiply("FLOPs" + of, norm.affine() ? 5 : 4, input.elements("FLOPs" + of));
        long params = norm.affine() ? Exact.multiply("parameters" + of, 2, input.channels()) : 0;
        String settings = "g=" + norm.groups().value() + (norm.affine() ? "" : " no-affine");
        return LayerFigures.operations(layer, settings, input, input, flops, params);
    }

    LayerFigures pointwise(LayerDecl layer, PointwiseSpec pointwise, TensorShape input) {
        String of = " of layer '" + layer.name() + "'";
        long flops = Exact.multiply("FLOPs" + of, pointwise.flopsPerElement().value(), input.elements("FLOPs" + of));
        return LayerFigures.operations(layer, pointwise.settings(), input, input, flops, 0);
    }
}
