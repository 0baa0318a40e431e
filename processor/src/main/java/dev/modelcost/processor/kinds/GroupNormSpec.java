package dev.modelcost.processor.kinds;

import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerSpec;

/**
 * Group normalization.
 *
 * @param groups the number of groups, which must divide the input channels
 * @param affine whether it has a scale and a shift per channel
 */
public record GroupNormSpec(IntValue groups, boolean affine) implements LayerSpec {
}
