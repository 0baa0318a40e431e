package dev.modelcost.processor.analysis;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.ConvSpec;
import dev.modelcost.processor.model.DenseSpec;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.NetworkDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Walks a network's layers in declaration order, each fed the previous one's output, and computes every
 * layer's shape and cost, then the totals. A layer with a problem does not stop the walk: later layers are
 * still checked as far as their input is known, so one compile shows every problem.
 */
public final class CostAnalyzer {
    private final ConvolutionAnalyzer convolutions = new ConvolutionAnalyzer();

    /**
     * The network's cost, or null if any problem was found (added to {@code findings}).
     *
     * @param invalidLayers layers whose declarations are already known to be unusable
     */
    public NetworkCost analyze(NetworkDecl network, Set<LayerDecl> invalidLayers, Findings findings) {
        boolean valid = true;
        TensorShape input;
        try {
            input = inputShape(network);
        } catch (OverflowException e) {
            findings.add(Diagnostic.OVERFLOW, network.annotation(), e.figure(), e.terms(), e.limit());
            return null;
        }
        TensorShape shape = input;
        String flattenedBy = null;
        List<LayerFigures> layers = new ArrayList<>(network.layers().size());
        for (LayerDecl layer : network.layers()) {
            LayerFigures figures = null;
            if (!invalidLayers.contains(layer)) {
                try {
                    figures = analyze(layer, shape, flattenedBy, findings);
                } catch (OverflowException e) {
                    findings.add(Diagnostic.OVERFLOW, layer.annotation(), e.figure(), e.terms(), e.limit());
                }
            }
            if (figures == null) {
                valid = false;
                shape = unknownOutput(layer, shape);
            } else {
                layers.add(figures);
                shape = figures.output();
            }
            if (layer.spec() instanceof DenseSpec) {
                flattenedBy = layer.name();
            }
        }
        if (!valid || layers.isEmpty()) {
            return null;
        }
        try {
            return total(network, input, layers);
        } catch (OverflowException e) {
            findings.add(Diagnostic.OVERFLOW, network.annotation(), e.figure(), e.terms(), e.limit());
            return null;
        }
    }

    private static TensorShape inputShape(NetworkDecl network) {
        int[] size = network.size().values();
        long[] sizes = new long[size.length];
        for (int i = 0; i < size.length; i++) {
            sizes[i] = size[i];
        }
        TensorShape input = TensorShape.of(network.channels().value(), sizes);
        input.elements("input elements of " + network.displayName());
        return input;
    }

    private LayerFigures analyze(LayerDecl layer, TensorShape input, String flattenedBy, Findings findings) {
        if (layer.spec() instanceof ConvSpec conv) {
            return convolutions.analyze(layer, conv, input, flattenedBy, findings);
        }
        return input.sizesKnown() ? dense(layer, (DenseSpec) layer.spec(), input) : null;
    }

    /** Dense: the input flattened to {@code in} values, {@code in * out} multiplications. */
    private static LayerFigures dense(LayerDecl layer, DenseSpec dense, TensorShape input) {
        String of = " of layer '" + layer.name() + "'";
        long in = input.elements("input" + of);
        long out = dense.out().value();
        long macs = Exact.multiply("MACs" + of, in, out);
        long biasAdds = dense.bias() ? out : 0;
        long params = Exact.add("parameters" + of, macs, biasAdds);
        long flops = Exact.add("FLOPs" + of, Exact.multiply("FLOPs" + of, 2, macs), biasAdds);
        String settings = "in=" + in + (dense.bias() ? "" : " no-bias");
        return new LayerFigures(layer, settings, input, TensorShape.of(out), macs, biasAdds, flops, params, out);
    }

    /** What a layer that could not be analyzed passes on: its channels, if declared, at unknown sizes. */
    private static TensorShape unknownOutput(LayerDecl layer, TensorShape input) {
        if (layer.spec() instanceof DenseSpec dense) {
            return TensorShape.of(Math.max(1, dense.out().value()));
        }
        ConvSpec conv = (ConvSpec) layer.spec();
        return TensorShape.unknownSizes(Math.max(1, conv.out().value()), input.rank());
    }

    private static NetworkCost total(NetworkDecl network, TensorShape input, List<LayerFigures> layers) {
        String of = " of network " + network.displayName();
        long macs = 0;
        long biasAdds = 0;
        long flops = 0;
        long params = 0;
        long activations = 0;
        for (LayerFigures layer : layers) {
            macs = Exact.add("total MACs" + of, macs, layer.macs());
            biasAdds = Exact.add("total bias additions" + of, biasAdds, layer.biasAdds());
            flops = Exact.add("total FLOPs" + of, flops, layer.flops());
            params = Exact.add("total parameters" + of, params, layer.params());
            activations = Exact.add("total activations" + of, activations, layer.activations());
        }
        return new NetworkCost(network, input, layers, macs, biasAdds, flops, params, activations);
    }
}
