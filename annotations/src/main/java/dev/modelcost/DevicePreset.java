package dev.modelcost;

/**
 * Devices whose peak figures are built in, from their vendors' data sheets: peak dense operations per second
 * for each precision (FP32 on the CUDA cores; FP16, BF16 and INT8 on the tensor cores, without sparsity) and
 * memory bandwidth. A roofline on them is a lower bound: real kernels reach a fraction of either peak.
 */
public enum DevicePreset {
    /** No preset: the {@link Device} annotation's own figures. */
    NONE("", 0, 0, 0, 0),
    /** NVIDIA A100 40 GB SXM: 19.5 TFLOP/s FP32, 312 TFLOP/s FP16/BF16, 624 TOP/s INT8, 1,555 GB/s. */
    A100("NVIDIA A100 40GB", 19_500_000_000_000L, 312_000_000_000_000L, 624_000_000_000_000L,
            1_555_000_000_000L),
    /** NVIDIA H100 SXM: 67 TFLOP/s FP32, 989 TFLOP/s FP16/BF16, 1,979 TOP/s INT8, 3,350 GB/s. */
    H100("NVIDIA H100 SXM", 67_000_000_000_000L, 989_000_000_000_000L, 1_979_000_000_000_000L,
            3_350_000_000_000L),
    /** NVIDIA T4: 8.1 TFLOP/s FP32, 65 TFLOP/s FP16, 130 TOP/s INT8, 320 GB/s. */
    T4("NVIDIA T4", 8_100_000_000_000L, 65_000_000_000_000L, 130_000_000_000_000L, 320_000_000_000L);

    private final String displayName;
    private final long fp32;
    private final long fp16;
    private final long int8;
    private final long bytesPerSecond;

    DevicePreset(String displayName, long fp32, long fp16, long int8, long bytesPerSecond) {
        this.displayName = displayName;
        this.fp32 = fp32;
        this.fp16 = fp16;
        this.int8 = int8;
        this.bytesPerSecond = bytesPerSecond;
    }

    /** The device's name. */
    public String displayName() {
        return displayName;
    }

    /** Peak operations per second at this precision. */
    public long peakFlopsPerSecond(Precision precision) {
        return switch (precision) {
            case FP32 -> fp32;
            case FP16, BF16 -> fp16;
            case INT8 -> int8;
        };
    }

    /** Memory bandwidth in bytes per second. */
    public long bytesPerSecond() {
        return bytesPerSecond;
    }
}
