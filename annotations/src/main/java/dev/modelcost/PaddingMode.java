package dev.modelcost;

/** How a convolution's padding is chosen. */
public enum PaddingMode {
    /** The {@code padding} attribute gives the zeros added on each side of every spatial dimension. */
    EXPLICIT,
    /**
     * TensorFlow's {@code "SAME"}: the output size is {@code ceil(input / stride)} for a convolution and
     * {@code input * stride} for a transposed convolution; the padding needed for that is split between
     * both sides, the odd one at the end. The {@code padding} attribute must then be left out.
     */
    SAME
}
