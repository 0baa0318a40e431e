package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A transposed convolution ("deconvolution"), the backward pass of a convolution used as a forward layer.
 * Grouped with {@link Grouped}.
 *
 * <p>Output size per dimension: {@code (S - 1)s - 2p + d(k - 1) + outputPadding + 1}. Multiply-accumulates:
 * {@code in * prod(S) * (out / groups) * prod(k)} over the <em>input</em> size; bias additions
 * {@code out * prod(O)} over the <em>output</em> size; parameters {@code in * (out / groups) * prod(k)}
 * plus {@code out} with a bias.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Deconv {
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

    /** Zeros removed from each side of the output ({@link PaddingMode#EXPLICIT} only). */
    int[] padding() default 0;

    /** {@link #padding()} as an expression of a block's parameters; per-dimension values separated by commas. */
    String paddingExpr() default "";

    /** Dilation: the spacing between kernel taps. */
    int[] dilation() default 1;

    /** {@link #dilation()} as an expression of a block's parameters; per-dimension values separated by commas. */
    String dilationExpr() default "";

    /** Extra size added to one side of the output; must be smaller than the stride or the dilation. */
    int[] outputPadding() default 0;

    /** {@link #outputPadding()} as an expression of a block's parameters; per-dimension values separated by commas. */
    String outputPaddingExpr() default "";

    /** Whether the layer adds a learned bias per output channel. */
    boolean bias() default true;

    /** Explicit padding, or "same" (output size = input size times stride). */
    PaddingMode paddingMode() default PaddingMode.EXPLICIT;
}
