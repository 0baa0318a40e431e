package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A fully connected (dense, linear) layer. Its input is flattened: {@code in = channels * prod(size)}.
 * Multiply-accumulates {@code in * out}; bias additions {@code out}; parameters {@code in * out} plus
 * {@code out} with a bias. Its output is a vector of {@code out} values.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dense {
    /** Output features; required, here or as {@link #outExpr()}. */
    int out() default 0;

    /** {@link #out()} as an expression of a block's parameters. */
    String outExpr() default "";

    /** Whether the layer adds a learned bias per output feature. */
    boolean bias() default true;
}
