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
    /** Output channels. */
    int out();

    /** Kernel size. */
    int[] kernel();

    /** Stride. */
    int[] stride() default 1;

    /** Zeros removed from each side of the output ({@link PaddingMode#EXPLICIT} only). */
    int[] padding() default 0;

    /** Dilation: the spacing between kernel taps. */
    int[] dilation() default 1;

    /** Extra size added to one side of the output; must be smaller than the stride or the dilation. */
    int[] outputPadding() default 0;

    /** Whether the layer adds a learned bias per output channel. */
    boolean bias() default true;

    /** Explicit padding, or "same" (output size = input size times stride). */
    PaddingMode paddingMode() default PaddingMode.EXPLICIT;
}
