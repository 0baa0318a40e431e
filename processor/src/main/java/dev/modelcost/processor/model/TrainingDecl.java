package dev.modelcost.processor.model;

import dev.modelcost.Optimizer;
import dev.modelcost.TrainingPrecision;

/**
 * How a network is trained, from its {@code @Training} or the defaults.
 *
 * @param optimizer the optimizer, which decides the state per parameter
 * @param precision the numeric types of weights, gradients, master weights, state and activations
 * @param batch samples per batch, at least 1
 */
public record TrainingDecl(Optimizer optimizer, TrainingPrecision precision, int batch) {

    /**
     * Bytes each parameter holds in training: its weight, its gradient, its master copy and its optimizer state
     * (docs/FORMULAS.md#training-memory-and-the-batch).
     */
    public int bytesPerParameter() {
        return 2 * precision.weightBytes() + precision.masterWeightBytes()
                + optimizer.statesPerParameter() * precision.stateBytes();
    }
}
