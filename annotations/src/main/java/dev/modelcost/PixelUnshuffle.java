package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The inverse of {@link PixelShuffle}: {@code C x r*S1 x ... x r*Sk} to {@code C * r^k x S1 x ... x Sk}, PyTorch's
 * {@code nn.PixelUnshuffle(r)} for {@code k = 2}. Every size must be a multiple of {@code r}. No operations, no
 * parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface PixelUnshuffle {
    /** The factor {@code r} every size is divided by; required, here or as {@link #valueExpr()}. */
    int value() default 0;

    /** {@link #value()} as an expression of the block's parameters. */
    String valueExpr() default "";
}
