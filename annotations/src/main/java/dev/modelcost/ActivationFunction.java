package dev.modelcost;

/**
 * The activation functions {@link Activation} knows, each with the operations per element it counts in
 * {@code FLOPS}. The counts follow the arithmetic of each function's usual formula; a lookup table or a fused
 * kernel may do less, which is why they are kept apart from {@code MACS}.
 */
public enum ActivationFunction {
    /** {@code max(0, x)}: 1 comparison. */
    RELU(1),
    /** {@code min(max(0, x), 6)}: 2 comparisons. */
    RELU6(2),
    /** {@code x >= 0 ? x : a * x}: a comparison and a multiplication. */
    LEAKY_RELU(2),
    /** {@code x >= 0 ? x : a * (exp(x) - 1)}: comparison, exponential, subtraction, multiplication. */
    ELU(4),
    /** {@code 1 / (1 + exp(-x))}: negation, exponential, addition, division. */
    SIGMOID(4),
    /** {@code (exp(2x) - 1) / (exp(2x) + 1)}: multiplication, exponential, subtraction, addition, division. */
    TANH(5),
    /** {@code x * sigmoid(x)} (swish): the sigmoid's 4 and a multiplication. */
    SILU(5),
    /** {@code x * relu6(x + 3) / 6}: addition, 2 comparisons, multiplication, division. */
    HARDSWISH(5),
    /** {@code relu6(x + 3) / 6}: addition, 2 comparisons, division. */
    HARDSIGMOID(4),
    /**
     * The tanh approximation {@code 0.5x(1 + tanh(0.7979(x + 0.044715x^3)))}: 5 multiplications, 2 additions
     * and the tanh's 5.
     */
    GELU(12),
    /** {@code exp(x_i) / sum(exp(x))} over the channels: exponential, addition into the sum, division. */
    SOFTMAX(3);

    private final int flopsPerElement;

    ActivationFunction(int flopsPerElement) {
        this.flopsPerElement = flopsPerElement;
    }

    /** Operations per element counted in {@code FLOPS}. */
    public int flopsPerElement() {
        return flopsPerElement;
    }
}
