package dev.modelcost.processor.kinds;

import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerSpec;

/**
 * A max or average pooling window, as written.
 *
 * @param max whether it takes the maximum (else the mean)
 * @param kernel window size
 * @param stride stride; null when left empty (then the kernel size)
 * @param padding padding on each side
 * @param dilation dilation (all 1 for average pooling)
 * @param ceilMode whether the output size rounds up
 */
public record PoolSpec(boolean max, IntsValue kernel, IntsValue stride, IntsValue padding, IntsValue dilation,
        boolean ceilMode) implements LayerSpec {
}
