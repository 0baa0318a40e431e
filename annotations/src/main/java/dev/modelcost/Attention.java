package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Multi-head attention on a sequence {@code d x {L}} (Vaswani et al. 2017): queries from its input, keys and
 * values from its input (self-attention) or from the layer {@link #keys()} names (cross-attention, a sequence
 * {@code dkv x {M}}). With {@code H} heads, {@code Hkv} key/value heads and head size {@code hs}:
 *
 * <ul>
 *   <li>projections: Q {@code L * d * (H*hs)}, K and V {@code M * dkv * (Hkv*hs)} each, out
 *       {@code L * (H*hs) * d} multiply-accumulates; parameters {@code d*H*hs + 2*dkv*Hkv*hs + H*hs*d}, plus
 *       {@code H*hs + 2*Hkv*hs + d} with a bias: PyTorch's {@code nn.MultiheadAttention(d, H)} has
 *       {@code 3d^2 + 3d} in-projection and {@code d^2 + d} out-projection parameters;
 *   <li>products: {@code Q K^T} and {@code A V}, {@code H * L * M * hs} multiply-accumulates each, in
 *       {@code MACS} as torchvision's published ViT figures count them;
 *   <li>per score ({@code H * L * M} of them): 1 operation for the scaling by {@code 1/sqrt(hs)} and 3 for the
 *       softmax, in {@code FLOPS}; 1 more with a relative position bias;
 *   <li>rotary position embedding on Q and K: 3 operations per rotated element (two products and a sum).
 * </ul>
 *
 * <p>A {@link #causal()} mask does not change the count (PyTorch's {@code FlopCounterMode} and torchvision count
 * the full products); the settings give, beside it, the products' multiply-accumulates over the pairs the mask
 * keeps ({@code L(L+1)/2} when {@code L = M}). With a {@link #window()} the input is a feature map
 * {@code C x S1 x ... x Sk} and attention runs within each window of {@code N = prod(window)} tokens: products
 * {@code windows * H * N * N * hs} each (Swin's W-MSA; a {@link #shift()} counts the same). The output has the
 * input's shape. PyTorch: {@code nn.MultiheadAttention}, {@code F.scaled_dot_product_attention} between
 * {@code nn.Linear} projections, torchvision's {@code ShiftedWindowAttention}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Attention {
    /** Query heads {@code H}; required, here or as {@link #headsExpr()}. */
    int heads() default 0;

    /** {@link #heads()} as an expression of a block's parameters. */
    String headsExpr() default "";

    /**
     * Key/value heads {@code Hkv}, which must divide the heads: 0 (the default) as many as {@link #heads()},
     * 1 multi-query attention, in between grouped-query attention.
     */
    int kvHeads() default 0;

    /** Features per head {@code hs}; 0 (the default) is {@code d / heads}, and then the heads must divide {@code d}. */
    int headSize() default 0;

    /**
     * Whether each query sees only the keys up to its own position. Counted in full, as PyTorch counts it; the
     * masked count is in the settings.
     */
    boolean causal() default false;

    /**
     * Whether it has its Q, K, V and output projections. Without, its input already is Q = K = V (its channels
     * must be {@code H * hs}) and its output the heads' concatenated values.
     */
    boolean projections() default true;

    /** Whether the projections have biases. */
    boolean bias() default true;

    /** The layer whose output gives the keys and values (cross-attention); "" (the default) is self-attention. */
    String keys() default "";

    /**
     * Dimensions of each head rotated by a rotary position embedding on Q and K: even, at most the head size; 0 (the
     * default) none.
     */
    int rotary() default 0;

    /**
     * The window of attention on a feature map, e.g. {@code {7, 7}}: one value for every spatial dimension, or one
     * each; {} (the default) is global attention on a sequence.
     */
    int[] window() default {};

    /** Shift of the windows (shifted windows); its mask adds no products, so it counts as the unshifted windows. */
    int[] shift() default {};

    /**
     * Whether a learned relative position bias is added to the scores within a window: a table of
     * {@code (2w1-1)(2w2-1)... x heads} parameters, one addition per score.
     */
    boolean relativePositionBias() default false;
}
