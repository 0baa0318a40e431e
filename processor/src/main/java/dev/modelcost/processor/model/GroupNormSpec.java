package dev.modelcost.processor.model;

/**
 * Group normalization.
 *
 * @param groups the number of groups, which must divide the input channels
 * @param affine whether it has a scale and a shift per channel
 */
public record GroupNormSpec(IntValue groups, boolean affine) implements LayerSpec {
}
