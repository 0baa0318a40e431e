package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Upsampling by an integer {@code scale} or to a {@code size} (give one of them). {@code NEAREST} copies and
 * counts no operations; {@code BILINEAR} (linear in 1-D, trilinear in 3-D) counts {@code 2^(d+1) - 1}
 * operations per output element for {@code d} spatial dimensions (the products and sums of its {@code 2^d}
 * neighbours). No parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Upsample {
    /** Scale factor per spatial dimension. */
    int[] scale() default {};

    /** {@link #scale()} as expressions of the block's parameters. */
    String scaleExpr() default "";

    /** Output spatial size. */
    int[] size() default {};

    /** How new values are computed. */
    UpsampleMode mode() default UpsampleMode.NEAREST;
}
