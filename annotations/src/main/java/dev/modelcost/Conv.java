package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A convolution layer (1-, 2- or 3-D, following the network's input). Grouped or depthwise with
 * {@link Grouped}.
 *
 * <p>Each {@code int[]} attribute takes either one value for every spatial dimension ({@code kernel = 3})
 * or one value per dimension ({@code kernel = {1, 7}}).
 *
 * <p>Output size per dimension: {@code floor((S + 2p - d(k - 1) - 1) / s) + 1}. Multiply-accumulates:
 * {@code out * prod(O) * (in / groups) * prod(k)}; bias additions {@code out * prod(O)}; parameters
 * {@code out * (in / groups) * prod(k)} plus {@code out} with a bias.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Conv {
    /** Output channels; required, here or as {@link #outExpr()}. */
    int out() default 0;

    /** {@link #out()} as an expression of a block's parameters. */
    String outExpr() default "";

    /** Kernel size; required, here or as {@link #kernelExpr()}. */
    int[] kernel() default {};

    /** {@link #kernel()} as an expression of a block's parameters; per-dimension values separated by commas. */
    String kernelExpr() default "";

    /** Stride. */
    int[] stride() default 1;

    /** {@link #stride()} as an expression of a block's parameters; per-dimension values separated by commas. */
    String strideExpr() default "";

    /** Zeros added on each side ({@link PaddingMode#EXPLICIT} only). */
    int[] padding() default 0;

    /** {@link #padding()} as an expression of a block's parameters; per-dimension values separated by commas. */
    String paddingExpr() default "";

    /** Dilation: the spacing between kernel taps. */
    int[] dilation() default 1;

    /** {@link #dilation()} as an expression of a block's parameters; per-dimension values separated by commas. */
    String dilationExpr() default "";

    /** Whether the layer adds a learned bias per output channel. */
    boolean bias() default true;

    /** Explicit padding, or TensorFlow's "same". */
    PaddingMode paddingMode() default PaddingMode.EXPLICIT;
}
