package dev.modelcost.processor.analysis;

import dev.modelcost.LayerKind;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.ChannelSpec;
import dev.modelcost.processor.model.ConvSpec;
import dev.modelcost.processor.model.DenseSpec;
import dev.modelcost.processor.model.GlobalPoolSpec;
import dev.modelcost.processor.model.GroupNormSpec;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import dev.modelcost.processor.model.MergeSpec;
import dev.modelcost.processor.model.NormSpec;
import dev.modelcost.processor.model.PointwiseSpec;
import dev.modelcost.processor.model.PoolSpec;
import dev.modelcost.processor.model.UpsampleSpec;
import dev.modelcost.processor.read.NetworkDecl;
import java.util.List;

/**
 * Computes the shape and cost of one concrete layer from the shapes of its inputs, by the rule of its kind,
 * and the totals of a network from its layers. A figure that overflows is reported, never wrapped.
 */
public final class CostAnalyzer {
    private final ConvolutionAnalyzer convolutions = new ConvolutionAnalyzer();
    private final PoolingAnalyzer pooling = new PoolingAnalyzer();
    private final ElementwiseAnalyzer elementwise = new ElementwiseAnalyzer();
    private final UpsampleAnalyzer upsampling = new UpsampleAnalyzer();
    private final TopologyAnalyzer topology = new TopologyAnalyzer();

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
     * The layer's figures, or null when it has a problem (reported to {@code findings}).
     *
     * @param inputs the shapes of its inputs; after a layer with a problem, their sizes may be unknown, and then
     *     only what does not depend on them is checked
     * @param flattenedBy the layer that removed the spatial dimensions of its (first) input, or null
     */
    public LayerFigures analyze(LayerDecl layer, List<TensorShape> inputs, String flattenedBy, Findings findings) {
        try {
            return rule(layer, inputs, flattenedBy, findings);
        } catch (OverflowException e) {
            findings.add(Diagnostic.OVERFLOW, layer.annotation(), e.figure(), e.terms(), e.limit());
            return null;
        }
    }

    private LayerFigures rule(LayerDecl layer, List<TensorShape> inputs, String flattenedBy, Findings findings) {
        LayerSpec spec = layer.spec();
        TensorShape input = inputs.get(0);
        if (spec instanceof ConvSpec conv) {
            return convolutions.analyze(layer, conv, input, flattenedBy, findings);
        }
        String spatial = spatialKind(spec);
        if (spatial != null && input.rank() == 0) {
            // Windows, adaptive sizes and scales are per spatial dimension; a vector has none.
            Dimensions.reportNoSpatialInput(layer, spatial, "remove it", input, flattenedBy, findings);
            return null;
        } else if (!inputs.stream().allMatch(TensorShape::sizesKnown)) {
            return null;
        } else if (spec instanceof DenseSpec dense) {
            return dense(layer, dense, input);
        } else if (spec instanceof PoolSpec pool) {
            return pooling.pool(layer, pool, input, findings);
        } else if (spec instanceof GlobalPoolSpec pool) {
            return pooling.global(layer, pool, input, findings);
        } else if (spec instanceof NormSpec norm) {
            return elementwise.norm(layer, norm, input);
        } else if (spec instanceof GroupNormSpec norm) {
            return elementwise.groupNorm(layer, norm, input, findings);
        } else if (spec instanceof PointwiseSpec pointwise) {
            return elementwise.pointwise(layer, pointwise, input);
        } else if (spec instanceof UpsampleSpec upsample) {
            return upsampling.upsample(layer, upsample, input, findings);
        } else if (spec instanceof MergeSpec merge) {
            return topology.merge(layer, merge, inputs, findings);
        }
        return topology.channels(layer, (ChannelSpec) spec, input, findings);
    }

    /** What a layer that needs spatial dimensions is, for messages; null for one that does not. */
    private static String spatialKind(LayerSpec spec) {
        if (spec instanceof PoolSpec || spec instanceof GlobalPoolSpec pool && pool.adaptiveSize() == null) {
            return "a pooling layer";
        } else if (spec instanceof GlobalPoolSpec) {
            return "an adaptive pooling layer";
        } else if (spec instanceof UpsampleSpec) {
            return "an upsampling layer";
        }
        return null;
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

    /**
     * What a layer that could not be analyzed passes on, so that later layers can still be checked as far as
     * it is known: the channels it declares (else its input's) at unknown sizes, of the rank it produces.
     */
    public TensorShape unknownOutput(LayerDecl layer, List<TensorShape> inputs) {
        TensorShape input = inputs.get(0);
        LayerSpec spec = layer == null ? null : layer.spec();
        if (spec instanceof DenseSpec dense) {
            return TensorShape.of(Math.max(1, dense.out().value()));
        }
        if (spec instanceof ChannelSpec && layer.kind() == LayerKind.FLATTEN) {
            return TensorShape.unknownSizes(1, 0);
        }
        long channels = spec instanceof ConvSpec conv ? Math.max(1, conv.out().value()) : input.channels();
        return TensorShape.unknownSizes(channels, input.rank());
    }

    /**
     * The totals, or null when one overflows (reported).
     *
     * @param output the network's output: its last field's
     * @param inputs for each layer, the indices of the layers it takes (-1: the network's input)
     */
    public NetworkCost total(NetworkDecl network, TensorShape input, TensorShape output, List<LayerFigures> layers,
            List<List<Integer>> inputs, Findings findings) {
        String of = " of network " + network.displayName();
        long macs = 0;
        long biasAdds = 0;
        long flops = 0;
        long params = 0;
        long activations = 0;
        try {
            for (LayerFigures layer : layers) {
                macs = Exact.add("total MACs" + of, macs, layer.macs());
                biasAdds = Exact.add("total bias additions" + of, biasAdds, layer.biasAdds());
                flops = Exact.add("total FLOPs" + of, flops, layer.flops());
                params = Exact.add("total parameters" + of, params, layer.params());
                activations = Exact.add("total activations" + of, activations, layer.activations());
            }
        } catch (OverflowException e) {
            findings.add(Diagnostic.OVERFLOW, network.annotation(), e.figure(), e.terms(), e.limit());
            return null;
        }
        return new NetworkCost(network, input, output, layers, inputs, macs, biasAdds, flops, params, activations);
    }
}
