package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A long short-term memory layer on a sequence {@code d x {L}}, as PyTorch's {@code nn.LSTM(d, hidden,
 * layers, bias, bidirectional=...)}: its output is {@code (dirs * hidden) x {L}}, {@code dirs} 2 when
 * bidirectional, else 1; the input must be a sequence (a vector or a map of several sizes is error MC160).
 *
 * <p>Each of the {@code layers} stacked layers, in each direction, has PyTorch's {@code weight_ih_l[k]}
 * {@code (4h x in)}, {@code weight_hh_l[k]} {@code (4h x h)} and, with {@code bias}, both {@code bias_ih_l[k]}
 * and {@code bias_hh_l[k]} {@code (4h)}: {@code 4h(in + h) + 8h} parameters, {@code 4h(in + h)} without bias,
 * where {@code h} is {@code hidden} and {@code in} is {@code d} for the first layer, {@code dirs * h} above it.
 *
 * <p>Per step, per layer and per direction: {@code 4h(in + h)} multiply-accumulates (the four gates' products
 * of {@code x_t} and {@code h_(t-1)}, each gate's two products summed in one accumulation); {@code 8h} bias
 * additions with {@code bias}; and {@code 26h} element-wise operations in {@code FLOPS}: the sigmoid of the
 * input, forget and output gates ({@code 3 * 4h}, {@link ActivationFunction#SIGMOID}'s 4 per element), the tanh
 * of the cell gate ({@code 5h}, {@link ActivationFunction#TANH}'s 5), {@code c_t = f * c_(t-1) + i * g}
 * ({@code 3h}), {@code tanh(c_t)} ({@code 5h}) and {@code h_t = o * tanh(c_t)} ({@code h}). Every figure is
 * that of one step times {@code L}, summed over layers and directions; {@code FLOPS} adds {@code 2 * MACs},
 * the bias additions and the element-wise operations.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface LSTM {
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
