package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Max pooling. Output size as a convolution's; with {@code ceilMode}, rounded up, as PyTorch does (a last
 * window that would start in the right padding is dropped). In {@code FLOPS}: one comparison per kernel tap
 * per output element. No parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MaxPool {
    /** Window size; required, here or as {@link #kernelExpr()}. */
    int[] kernel() default {};

    /** {@link #kernel()} as expressions of the block's parameters. */
    String kernelExpr() default "";

    /** Stride; the kernel size when left empty, as in PyTorch. */
    int[] stride() default {};

    /** {@link #stride()} as expressions of the block's parameters. */
    String strideExpr() default "";

    /** Padding on each side. */
    int[] padding() default 0;

    /** {@link #padding()} as expressions of the block's parameters. */
    String paddingExpr() default "";

    /** Dilation. */
    int[] dilation() default 1;

    /** Whether the output size is rounded up rather than down. */
    boolean ceilMode() default false;
}
