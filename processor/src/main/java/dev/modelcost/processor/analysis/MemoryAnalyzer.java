package dev.modelcost.processor.analysis;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.Target;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Memory and roofline figures of an analyzed network: bytes of parameters and activations, the peak of live
 * activations over a forward pass (branches and concatenations keep tensors alive until their last reader),
 * each layer's memory access cost and, on a device, its roofline lower bound on latency.
 */
public final class MemoryAnalyzer {
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    /** The profile, or null when a figure overflows (reported). */
    public MemoryProfile profile(NetworkCost cost, Target target, Findings findings) {
        try {
            return compute(cost, target);
        } catch (OverflowException e) {
            findings.add(Diagnostic.OVERFLOW, cost.network().annotation(), e.figure(), e.terms(), e.limit());
            return null;
        }
    }

    private static MemoryProfile compute(NetworkCost cost, Target target) {
        long bytes = target.precision().bytes();
        String of = " of network " + cost.network().displayName();
        List<LayerFigures> layers = cost.layers();
        long inputElements = cost.input().elements("input elements" + of);

        List<LayerTraffic> traffic = new ArrayList<>(layers.size());
        long activationBytes = 0;
        long bytesMoved = 0;
        long latency = target.hasDevice() ? 0 : -1;
        String latencyFigure = "latency" + of;
        String activationBytesFigure = "activation bytes" + of;
        String bytesMovedFigure = "bytes moved" + of;
        for (int i = 0; i < layers.size(); i++) {
            LayerFigures layer = layers.get(i);
            String layerOf = " of layer '" + layer.layer().name() + "'";
            String layerMoved = "bytes moved" + layerOf;
            long read = 0;
            for (int input : cost.inputs().get(i)) {
                read = Exact.add(layerMoved, read, input < 0 ? inputElements : layers.get(input).activations());
            }
            long weightsRead = Exact.add(layerMoved, layer.params(), layer.sharedParams());
            long elementsMoved = Exact.add(layerMoved, Exact.add(layerMoved, read, layer.activations()), weightsRead);
            // Attention's products read activations, not weights: what it keeps in between moves too.
            elementsMoved = Exact.add(layerMoved, elementsMoved, layer.internalElements());
            long moved = Exact.multiply(layerMoved, elementsMoved, bytes);
            long outputBytes = Exact.multiply("activation bytes" + layerOf, layer.activations(), bytes);
            long nanos = -1;
            boolean computeBound = false;
            if (target.hasDevice()) {
                computeBound = computeBound(layer.flops(), moved, target);
                nanos = rooflineNanos("latency" + layerOf, layer.flops(), moved, target);
                latency = Exact.add(latencyFigure, latency, nanos);
            }
            traffic.add(new LayerTraffic(outputBytes, moved, nanos, computeBound));
            activationBytes = Exact.add(activationBytesFigure, activationBytes, outputBytes);
            bytesMoved = Exact.add(bytesMovedFigure, bytesMoved, moved);
        }
        long paramBytes = Exact.multiply("parameter bytes" + of, cost.params(), bytes);
        long peak = Exact.multiply("peak activation bytes" + of, peakElements(cost, inputElements), bytes);
        return new MemoryProfile(target, traffic, paramBytes, activationBytes, peak, bytesMoved, latency);
    }

    /** Whether {@code flops / peak >= moved / bandwidth} on the target's device. */
    static boolean computeBound(long flops, long moved, Target target) {
        BigInteger compute = BigInteger.valueOf(flops).multiply(BigInteger.valueOf(target.bytesPerSecond()));
        BigInteger memory = BigInteger.valueOf(moved).multiply(BigInteger.valueOf(target.peakFlopsPerSecond()));
        return compute.compareTo(memory) >= 0;
    }

    /** The roofline bound {@code max(flops / peak, moved / bandwidth)} on the target's device, rounded up. */
    static long rooflineNanos(String figure, long flops, long moved, Target target) {
        return computeBound(flops, moved, target)
                ? ceilNanos(figure, flops, "FLOPs", target.peakFlopsPerSecond())
                : ceilNanos(figure, moved, "bytes moved", target.bytesPerSecond());
    }

    /**
     * {@code ceil(amount / perSecond)} seconds, in nanoseconds; beyond a {@code long} (292 years) on a slow enough
     * device, an overflow of the figure.
     */
    private static long ceilNanos(String figure, long amount, String unit, long perSecond) {
        BigInteger[] division = BigInteger.valueOf(amount).multiply(NANOS_PER_SECOND)
                .divideAndRemainder(BigInteger.valueOf(perSecond));
        BigInteger nanos = division[0].add(division[1].signum() > 0 ? BigInteger.ONE : BigInteger.ZERO);
        if (nanos.bitLength() >= Long.SIZE) {
            throw new OverflowException(figure + " in nanoseconds", Numbers.grouped(amount) + " " + unit + " / "
                    + Numbers.grouped(perSecond) + " per second = " + String.format(Locale.ROOT, "%,d", nanos) + " ns",
                    Exact.LONG_LIMIT);
        }
        return nanos.longValueExact();
    }

    /**
     * The most activation elements alive at once, running the layers in declaration order: each layer's output
     * is allocated while its inputs are still held; a tensor is freed after its last reader; the network's output
     * is never freed.
     */
    static long peakElements(NetworkCost cost, long inputElements) {
        int count = cost.layers().size();
        int[] lastReader = new int[count];
        Arrays.fill(lastReader, -1);
        int inputLastReader = -1;
        for (int i = 0; i < count; i++) {
            for (int input : cost.inputs().get(i)) {
                if (input < 0) {
                    inputLastReader = i;
                } else {
                    lastReader[input] = i;
                }
            }
        }
        lastReader[count - 1] = count;
        String figure = "peak activations of network " + cost.network().displayName();
        long live = inputElements;
        long peak = live;
        for (int i = 0; i < count; i++) {
            live = Exact.add(figure, live, cost.layers().get(i).activations());
            peak = Math.max(peak, live);
            Set<Integer> read = new LinkedHashSet<>(cost.inputs().get(i));
            for (int input : read) {
                if (input < 0 ? inputLastReader == i : lastReader[input] == i) {
                    live -= input < 0 ? inputElements : cost.layers().get(input).activations();
                }
            }
            if (lastReader[i] < 0) {
                live -= cost.layers().get(i).activations(); // read by nobody: freed at once
            }
        }
        return peak;
    }
}
