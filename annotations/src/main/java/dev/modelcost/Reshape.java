package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Its input, of any shape, as {@code channels x size} of as many elements (PyTorch's {@code reshape} of one
 * sample, channels first). One entry, {@code channels} or a size, may be {@code -1}: it is inferred from the
 * others, as in PyTorch. {@code size = {}} (the default) gives a vector. No operations, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Reshape {
    /** The output's channels, or {@code -1} to infer them; required, here or as {@link #channelsExpr()}. */
    int channels() default 0;

    /** {@link #channels()} as an expression of the block's parameters. */
    String channelsExpr() default "";

    /** The output's sizes, outermost first; one of them (or {@link #channels()}) may be {@code -1}. */
    int[] size() default {};

    /** {@link #size()} as expressions of the block's parameters. */
    String sizeExpr() default "";
}
