package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps the channels {@code from} (inclusive) to {@code to} (exclusive) of its input, as ShuffleNet V2's
 * channel split does. No operations, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Slice {
    /** The first channel kept, from 0. */
    int from() default 0;

    /** {@link #from()} as an expression of the block's parameters. */
    String fromExpr() default "";

    /** One past the last channel kept; required, here or as {@link #toExpr()}. */
    int to() default 0;

    /** {@link #to()} as an expression of the block's parameters, e.g. {@code "in / 2"}. */
    String toExpr() default "";
}
