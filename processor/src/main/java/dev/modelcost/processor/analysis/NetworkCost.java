package dev.modelcost.processor.analysis;

import dev.modelcost.processor.model.NetworkDecl;
import java.util.ArrayList;
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

    /**
     * The shape of every input of the layer at {@code index}, in the order it reads them: its own input shape
     * first (as {@link LayerFigures#input()}), then the output of each further layer it reads (a merge's other
     * operands, cross-attention's keys).
     */
    public List<TensorShape> inputShapes(int index) {
        List<Integer> read = inputs.get(index);
        List<TensorShape> shapes = new ArrayList<>(read.size());
        shapes.add(layers.get(index).input());
        for (int i = 1; i < read.size(); i++) {
            int node = read.get(i);
            shapes.add(node < 0 ? input : layers.get(node).output());
        }
        return shapes;
    }

    /** This cost with the figures of generating text. */
    public NetworkCost withGeneration(GenerationCost figures) {
        return new NetworkCost(network, input, output, layers, inputs, macs, biasAdds, flops, params, activations,
                backward, figures);
    }
}
