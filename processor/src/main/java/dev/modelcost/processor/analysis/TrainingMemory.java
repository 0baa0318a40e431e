package dev.modelcost.processor.analysis;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.Target;
import dev.modelcost.processor.model.TrainingDecl;

/**
 * The memory a training step holds, as the ZeRO paper counts it (Rajbhandari et al., 2020, section 3.1): each
 * parameter's weight, gradient, master copy and optimizer state, plus the activations the forward pass saves for
 * the backward pass; and the roofline bound on a forward pass of the batch, which reads each layer's weights once
 * and its activations once per sample.
 */
public final class TrainingMemory {

    /** The figures, or null when one overflows (reported). */
    public TrainingProfile profile(NetworkCost cost, MemoryProfile memory, TrainingDecl training,
            Findings findings) {
        try {
            return compute(cost, memory, training);
        } catch (OverflowException e) {
            findings.add(Diagnostic.OVERFLOW, cost.network().annotation(), e.figure(), e.terms(), e.limit());
            return null;
        }
    }

    /**
     * The elements of a layer that its backward pass, or a later layer's, reads from the forward pass: its output,
     * and what it keeps in between (attention's queries, keys, values, scores and heads' output, each counted
     * twice in {@link LayerFigures#internalElements()}, written and read).
     */
    static long savedElements(LayerFigures layer) {
        return Exact.add("saved activations of layer '" + layer.layer().name() + "'", layer.activations(),
                layer.internalElements() / 2);
    }

    /**
     * The parameters a training step updates: those of the layers that compute weight gradients, so not of a
     * {@code @Frozen} layer, which keeps its weights but has no gradient, master copy or optimizer state (a
     * shared matrix is frozen in both its uses or in neither, MC211).
     */
    private static long trainedParams(NetworkCost cost, String of) {
        long trained = 0;
        for (int i = 0; i < cost.layers().size(); i++) {
            if (cost.backward().layers().get(i).weightGradient()) {
                trained = Exact.add("trained parameters" + of, trained, cost.layers().get(i).params());
            }
        }
        return trained;
    }

    private static TrainingProfile compute(NetworkCost cost, MemoryProfile memory, TrainingDecl training) {
        String of = " of network " + cost.network().displayName();
        long params = cost.params(); // a tied matrix once: one gradient, one optimizer state
        long trained = trainedParams(cost, of);
        var precision = training.precision();
        long weights = Exact.multiply("training weight bytes" + of, params, precision.weightBytes());
        long gradients = Exact.multiply("gradient bytes" + of, trained, precision.weightBytes());
        long master = Exact.multiply("master weight bytes" + of, trained, precision.masterWeightBytes());
        long states = Exact.multiply("optimizer state bytes" + of, trained,
                (long) training.optimizer().statesPerParameter() * precision.stateBytes());
        String savedOf = "saved activations" + of;
        long saved = cost.input().elements("input elements" + of);
        for (LayerFigures layer : cost.layers()) {
            saved = Exact.add(savedOf, saved, savedElements(layer));
        }
        long savedBytes = Exact.multiply("saved activation bytes" + of, Exact.multiply(savedOf, saved,
                training.batch()), precision.activationBytes());
        String totalOf = "training memory bytes" + of;
        Exact.add(totalOf, Exact.add(totalOf, Exact.add(totalOf, Exact.add(totalOf, weights, gradients), master),
                states), savedBytes);
        return new TrainingProfile(training, weights, gradients, master, states, saved, savedBytes,
                batchLatency(cost, memory, training.batch()));
    }

    /**
     * Each layer's roofline over the batch: {@code batch} times its FLOPs, its weights read once and the rest of
     * its bytes moved (inputs, output, attention's intermediates) once per sample; at batch 1, the latency bound.
     */
    private static long batchLatency(NetworkCost cost, MemoryProfile memory, int batch) {
        Target target = memory.target();
        if (!target.hasDevice()) {
            return -1;
        }
        String of = " of network " + cost.network().displayName();
        long latency = 0;
        for (int i = 0; i < cost.layers().size(); i++) {
            LayerFigures layer = cost.layers().get(i);
            String layerOf = "batch latency of layer '" + layer.layer().name() + "'";
            long weightBytes = Exact.multiply(layerOf, Exact.add(layerOf, layer.params(), layer.sharedParams()),
                    target.precision().bytes());
            long perSample = memory.layers().get(i).bytesMoved() - weightBytes;
            long moved = Exact.add(layerOf, weightBytes, Exact.multiply(layerOf, perSample, batch));
            long flops = Exact.multiply(layerOf, layer.flops(), batch);
            latency = Exact.add("batch latency" + of, latency,
                    MemoryAnalyzer.rooflineNanos(layerOf, flops, moved, target));
        }
        return latency;
    }
}
