package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A learned tensor that is no layer's weight, combined with the input: a class token
 * ({@code @Learned(combine = Combine.PREPEND, size = 1)} on {@code 768 x {196}} gives {@code 768 x {197}}), a
 * position embedding ({@code @Learned(combine = Combine.ADD)}, PyTorch's {@code nn.Parameter} of the input's
 * shape added to it), a layer scale ({@code @Learned(combine = Combine.MULTIPLY, size = 1)}: one factor per
 * channel). Its shape is {@code channels x size}: {@code channels} 0 means the input's, {@code size} empty the
 * input's sizes, one value applies to every size. Parameters: its elements. With {@code ADD} and
 * {@code MULTIPLY} sizes of 1 broadcast (in either operand) and {@code FLOPS} count one operation per output
 * element; with {@code PREPEND} its channels and every size but the first must be the input's, the first size
 * grows by its own, and it counts no operations.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Learned {
    /** How it is combined with the input. */
    Combine combine() default Combine.ADD;

    /** Its channels; 0 for the input's. */
    int channels() default 0;

    /** {@link #channels()} as an expression of a block's parameters. */
    String channelsExpr() default "";

    /** Its sizes: empty for the input's, one value for all of them, or one per size. */
    int[] size() default {};

    /** {@link #size()} as expressions of a block's parameters, separated by commas. */
    String sizeExpr() default "";
}
