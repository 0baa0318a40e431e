package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A sequence {@code d x {L}} back to the feature map {@code d x size}: {@code @ToMap(size = {14, 14})} on
 * {@code 768 x {196}} gives {@code 768 x 14 x 14}, PyTorch's {@code x.transpose(1, 2).reshape(n, d, 14, 14)}. The
 * sizes' product must be {@code L}. No operations, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface ToMap {
    /** The map's sizes, outermost first, whose product is the number of tokens; required, or {@link #sizeExpr()}. */
    int[] size() default {};

    /** {@link #size()} as expressions of the block's parameters, e.g. {@code "res, res"}. */
    String sizeExpr() default "";
}
