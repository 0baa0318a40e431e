package dev.modelcost;

/** The numeric type of weights and activations, which decides every byte figure. */
public enum Precision {
    /** 32-bit floating point: 4 bytes. */
    FP32(4),
    /** 16-bit floating point: 2 bytes. */
    FP16(2),
    /** bfloat16: 2 bytes. */
    BF16(2),
    /** 8-bit integer (quantized): 1 byte. */
    INT8(1);

    private final int bytes;

    Precision(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element. */
    public int bytes() {
        return bytes;
    }
}
