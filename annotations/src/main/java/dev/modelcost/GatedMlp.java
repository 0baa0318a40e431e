package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A gated MLP on the features of every position, {@code down(act(gate(x)) * up(x))}: SwiGLU (Shazeer, 2020) with
 * the default {@link ActivationFunction#SILU}, Llama's MLP. {@code gate} and {@code up} are linear layers
 * {@code d -> hidden}, {@code down} one {@code hidden -> d}, {@code d} being the input's channels; the output
 * has the input's shape. Multiply-accumulates {@code positions * 3 * d * hidden}; parameters
 * {@code 3 * d * hidden}, plus {@code 2 * hidden + d} with biases (Llama has none). {@code FLOPS}:
 * {@code 2 * MACs}, the activation's operations and the product's one per element of
 * {@code positions * hidden}, and the bias additions.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GatedMlp {
    /** Hidden features of the gate and up projections; required, here or as {@link #hiddenExpr()}. */
    int hidden() default 0;

    /** {@link #hidden()} as an expression of a block's parameters. */
    String hiddenExpr() default "";

    /** The activation applied to the gate. */
    ActivationFunction activation() default ActivationFunction.SILU;

    /** Whether the three projections add biases. */
    boolean bias() default false;
}
