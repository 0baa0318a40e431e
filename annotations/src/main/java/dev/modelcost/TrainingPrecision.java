package dev.modelcost;

/**
 * The numeric types a network is trained in ({@link Training}), which decide the bytes per parameter of its
 * weights, gradients, master weights and optimizer state, and the bytes of its saved activations.
 */
public enum TrainingPrecision {
    /** Everything in 32-bit floating point: weights, gradients, optimizer state, activations. */
    FP32(4, 0, 4, 4),
    /**
     * Mixed precision (Micikevicius et al., 2018): FP16 weights, gradients and activations, an FP32 master copy of
     * the weights and FP32 optimizer state, as the ZeRO paper counts it (16 bytes per parameter with Adam).
     */
    MIXED_FP16(2, 4, 4, 2),
    /** Mixed precision with bfloat16 in place of FP16: the same bytes as {@link #MIXED_FP16}. */
    MIXED_BF16(2, 4, 4, 2),
    /** Pure bfloat16: weights, gradients, optimizer state and activations all in bfloat16, no FP32 copy. */
    BF16(2, 0, 2, 2);

    private final int weightBytes;
    private final int masterWeightBytes;
    private final int stateBytes;
    private final int activationBytes;

    TrainingPrecision(int weightBytes, int masterWeightBytes, int stateBytes, int activationBytes) {
        this.weightBytes = weightBytes;
        this.masterWeightBytes = masterWeightBytes;
        this.stateBytes = stateBytes;
        this.activationBytes = activationBytes;
    }

    /** Bytes per parameter of the weights the passes compute with; a gradient has as many. */
    public int weightBytes() {
        return weightBytes;
    }

    /** Bytes per parameter of the FP32 master copy of the weights that the optimizer updates; 0 without one. */
    public int masterWeightBytes() {
        return masterWeightBytes;
    }

    /** Bytes per element of each optimizer state tensor ({@link Optimizer#statesPerParameter()}). */
    public int stateBytes() {
        return stateBytes;
    }

    /** Bytes per element of the activations saved for the backward pass. */
    public int activationBytes() {
        return activationBytes;
    }
}
