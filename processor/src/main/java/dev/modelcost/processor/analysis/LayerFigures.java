package dev.modelcost.processor.analysis;

import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.Metric;

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
 */
public record LayerFigures(LayerDecl layer, String settings, TensorShape input, TensorShape output, long macs,
        long biasAdds, long flops, long params, long activations) {

    /** The figure a budget metric limits. */
    public long get(Metric metric) {
        return switch (metric) {
            case MACS -> macs;
            case FLOPS -> flops;
            case PARAMS -> params;
            case ACTIVATIONS -> activations;
        };
    }
}
