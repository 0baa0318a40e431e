package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Root mean square normalization over the channels at every position (Zhang and Sennrich, 2019; PyTorch's
 * {@code nn.RMSNorm(C)}, Llama's {@code RMSNorm}): each position's {@code C} values are divided by their root mean
 * square, without subtracting a mean, then scaled by a gain per channel with {@code affine}. Parameters
 * {@code C} with {@code affine} (the gain; there is no shift), none without. In {@code FLOPS} it counts as
 * {@link LayerNorm} does, less the mean: 3 operations per element (square, sum, scale by the reciprocal root)
 * and 1 more for the gain, 4 with {@code affine}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RMSNorm {
    /** Whether it has a gain per channel. */
    boolean affine() default true;
}
