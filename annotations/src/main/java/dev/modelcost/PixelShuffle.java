package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sub-pixel upsampling by {@code r}: {@code C * r^k x S1 x ... x Sk} to {@code C x r*S1 x ... x r*Sk}, PyTorch's
 * {@code nn.PixelShuffle(r)} for {@code k = 2} (ESPCN). The channels must be a multiple of {@code r^k}. No
 * operations, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface PixelShuffle {
    /** The factor {@code r} of every size; required, here or as {@link #valueExpr()}. */
    int value() default 0;

    /** {@link #value()} as an expression of the block's parameters. */
    String valueExpr() default "";
}
