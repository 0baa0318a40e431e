package dev.modelcost.processor.property;

import dev.modelcost.ActivationFunction;

/**
 * Recurrent layers counted by running them: every layer, every direction, every step, every gate row and
 * every feature it reads, with each element-wise operation of PyTorch's step equations (torch.nn.LSTM,
 * torch.nn.GRU, torch.nn.RNN) counted where it happens, never by the closed formulas of
 * docs/FORMULAS.md#recurrent-layers. Parameters are counted entry by entry over PyTorch's weight_ih_l[k],
 * weight_hh_l[k], bias_ih_l[k] and bias_hh_l[k].
 */
final class RecurrenceOracle {
    private RecurrenceOracle() {
    }

    /** The recurrent cells and their gate counts. */
    enum Cell {
        LSTM(4), GRU(3), RNN(1);

        final int gates;

        Cell(int gates) {
            this.gates = gates;
        }
    }

    /** What running the recurrence took, and the weights it used. */
    record Count(long macs, long biasAdds, long flops, long params, int outputFeatures) {
    }

    private static final int SIGMOID = ActivationFunction.SIGMOID.flopsPerElement();
    private static final int TANH = ActivationFunction.TANH.flopsPerElement();

    /**
     * Runs a stack over a sequence of {@code steps} tokens of {@code features} each.
     *
     * @param nonlinearity the Elman cell's function; ignored by the gated cells
     */
    static Count run(Cell cell, int features, int steps, int hidden, int layers, boolean bidirectional,
            boolean bias, ActivationFunction nonlinearity) {
        int directions = bidirectional ? 2 : 1;
        long macs = 0;
        long biasAdds = 0;
        long elementwise = 0;
        long params = 0;
        int layerInput = features;
        for (int layer = 0; layer < layers; layer++) {
            int layerOutput = 0;
            for (int direction = 0; direction < directions; direction++) {
                params += weights(cell.gates * hidden, layerInput) + weights(cell.gates * hidden, hidden);
                if (bias) {
                    params += 2L * cell.gates * hidden; // bias_ih_l[k] and bias_hh_l[k]
                }
                for (int step = 0; step < steps; step++) { // backwards in the reverse direction: the same work
                    for (int row = 0; row < cell.gates * hidden; row++) {
                        for (int in = 0; in < layerInput; in++) {
                            macs++; // W_ih[row][in] * x_t[in]
                        }
                        for (int state = 0; state < hidden; state++) {
                            macs++; // W_hh[row][state] * h_(t-1)[state]
                        }
                        if (bias) {
                            biasAdds += 2; // + b_ih[row] + b_hh[row]
                        }
                    }
                    for (int unit = 0; unit < hidden; unit++) {
                        elementwise += unitStep(cell, nonlinearity);
                    }
                }
                layerOutput += hidden; // this direction's h_t, concatenated with the other's
            }
            layerInput = layerOutput; // the next layer reads this one's output
        }
        long flops = 2 * macs + biasAdds + elementwise;
        return new Count(macs, biasAdds, flops, params, layerInput);
    }

    /** The element-wise operations of one hidden unit in one step, equation by equation. */
    private static int unitStep(Cell cell, ActivationFunction nonlinearity) {
        int ops = 0;
        switch (cell) {
            case LSTM -> {
                ops += SIGMOID; // i = sigmoid(.)
                ops += SIGMOID; // f = sigmoid(.)
                ops += TANH; // g = tanh(.)
                ops += SIGMOID; // o = sigmoid(.)
                ops += 1; // f * c_(t-1)
                ops += 1; // i * g
                ops += 1; // c_t = the sum of both
                ops += TANH; // tanh(c_t)
                ops += 1; // h_t = o * tanh(c_t)
            }
            case GRU -> {
                ops += SIGMOID; // r = sigmoid(.)
                ops += SIGMOID; // z = sigmoid(.)
                ops += 1; // r * (W_hn h + b_hn)
                ops += 1; // (W_in x + b_in) + that product
                ops += TANH; // n = tanh(.)
                ops += 1; // 1 - z
                ops += 1; // (1 - z) * n
                ops += 1; // z * h_(t-1)
                ops += 1; // h_t = the sum of both
            }
            case RNN -> ops += nonlinearity.flopsPerElement(); // h_t = f(.)
        }
        return ops;
    }

    /** The entries of a rows x columns matrix, one by one. */
    private static long weights(int rows, int columns) {
        long entries = 0;
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                entries++;
            }
        }
        return entries;
    }
}
