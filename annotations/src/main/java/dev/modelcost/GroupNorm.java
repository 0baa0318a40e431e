package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Group normalization (Wu and He, 2018; PyTorch's {@code GroupNorm}): the channels, split into {@code value}
 * groups, are normalized by the mean and variance of each group's elements in the sample. With one group it is
 * a layer normalization over channels and positions; with as many groups as channels, an instance
 * normalization. A layer normalization over the channels alone at each position (a transformer's on a vector,
 * ConvNeXt's on a feature map) is {@link LayerNorm}, counted the same way. The groups must divide the channels.
 * 2 parameters per channel with {@code affine} (scale and shift), none without. In {@code FLOPS} it counts 5 operations per element with {@code affine} and 4 without,
 * for the statistics, the normalization, and the scale and shift: the convention of DeepSpeed's flops profiler
 * for group, layer and instance normalization. The statistics are computed at inference too, so unlike
 * {@link BatchNorm} it cannot be folded into the layer before it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GroupNorm {
    /** The number of groups; required, here or as {@link #valueExpr()}. */
    int value() default 0;

    /** {@link #value()} as an expression of the block's parameters. */
    String valueExpr() default "";

    /** Whether it has a scale and a shift per channel. */
    boolean affine() default true;
}
