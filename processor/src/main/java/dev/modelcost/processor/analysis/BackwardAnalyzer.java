package dev.modelcost.processor.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Which gradients a training step computes, layer by layer, and what they cost (docs/FORMULAS.md#the-backward-pass).
 * A layer computes its input gradient only when something trainable lies before it in the graph: the gradient
 * of the network's input, or of a part of the graph without weights to train, is never used. It computes its
 * weight gradients only when it is trainable.
 */
public final class BackwardAnalyzer {
    private BackwardAnalyzer() {
    }

    /**
     * The backward pass; an overflow is thrown.
     *
     * @param layers every layer's forward figures, in declaration order
     * @param inputs for each layer, the indices of the layers it takes (-1: the network's input)
     * @param work for each layer, what its backward pass can compute
     * @param forwardFlops the forward pass's {@code FLOPS}
     * @param of the network, for a message: {@code " of network X"}
     */
    public static BackwardPass analyze(List<LayerFigures> layers, List<List<Integer>> inputs,
            List<GradientWork> work, long forwardFlops, String of) {
        // Whether a trainable layer lies at or before each layer: layers come after the layers they take.
        boolean[] trainableUpTo = new boolean[layers.size()];
        List<LayerBackward> parts = new ArrayList<>();
        long macs = 0;
        long flops = 0;
        String macsFigure = "backward MACs" + of;
        String flopsFigure = "backward FLOPs" + of;
        for (int i = 0; i < layers.size(); i++) {
            GradientWork w = work.get(i);
            boolean input = false;
            for (int j : inputs.get(i)) {
                input |= j >= 0 && trainableUpTo[j];
            }
            trainableUpTo[i] = input || w.trainable();
            LayerBackward part = part(layers.get(i).layer().name(), w, input);
            parts.add(part);
            macs = Exact.add(macsFigure, macs, part.macs());
            flops = Exact.add(flopsFigure, flops, part.flops());
        }
        return new BackwardPass(parts, macs, flops, Exact.add("training-step FLOPs" + of, forwardFlops, flops));
    }

    private static LayerBackward part(String name, GradientWork w, boolean input) {
        boolean weight = w.trainable();
        boolean any = input || weight;
        String of = " of layer '" + name + "'";
        long macs = sum("backward MACs" + of, input ? w.inputMacs() : 0, any ? w.innerMacs() : 0,
                weight ? w.weightMacs() : 0);
        long ops = sum("backward FLOPs" + of, input ? w.inputOps() : 0, any ? w.innerOps() : 0,
                weight ? w.weightOps() : 0);
        return new LayerBackward(input, weight, macs,
                Exact.add("backward FLOPs" + of, Exact.multiply("backward FLOPs" + of, 2, macs), ops));
    }

    private static long sum(String figure, long... terms) {
        long sum = 0;
        for (long term : terms) {
            sum = Exact.add(figure, sum, term);
        }
        return sum;
    }
}
