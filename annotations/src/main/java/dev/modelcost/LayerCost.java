package dev.modelcost;

import java.util.Objects;

/**
 * The cost of one layer, per input sample. Generated {@code <Network>Cost} classes hold one per layer,
 * in declaration order; {@link Convention} states what each figure counts.
 */
public final class LayerCost {
    private final int index;
    private final String name;
    private final LayerKind kind;
    private final String settings;
    private final int[] inputShape;
    private final int[] outputShape;
    private final long macs;
    private final long biasAdds;
    private final long flops;
    private final long params;
    private final long activations;
    private final long activationBytes;
    private final long bytesMoved;
    private final long latencyNanos;

    /**
     * One layer's cost; {@link LayerTable} reads one per line of a generated cost class's table.
     *
     * @param index position of the layer in the network, from 0
     * @param name the field's name
     * @param kind what the layer computes
     * @param settings the layer's settings in short form, e.g. {@code "k=3 s=2 p=1 g=32"}
     * @param inputShape channels, then spatial sizes
     * @param outputShape channels, then spatial sizes
     * @param macs multiply-accumulates
     * @param biasAdds bias additions
     * @param flops floating-point operations
     * @param params weights and biases
     * @param activations output elements
     * @param activationBytes bytes of the output
     * @param bytesMoved memory access cost: inputs read, output written, weights read and, for attention, what it
     *     keeps in between, in bytes
     * @param latencyNanos roofline lower bound on its time on the declared device; -1 without a device
     */
    public LayerCost(int index, String name, LayerKind kind, String settings, int[] inputShape,
            int[] outputShape, long macs, long biasAdds, long flops, long params, long activations,
            long activationBytes, long bytesMoved, long latencyNanos) {
        this.index = index;
        this.name = Objects.requireNonNull(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.inputShape = inputShape.clone();
        this.outputShape = outputShape.clone();
        this.macs = macs;
        this.biasAdds = biasAdds;
        this.flops = flops;
        this.params = params;
        this.activations = activations;
        this.activationBytes = activationBytes;
        this.bytesMoved = bytesMoved;
        this.latencyNanos = latencyNanos;
    }

    /** Position of the layer in the network, from 0. */
    public int index() {
        return index;
    }

    /** The layer's field name. */
    public String name() {
        return name;
    }

    /**
     * The innermost stage or repetition that holds the layer, as {@link Stages#innermost} places it: {@code
     * "layer2.0"} for {@code layer2.0.conv1}; "" for a layer of the network itself. See {@link
     * ModelCost#stage(String)} for its figures.
     */
    public String stage() {
        return Stages.innermost(name);
    }

    /** How many stages and repetitions hold the layer: 2 for {@code layer2.0.conv1}, 0 outside every stage. */
    public int depth() {
        return Stages.of(name).size();
    }

    /** What the layer computes. */
    public LayerKind kind() {
        return kind;
    }

    /** The layer's settings in short form, e.g. {@code "k=3 s=2 p=1 g=32"}. */
    public String settings() {
        return settings;
    }

    /** Input shape: channels, then spatial sizes. A copy. */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Output shape: channels, then spatial sizes. A copy. */
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

    /**
     * Floating-point operations ({@link Convention#FLOPS}): {@code 2 * macs() + biasAdds()} for the layers that
     * have multiply-accumulates, plus the operations their annotation documents (attention's softmax, a recurrent
     * layer's gates); for other kinds, their own operations as their annotation documents them.
     */
    public long flops() {
        return flops;
    }

    /** Parameters, as {@link Convention#PARAMS} counts them. */
    public long params() {
        return params;
    }

    /** Output elements. */
    public long activations() {
        return activations;
    }

    /** Bytes of the output, at the network's precision. */
    public long activationBytes() {
        return activationBytes;
    }

    /** Memory access cost in bytes, as {@link Convention#BYTES_MOVED} counts it. */
    public long bytesMoved() {
        return bytesMoved;
    }

    /** Arithmetic intensity, {@link Convention#INTENSITY}: FLOPs per byte moved. */
    public double intensity() {
        return bytesMoved == 0 ? 0 : (double) flops / bytesMoved;
    }

    /**
     * Roofline lower bound on the layer's time on the declared device, {@code max(flops / peak, bytesMoved /
     * bandwidth)}, in nanoseconds rounded up; -1 without a device.
     */
    public long latencyNanos() {
        return latencyNanos;
    }

    /** E.g. {@code "stem CONV 3x224x224 -> 32x112x112"}. */
    @Override
    public String toString() {
        return name + " " + kind + " " + Shapes.format(inputShape) + " -> " + Shapes.format(outputShape);
    }
}
