package dev.modelcost.processor.analysis;

import dev.modelcost.processor.model.Target;
import java.util.List;

/**
 * A network's memory figures at a precision, and its roofline on a device when one is declared.
 *
 * @param target the precision and device
 * @param layers each layer's traffic, in declaration order
 * @param paramBytes bytes of all parameters
 * @param activationBytes bytes of every layer's output, summed
 * @param peakActivationBytes the most activation bytes held at once in a forward pass in declaration order:
 *     the input, every output still to be read by a later layer, and the output being written
 * @param bytesMoved every layer's memory access cost, summed
 * @param latencyNanos every layer's roofline bound, summed; -1 without a device
 * @param training the training memory and batch figures, or null before they are computed
 */
public record MemoryProfile(Target target, List<LayerTraffic> layers, long paramBytes, long activationBytes,
        long peakActivationBytes, long bytesMoved, long latencyNanos, TrainingProfile training) {

    public MemoryProfile {
        layers = List.copyOf(layers);
    }

    /** The forward pass's figures, before training's are computed. */
    public MemoryProfile(Target target, List<LayerTraffic> layers, long paramBytes, long activationBytes,
            long peakActivationBytes, long bytesMoved, long latencyNanos) {
        this(target, layers, paramBytes, activationBytes, peakActivationBytes, bytesMoved, latencyNanos, null);
    }

    /** These figures with training's. */
    public MemoryProfile withTraining(TrainingProfile figures) {
        return new MemoryProfile(target, layers, paramBytes, activationBytes, peakActivationBytes, bytesMoved,
                latencyNanos, figures);
    }

    /** Parameter bytes plus peak activation bytes: what a forward pass needs in memory at once. */
    public long memoryBytes() {
        return paramBytes + peakActivationBytes;
    }
}
