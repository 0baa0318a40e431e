package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Layer normalization over the channels at every position (Ba, Kiros and Hinton, 2016): each position's
 * {@code C} values are normalized by their own mean and variance, as PyTorch's {@code LayerNorm(C)} does on a
 * vector or on a channels-last feature map, and torchvision's {@code LayerNorm2d} (ConvNeXt) on a channels-first
 * one. Not {@code GroupNorm(1, C)}, which normalizes over the channels and the positions together (write
 * {@code @GroupNorm(1)} for that). 2 parameters per channel with {@code affine} (PyTorch's
 * {@code elementwise_affine}: a scale and a shift of shape {@code C}), none without. In {@code FLOPS} it counts
 * as {@link GroupNorm} does: 5 operations per element with {@code affine}, 4 without.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LayerNorm {
    /** Whether it has a scale and a shift per channel. */
    boolean affine() default true;
}
