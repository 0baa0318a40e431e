package dev.modelcost.processor.model;

/**
 * Upsampling by a scale or to a size (one of them is null).
 *
 * @param scale scale factor per spatial dimension, or null
 * @param size output size, or null
 * @param bilinear whether values are interpolated (else copied from the nearest)
 */
public record UpsampleSpec(IntsValue scale, IntsValue size, boolean bilinear) implements LayerSpec {
}
