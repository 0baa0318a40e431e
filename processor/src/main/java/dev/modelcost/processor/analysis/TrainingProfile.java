package dev.modelcost.processor.analysis;

import dev.modelcost.processor.model.TrainingDecl;

/**
 * A network's training memory and its forward pass over a batch (docs/FORMULAS.md#training-memory-and-the-batch).
 *
 * @param training the optimizer, precision and batch the figures are for
 * @param weightBytes parameters x the precision's weight bytes
 * @param gradientBytes parameters x the precision's weight bytes: one gradient per parameter
 * @param masterWeightBytes parameters x 4 in mixed precision (the FP32 copy the optimizer updates), else 0
 * @param optimizerStateBytes parameters x the optimizer's states x the precision's state bytes
 * @param savedActivationElements per sample: the network's input, every layer's output and what attention keeps
 *     in between
 * @param savedActivationBytes {@code savedActivationElements} x the batch x the precision's activation bytes
 * @param batchLatencyNanos the roofline bound on a forward pass of the batch, each layer's weights read once;
 *     -1 without a device
 */
public record TrainingProfile(TrainingDecl training, long weightBytes, long gradientBytes, long masterWeightBytes,
        long optimizerStateBytes, long savedActivationElements, long savedActivationBytes, long batchLatencyNanos) {

    /** Every byte a training step holds: the parameters' four parts and the saved activations. */
    public long trainingMemoryBytes() {
        // Each part is at most the sum, which the analyzer checked fits a long.
        return weightBytes + gradientBytes + masterWeightBytes + optimizerStateBytes + savedActivationBytes;
    }

    /** {@code batchLatencyNanos / batch}, rounded up; -1 without a device. */
    public long batchLatencyPerSampleNanos() {
        if (batchLatencyNanos < 0) {
            return -1;
        }
        long batch = training.batch();
        return batchLatencyNanos / batch + (batchLatencyNanos % batch == 0 ? 0 : 1);
    }

    /** A layer's share: its parameters' bytes and its own saved activations over the batch. */
    public long layerBytes(LayerFigures layer) {
        String figure = "training memory bytes of layer '" + layer.layer().name() + "'";
        long saved = Exact.multiply(figure, Exact.multiply(figure, TrainingMemory.savedElements(layer),
                training.batch()), training.precision().activationBytes());
        return Exact.add(figure, Exact.multiply(figure, layer.params(), training.bytesPerParameter()), saved);
    }
}
