package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A gated recurrent unit layer on a sequence {@code d x {L}}, as PyTorch's {@code nn.GRU(d, hidden, layers,
 * bias, bidirectional=...)}: its output is {@code (dirs * hidden) x {L}}, {@code dirs} 2 when bidirectional,
 * else 1; the input must be a sequence (a vector or a map of several sizes is error MC160).
 *
 * <p>Each of the {@code layers} stacked layers, in each direction, has PyTorch's {@code weight_ih_l[k]}
 * {@code (3h x in)}, {@code weight_hh_l[k]} {@code (3h x h)} and, with {@code bias}, both {@code bias_ih_l[k]}
 * and {@code bias_hh_l[k]} {@code (3h)}: {@code 3h(in + h) + 6h} parameters, {@code 3h(in + h)} without bias,
 * where {@code h} is {@code hidden} and {@code in} is {@code d} for the first layer, {@code dirs * h} above it.
 *
 * <p>Per step, per layer and per direction: {@code 3h(in + h)} multiply-accumulates (the reset, update and new
 * gates' products of {@code x_t} and {@code h_(t-1)}); {@code 6h} bias additions with {@code bias}; and
 * {@code 19h} element-wise operations in {@code FLOPS}: the sigmoid of the reset and update gates
 * ({@code 2 * 4h}, {@link ActivationFunction#SIGMOID}'s 4 per element); PyTorch's new gate
 * {@code n = tanh(W_in x + b_in + r * (W_hn h + b_hn))}, whose two products cannot share one accumulation
 * since {@code r} scales the second: the product by {@code r} ({@code h}), the sum ({@code h}) and the tanh
 * ({@code 5h}, {@link ActivationFunction#TANH}'s 5); and {@code h_t = (1 - z) * n + z * h_(t-1)} ({@code 4h}).
 * Every figure is that of one step times {@code L}, summed over layers and directions; {@code FLOPS} adds
 * {@code 2 * MACs}, the bias additions and the element-wise operations.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface GRU {
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
}
