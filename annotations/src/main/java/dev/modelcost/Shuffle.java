package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * ShuffleNet's channel shuffle: the channels, seen as {@code groups} rows, are transposed. The channels must be
 * a multiple of {@code groups}. No operations, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Shuffle {
    /** The number of groups; required, here or as {@link #valueExpr()}. */
    int value() default 0;

    /** {@link #value()} as an expression of the block's parameters. */
    String valueExpr() default "";
}
