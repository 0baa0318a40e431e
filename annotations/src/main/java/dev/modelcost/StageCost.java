package dev.modelcost;

import java.util.Objects;

/**
 * The cost of one stage of a network, or of one repetition of its block: the sums of the figures of the layers
 * it holds, as {@link Stages} places layers by name, with each figure's share of the network's total. A ResNet-50
 * has the stage {@code layer2} (depth 1) and, inside it, the repetitions {@code layer2.0} to {@code layer2.3}
 * (depth 2), each holding the layers {@code layer2.0.conv1}, {@code layer2.0.bn1}, ...
 *
 * <p>{@link ModelCost#stages()} lists every one and {@link ModelCost#stage(String)} finds one by name; instances
 * are immutable. The sums are exact: the figures of a network's stages plus those of its layers outside every
 * stage are the network's totals, so at one depth the shares add up to 1 with the layers outside.
 */
public final class StageCost {
    private final ModelCost network;
    private final String name;
    private final int depth;
    private final int first;
    private final int last;
    private final int layerCount;
    private final long macs;
    private final long biasAdds;
    private final long flops;
    private final long params;
    private final long activations;
    private final long activationBytes;
    private final long bytesMoved;
    private final long latencyNanos;

    /** Built by {@link StageIndex} from the running sums of one group. */
    StageCost(ModelCost network, String name, int first, int last, int layerCount, long macs, long biasAdds,
            long flops, long params, long activations, long activationBytes, long bytesMoved, long latencyNanos) {
        this.network = Objects.requireNonNull(network, "network");
        this.name = Objects.requireNonNull(name, "name");
        this.depth = Stages.depth(name);
        this.first = first;
        this.last = last;
        this.layerCount = layerCount;
        this.macs = macs;
        this.biasAdds = biasAdds;
        this.flops = flops;
        this.params = params;
        this.activations = activations;
        this.activationBytes = activationBytes;
        this.bytesMoved = bytesMoved;
        this.latencyNanos = latencyNanos;
    }

    /**
     * The group's path, the common beginning of its layers' names: {@code layer2} (a stage) or {@code layer2.0}
     * (its first repetition).
     */
    public String name() {
        return name;
    }

    /** 1 for a stage, 2 for one of its repetitions, 3 for a stage inside that block, and so on. */
    public int depth() {
        return depth;
    }

    /** Whether it is a stage (an odd depth) rather than one repetition of a stage's block (an even depth). */
    public boolean isStage() {
        return depth % 2 == 1;
    }

    /**
     * The {@link LayerCost#index() index} of its first layer. A group's layers are declared together, so they are
     * {@code network.layers().subList(first(), last() + 1)}.
     */
    public int first() {
        return first;
    }

    /** The {@link LayerCost#index() index} of its last layer, whose output is the group's output. */
    public int last() {
        return last;
    }

    /** How many layers it holds, those of the groups inside it included. */
    public int layerCount() {
        return layerCount;
    }

    /** Multiply-accumulates of its layers, as {@link Convention#MACS} counts them. */
    public long macs() {
        return macs;
    }

    /** Bias additions of its layers, as {@link Convention#BIAS_ADDS} counts them. */
    public long biasAdds() {
        return biasAdds;
    }

    /** Floating-point operations of its layers, as {@link Convention#FLOPS} counts them. */
    public long flops() {
        return flops;
    }

    /** Parameters of its layers, as {@link Convention#PARAMS} counts them. */
    public long params() {
        return params;
    }

    /** Output elements of its layers, summed, as {@link Convention#ACTIVATIONS} counts them. */
    public long activations() {
        return activations;
    }

    /** Bytes of its layers' outputs, summed, at the network's precision. */
    public long activationBytes() {
        return activationBytes;
    }

    /** Memory access cost of its layers in bytes, as {@link Convention#BYTES_MOVED} counts it. */
    public long bytesMoved() {
        return bytesMoved;
    }

    /** The sum of its layers' roofline bounds ({@link Convention#LATENCY_NANOS}); -1 without a device. */
    public long latencyNanos() {
        return latencyNanos;
    }

    /**
     * One of its figures: {@link Convention#MACS}, {@code BIAS_ADDS}, {@code FLOPS}, {@code PARAMS}, {@code
     * ACTIVATIONS}, {@code ACTIVATION_BYTES}, {@code BYTES_MOVED} or {@code LATENCY_NANOS}, the figures that are
     * sums over layers.
     *
     * @throws IllegalArgumentException for any other figure
     */
    public long figure(Convention figure) {
        return switch (figure) {
            case MACS -> macs;
            case BIAS_ADDS -> biasAdds;
            case FLOPS -> flops;
            case PARAMS -> params;
            case ACTIVATIONS -> activations;
            case ACTIVATION_BYTES -> activationBytes;
            case BYTES_MOVED -> bytesMoved;
            case LATENCY_NANOS -> latencyNanos;
            default -> throw new IllegalArgumentException(figure + " is not a sum over layers");
        };
    }

    /**
     * The figure's share of the network's total, from 0 to 1: {@code figure(f) / total}. 0 when the network's
     * total is 0; {@code NaN} for the latency without a device.
     *
     * @throws IllegalArgumentException for a figure that {@link #figure(Convention)} does not give
     */
    public double share(Convention figure) {
        long part = figure(figure);
        long whole = total(figure);
        if (part < 0 || whole < 0) {
            return Double.NaN;
        }
        return whole == 0 ? 0 : (double) part / whole;
    }

    /** Its share of the network's multiply-accumulates, from 0 to 1. */
    public double macsShare() {
        return share(Convention.MACS);
    }

    /** Its share of the network's bias additions, from 0 to 1. */
    public double biasAddsShare() {
        return share(Convention.BIAS_ADDS);
    }

    /** Its share of the network's floating-point operations, from 0 to 1. */
    public double flopsShare() {
        return share(Convention.FLOPS);
    }

    /** Its share of the network's parameters, from 0 to 1. */
    public double paramsShare() {
        return share(Convention.PARAMS);
    }

    /** Its share of the network's activations, from 0 to 1. */
    public double activationsShare() {
        return share(Convention.ACTIVATIONS);
    }

    /** Its share of the network's activation bytes, from 0 to 1. */
    public double activationBytesShare() {
        return share(Convention.ACTIVATION_BYTES);
    }

    /** Its share of the network's bytes moved, from 0 to 1. */
    public double bytesMovedShare() {
        return share(Convention.BYTES_MOVED);
    }

    /** Its share of the network's roofline latency, from 0 to 1; {@code NaN} without a device. */
    public double latencyShare() {
        return share(Convention.LATENCY_NANOS);
    }

    private long total(Convention figure) {
        return switch (figure) {
            case MACS -> network.macs();
            case BIAS_ADDS -> network.biasAdds();
            case FLOPS -> network.flops();
            case PARAMS -> network.params();
            case ACTIVATIONS -> network.activations();
            case ACTIVATION_BYTES -> network.activationBytes();
            case BYTES_MOVED -> network.bytesMoved();
            case LATENCY_NANOS -> network.latencyNanos();
            default -> throw new IllegalArgumentException(figure + " is not a sum over layers");
        };
    }

    /** E.g. {@code "layer2: layers 16 to 54 (39 layers)"}. */
    @Override
    public String toString() {
        return name + ": layers " + first + " to " + last + " (" + layerCount + " layers)";
    }
}
