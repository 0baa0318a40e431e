package dev.modelcost.processor.kinds;

import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerSpec;

/** Pooling over every spatial position, or PyTorch's adaptive pooling to a size. */
public sealed interface GlobalPoolSpec extends LayerSpec {

    /** Whether it takes the maximum (else the mean). */
    boolean max();

    /**
     * Pooling over every spatial position to one value per channel.
     *
     * @param max whether it takes the maximum (else the mean)
     */
    record Global(boolean max) implements GlobalPoolSpec {
    }

    /**
     * PyTorch's adaptive pooling.
     *
     * @param max whether it takes the maximum (else the mean)
     * @param size the output size
     */
    record Adaptive(boolean max, IntsValue size) implements GlobalPoolSpec {
    }
}
