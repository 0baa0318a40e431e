package dev.modelcost.processor.kinds;

import dev.modelcost.processor.model.LayerSpec;

/**
 * The settings of a normalization over the channels at every position ({@code @LayerNorm}, {@code @RMSNorm}).
 *
 * @param affine whether it has a learned scale (and, for a layer norm, a shift) per channel
 */
record AffineSpec(boolean affine) implements LayerSpec {
}
