package dev.modelcost.processor.analysis;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.NetworkDecl;
import java.util.List;

/**
 * The network's input shape and the totals of a network from its layers (each layer's figures are its kind's
 * rule's, in {@code kinds}). A figure that overflows is reported, never wrapped.
 */
public final class CostAnalyzer {
    /** The network's input shape, or null when its element count overflows (reported). */
    public TensorShape inputShape(NetworkDecl network, Findings findings) {
        int[] size = network.size().values();
        long[] sizes = new long[size.length];
        for (int i = 0; i < size.length; i++) {
            sizes[i] = size[i];
        }
        TensorShape input = TensorShape.of(network.channels().value(), sizes);
        try {
            input.elements("input elements of " + network.displayName());
            return input;
        } catch (OverflowException e) {
            findings.add(Diagnostic.OVERFLOW, network.annotation(), e.figure(), e.terms(), e.limit());
            return null;
        }
    }

    /**
     * The totals, or null when one overflows (reported).
     *
     * @param output the network's output: its last field's
     * @param inputs for each layer, the indices of the layers it takes (-1: the network's input)
     * @param gradients for each layer, what its backward pass can compute
     */
    public NetworkCost total(NetworkDecl network, TensorShape input, TensorShape output, List<LayerFigures> layers,
            List<List<Integer>> inputs, List<GradientWork> gradients, Findings findings) {
        String of = " of network " + network.displayName();
        long macs = 0;
        long biasAdds = 0;
        long flops = 0;
        long params = 0;
        long activations = 0;
        BackwardPass backward;
        String macsFigure = "total MACs" + of;
        String biasAddsFigure = "total bias additions" + of;
        String flopsFigure = "total FLOPs" + of;
        String paramsFigure = "total parameters" + of;
        String activationsFigure = "total activations" + of;
        try {
            for (LayerFigures layer : layers) {
                macs = Exact.add(macsFigure, macs, layer.macs());
                biasAdds = Exact.add(biasAddsFigure, biasAdds, layer.biasAdds());
                flops = Exact.add(flopsFigure, flops, layer.flops());
                params = Exact.add(paramsFigure, params, layer.params());
                activations = Exact.add(activationsFigure, activations, layer.activations());
            }
            backward = BackwardAnalyzer.analyze(layers, inputs, gradients, flops, of);
        } catch (OverflowException e) {
            findings.add(Diagnostic.OVERFLOW, network.annotation(), e.figure(), e.terms(), e.limit());
            return null;
        }
        return new NetworkCost(network, input, output, layers, inputs, macs, biasAdds, flops, params, activations,
                backward);
    }
}
