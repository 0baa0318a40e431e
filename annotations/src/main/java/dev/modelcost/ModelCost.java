package dev.modelcost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The cost of a whole network, per input sample (batch size 1), with its per-layer breakdown. Each generated
 * {@code <Network>Cost} class exposes one as {@code MODEL}.
 *
 * <p>The totals are the sums over the layers. What each figure counts is stated once, by {@link Convention}, in
 * the words every report states too: {@code Convention.MACS.text()}, for example. {@link #stages()} gives the
 * same sums per stage and per repetition of a block, each with its share of these totals.
 */
public final class ModelCost {
    private final String name;
    private final int[] inputShape;
    private final int[] outputShape;
    private final long macs;
    private final long biasAdds;
    private final long flops;
    private final long params;
    private final long activations;
    private final String precision;
    private final long paramBytes;
    private final long activationBytes;
    private final long peakActivationBytes;
    private final long bytesMoved;
    private final long latencyNanos;
    private final List<LayerCost> layers;
    /** Summed from the layers on first use; a race computes the same immutable index twice at worst. */
    private volatile StageIndex stages;

    /**
     * A network's cost; generated code has {@link LayerTable#model} read one from text.
     *
     * @param name the network's name
     * @param inputShape channels, then spatial sizes
     * @param outputShape channels, then spatial sizes
     * @param macs multiply-accumulates
     * @param biasAdds bias additions
     * @param flops floating-point operations
     * @param params weights and biases
     * @param activations output elements of all layers
     * @param precision the numeric type the byte figures are for, e.g. {@code "FP32"}
     * @param paramBytes bytes of the parameters
     * @param activationBytes bytes of every layer's output, summed
     * @param peakActivationBytes most activation bytes alive at once in a forward pass
     * @param bytesMoved memory access cost of all layers, in bytes
     * @param latencyNanos roofline lower bound on the network's time; -1 without a device
     * @param layers every layer, in declaration order
     */
    public ModelCost(String name, int[] inputShape, int[] outputShape, long macs, long biasAdds, long flops,
            long params, long activations, String precision, long paramBytes, long activationBytes,
            long peakActivationBytes, long bytesMoved, long latencyNanos, List<LayerCost> layers) {
        this.name = Objects.requireNonNull(name, "name");
        this.inputShape = inputShape.clone();
        this.outputShape = outputShape.clone();
        this.macs = macs;
        this.biasAdds = biasAdds;
        this.flops = flops;
        this.params = params;
        this.activations = activations;
        this.precision = Objects.requireNonNull(precision, "precision");
        this.paramBytes = paramBytes;
        this.activationBytes = activationBytes;
        this.peakActivationBytes = peakActivationBytes;
        this.bytesMoved = bytesMoved;
        this.latencyNanos = latencyNanos;
        this.layers = Collections.unmodifiableList(new ArrayList<>(layers));
    }

    /** The network's name. */
    public String name() {
        return name;
    }

    /** Input shape: channels, then spatial sizes. A copy. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Output shape of the last layer: channels, then spatial sizes. A copy. */
    public int[] outputShape() {
        return outputShape.clone();
    }

    /** Multiply-accumulates, as {@link Convention#MACS} counts them. */
    public long macs() {
        return macs;
    }

    /** Bias additions, as {@link Convention#BIAS_ADDS} counts them. */
    public long biasAdds() {
        return biasAdds;
    }

    /** Floating-point operations, as {@link Convention#FLOPS} counts them. */
    public long flops() {
        return flops;
    }

    /** Parameters, as {@link Convention#PARAMS} counts them. */
    public long params() {
        return params;
    }

    /** Output elements of all layers, summed, as {@link Convention#ACTIVATIONS} counts them. */
    public long activations() {
        return activations;
    }

    /** The numeric type the byte figures are for, e.g. {@code "FP32"}. */
    public String precision() {
        return precision;
    }

    /** Bytes of the parameters. */
    public long paramBytes() {
        return paramBytes;
    }

    /** Bytes of every layer's output, summed. */
    public long activationBytes() {
        return activationBytes;
    }

    /**
     * The most activation bytes alive at once in a forward pass ({@link Convention#PEAK_ACTIVATION_BYTES}): the
     * input, every output still to be read by a later layer, and the output being written.
     */
    public long peakActivationBytes() {
        return peakActivationBytes;
    }

    /** Parameter bytes plus peak activation bytes: what a forward pass holds in memory at once. */
    public long memoryBytes() {
        return paramBytes + peakActivationBytes;
    }

    /** Memory access cost of all layers in bytes, as {@link Convention#BYTES_MOVED} counts it. */
    public long bytesMoved() {
        return bytesMoved;
    }

    /** Roofline lower bound on the time on the declared device ({@link Convention#LATENCY_NANOS}); -1 without one. */
    public long latencyNanos() {
        return latencyNanos;
    }

    /** Every layer, in declaration order; unmodifiable. */
    public List<LayerCost> layers() {
        return layers;
    }

    /** The layer with this field name. */
    public LayerCost layer(String layerName) {
        for (LayerCost layer : layers) {
            if (layer.name().equals(layerName)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("no layer named '" + layerName + "' in " + name);
    }

    /**
     * Every stage and every repetition of a block, each followed by the groups inside it, in the order of their
     * layers: for ResNet-50, {@code layer1}, {@code layer1.0}, {@code layer1.1}, {@code layer1.2}, {@code layer2},
     * ... Empty for a network without {@link Stage}s. Unmodifiable; summed from {@link #layers()} on the first call
     * of this or another stage method, in time linear in the layers.
     */
    public List<StageCost> stages() {
        return stageIndex().all();
    }

    /**
     * The groups at one depth, in the order of their layers: {@code stages(1)} the stages, {@code stages(2)} the
     * repetitions of their blocks. Together with the layers outside them (those whose {@link LayerCost#depth()}
     * is less than {@code depth}), the stages at depth 1 cover every layer once.
     *
     * @throws IllegalArgumentException if {@code depth} is less than 1
     */
    public List<StageCost> stages(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("a stage's depth is at least 1, not " + depth);
        }
        List<StageCost> atDepth = new ArrayList<>();
        for (StageCost stage : stageIndex().all()) {
            if (stage.depth() == depth) {
                atDepth.add(stage);
            }
        }
        return Collections.unmodifiableList(atDepth);
    }

    /**
     * The stage or repetition of this name, e.g. {@code "layer2"} or {@code "layer2.0"}.
     *
     * @throws IllegalArgumentException if no layer's name places it in such a group
     */
    public StageCost stage(String stageName) {
        StageCost stage = stageIndex().get(stageName);
        if (stage == null) {
            throw new IllegalArgumentException("no stage or repetition named '" + stageName + "' in " + name);
        }
        return stage;
    }

    private StageIndex stageIndex() {
        StageIndex index = stages;
        if (index == null) {
            index = StageIndex.of(this);
            stages = index;
        }
        return index;
    }

    /** Input shape as text, e.g. {@code "3x224x224"}. */
    public String inputShapeText() {
        return Shapes.format(inputShape);
    }

    /** Output shape as text, e.g. {@code "10"}. */
    public String outputShapeText() {
        return Shapes.format(outputShape);
    }

    @Override
    public String toString() {
        return name + " " + inputShapeText() + " -> " + outputShapeText() + ", " + layers.size() + " layers";
    }
}
