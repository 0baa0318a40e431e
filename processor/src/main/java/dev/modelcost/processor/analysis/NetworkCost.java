package dev.modelcost.processor.analysis;

import dev.modelcost.processor.model.NetworkDecl;
import java.util.List;

/**
 * The analyzed cost of a whole network: every layer's figures and the totals, which are their sums.
 *
 * @param network the declaration
 * @param input the input shape
 * @param output the output shape: the last field's output, which is not always the last layer's (a stage whose
 *     block ends in an absent {@code @When} layer passes that layer's input on)
 * @param layers every layer, in declaration order
 * @param inputs for each layer, the indices of the layers whose outputs it takes; -1 is the network's input
 * @param macs total multiply-accumulates
 * @param biasAdds total bias additions
 * @param flops total floating-point operations
 * @param params total parameters
 * @param activations total output elements
 * @param backward the backward pass of a training step and its operations
 * @param generation what generating text costs, for a network with {@code @Generation}; null without
 */
public record NetworkCost(NetworkDecl network, TensorShape input, TensorShape output, List<LayerFigures> layers,
        List<List<Integer>> inputs, long macs,
        long biasAdds, long flops, long params, long activations, BackwardPass backward, GenerationCost generation) {

    public NetworkCost {
        layers = List.copyOf(layers);
        inputs = List.copyOf(inputs);
    }

    /** A network's cost without generation figures. */
    public NetworkCost(NetworkDecl network, TensorShape input, TensorShape output, List<LayerFigures> layers,
            List<List<Integer>> inputs, long macs, long biasAdds, long flops, long params, long activations,
            BackwardPass backward) {
        this(network, input, output, layers, inputs, macs, biasAdds, flops, params, activations, backward, null);
    }

    /** This cost with the figures of generating text. */
    public NetworkCost withGeneration(GenerationCost figures) {
        return new NetworkCost(network, input, output, layers, inputs, macs, biasAdds, flops, params, activations,
                backward, figures);
    }
}
