package dev.modelcost.processor.kinds;

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
}
