package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An Elman recurrent layer, {@code h_t = f(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh)}, on a sequence
 * {@code d x {L}}, as PyTorch's {@code nn.RNN(d, hidden, layers, nonlinearity, bias, bidirectional=...)}: its
 * output is {@code (dirs * hidden) x {L}}, {@code dirs} 2 when bidirectional, else 1; the input must be a
 * sequence (a vector or a map of several sizes is error MC160).
 *
 * <p>Each of the {@code layers} stacked layers, in each direction, has PyTorch's {@code weight_ih_l[k]}
 * {@code (h x in)}, {@code weight_hh_l[k]} {@code (h x h)} and, with {@code bias}, both {@code bias_ih_l[k]} and
 * {@code bias_hh_l[k]} {@code (h)}: {@code h(in + h) + 2h} parameters, {@code h(in + h)} without bias, where
 * {@code h} is {@code hidden} and {@code in} is {@code d} for the first layer, {@code dirs * h} above it.
 *
 * <p>Per step, per layer and per direction: {@code h(in + h)} multiply-accumulates; {@code 2h} bias additions
 * with {@code bias}; and the nonlinearity's operations per element on the {@code h} values in {@code FLOPS}
 * ({@code 5h} for {@link ActivationFunction#TANH}, {@code h} for {@link ActivationFunction#RELU}). Every figure
 * is that of one step times {@code L}, summed over layers and directions; {@code FLOPS} adds {@code 2 * MACs},
 * the bias additions and the element-wise operations.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface RNN {
    /** Features of the hidden state ({@code hidden_size}); required, here or as {@link #hiddenExpr()}. */
    int hidden() default 0;

    /** {@link #hidden()} as an expression of a block's parameters. */
    String hiddenExpr() default "";

    /** Stacked layers ({@code num_layers}), each taking the output of the one below; at least 1. */
    int layers() default 1;

    /** Whether each layer also runs from the last step to the first, its two outputs concatenated. */
    boolean bidirectional() default false;

    /** Whether each layer has its two bias vectors, {@code b_ih} and {@code b_hh}. */
    boolean bias() default true;

    /** The function applied to each new state: {@code TANH} or {@code RELU}, the two PyTorch offers. */
    ActivationFunction nonlinearity() default ActivationFunction.TANH;
}
