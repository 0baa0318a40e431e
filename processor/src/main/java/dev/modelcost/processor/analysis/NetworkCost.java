package dev.modelcost.processor.analysis;

import dev.modelcost.processor.read.NetworkDecl;
import java.util.List;

/**
 * The analyzed cost of a whole network: every layer's figures and the totals, which are their sums.
 *
 * @param network the declaration
 * @param input the input shape
 * @param layers every layer, in declaration order
 * @param inputs for each layer, the indices of the layers whose outputs it takes; -1 is the network's input
 * @param macs total multiply-accumulates
 * @param biasAdds total bias additions
 * @param flops total floating-point operations
 * @param params total parameters
 * @param activations total output elements
 */
public record NetworkCost(NetworkDecl network, TensorShape input, List<LayerFigures> layers,
        List<List<Integer>> inputs, long macs,
        long biasAdds, long flops, long params, long activations) {

    public NetworkCost {
        layers = List.copyOf(layers);
        inputs = List.copyOf(inputs);
    }

    /** The shape the last layer outputs. */
    public TensorShape output() {
        return layers.get(layers.size() - 1).output();
    }
}
