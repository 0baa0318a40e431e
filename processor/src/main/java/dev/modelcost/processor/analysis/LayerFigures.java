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
 * @param sharedParams weights it reads that another layer holds, and counts in its own {@code params}: a weight
 *     matrix tied to an earlier layer's (docs/FORMULAS.md#tied-weights); read, so counted in its bytes moved
 */
public record LayerFigures(LayerDecl layer, String settings, TensorShape input, TensorShape output, long macs,
        long biasAdds, long flops, long params, long activations, long internalElements, long sharedParams) {

    /** A layer that keeps nothing in between and holds every weight it reads. */
    public LayerFigures(LayerDecl layer, String settings, TensorShape input, TensorShape output, long macs,
            long biasAdds, long flops, long params, long activations) {
        this(layer, settings, input, output, macs, biasAdds, flops, params, activations, 0, 0);
    }

    /**
     * These figures once the layer's weight matrix of {@code elements} is the {@code owner}'s: they leave its
     * parameters but not what it reads, and its settings say whose they are.
     */
    public LayerFigures sharing(String owner, long elements) {
        String tied = (settings.isEmpty() ? "" : settings + " ") + "tied to '" + owner + "'";
        return new LayerFigures(layer, tied, input, output, macs, biasAdds, flops, params - elements, activations,
                internalElements, sharedParams + elements);
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
