package dev.modelcost.processor.kinds;

import dev.modelcost.ActivationFunction;

/**
 * The arithmetic of one recurrent cell per hidden unit and step, in PyTorch's convention: how many gates it
 * computes (each a row of {@code weight_ih} and of {@code weight_hh}, and one value of each of its two bias
 * vectors) and how many element-wise operations it spends on top of those products and biases.
 *
 * @param gates the gate blocks of its weights: 4 for an LSTM, 3 for a GRU, 1 for an Elman cell
 * @param operationsPerUnit its element-wise operations per hidden unit and step, counted in FLOPs
 * @param nonlinearity the function of an Elman cell, or null for a gated cell
 */
record RecurrentCell(int gates, int operationsPerUnit, ActivationFunction nonlinearity) {

    /**
     * i, f and o through a sigmoid (3 * 4), g through a tanh (5), {@code c = f * c + i * g} (3),
     * {@code tanh(c)} (5), {@code h = o * tanh(c)} (1).
     */
    static final RecurrentCell LSTM = new RecurrentCell(4,
            3 * ActivationFunction.SIGMOID.flopsPerElement() + ActivationFunction.TANH.flopsPerElement() + 3
                    + ActivationFunction.TANH.flopsPerElement() + 1, null);

    /**
     * r and z through a sigmoid (2 * 4); {@code n = tanh(W_in x + b_in + r * (W_hn h + b_hn))}: the product by
     * r (1), the sum of its two parts (1), the tanh (5); {@code h = (1 - z) * n + z * h} (4).
     */
    static final RecurrentCell GRU = new RecurrentCell(3,
            2 * ActivationFunction.SIGMOID.flopsPerElement() + 1 + 1 + ActivationFunction.TANH.flopsPerElement() + 4,
            null);

    /** {@code h = f(W_ih x + b_ih + W_hh h + b_hh)}: one gate, the function's operations per element. */
    static RecurrentCell elman(ActivationFunction nonlinearity) {
        return new RecurrentCell(1, nonlinearity.flopsPerElement(), nonlinearity);
    }
}
