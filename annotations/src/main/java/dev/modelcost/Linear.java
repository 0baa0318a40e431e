package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A linear layer on the features of every position, as PyTorch's {@code nn.Linear(in, out)} acts on the last
 * dimension: on a sequence {@code d x {L}} once per token, on a feature map once per position, on a vector as
 * {@link Dense} (which, unlike this layer, flattens). {@code in} is the input's channels. Multiply-accumulates
 * {@code positions * in * out}; bias additions {@code positions * out}; parameters {@code in * out} plus
 * {@code out} with a bias. The output is {@code out x sizes}.
 *
 * <p>{@link #tiedTo()} names an earlier {@link Embedding} or {@code Linear} layer of the same network (or of the
 * same block) whose weight matrix this one shares, as GPT-2's output projection shares the token embedding
 * {@code wte}: the matrix ({@code vocabulary x dim} of an embedding, {@code out x in} of a linear layer) must be
 * this layer's {@code out x in}. Its elements are then counted once, in the owner's parameters, as PyTorch's
 * {@code parameters()} yields a shared tensor once; this layer's multiply-accumulates, its bias and the bytes it
 * reads still count.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Linear {
    /** Output features; required, here or as {@link #outExpr()}. */
    int out() default 0;

    /** {@link #out()} as an expression of a block's parameters. */
    String outExpr() default "";

    /** Whether the layer adds a learned bias per output feature. */
    boolean bias() default true;

    /** The earlier layer whose weight matrix this one shares; empty for a matrix of its own. */
    String tiedTo() default "";
}
