package dev.modelcost.processor.analysis;

import dev.modelcost.processor.model.LayerDecl;

/**
 * The analyzed cost of one layer, per sample.
 *
 * @param layer the declaration
 * @param settings the settings in short form, e.g. {@code "k=3 s=2 p=1 g=32"}
 * @param input input shape
 * @param output output shape
 * @param macs multiply-accumulates
 * @param biasAdds bias additions
 * @param flops {@code 2 * macs + biasAdds}
 * @param params weights and biases
 * @param activations output elements
 * @param internalElements elements the layer writes and reads again inside itself, beyond its inputs, output and
 *     parameters (attention's queries, keys, values and scores), each written once and read once; 0 for a layer
 *     that keeps nothing in between
 */
public record LayerFigures(LayerDecl layer, String settings, TensorShape input, TensorShape output, long macs,
        long biasAdds, long flops, long params, long activations, long internalElements) {

    /** A layer that keeps nothing in between: what it moves is its inputs, output and parameters. */
    public LayerFigures(LayerDecl layer, String settings, TensorShape input, TensorShape output, long macs,
            long biasAdds, long flops, long params, long activations) {
        this(layer, settings, input, output, macs, biasAdds, flops, params, activations, 0);
    }

    /**
     * A layer without multiply-accumulates or biases: pooling, normalization, element-wise operations, data
     * movement. Its FLOPs are its own operations; its activations, its output elements.
     */
    public static LayerFigures operations(LayerDecl layer, String settings, TensorShape input, TensorShape output,
            long flops, long params) {
        return new LayerFigures(layer, settings, input, output, 0, 0, flops, params,
                output.elements("activations of layer '" + layer.name() + "'"));
    }
}
