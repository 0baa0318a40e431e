package dev.modelcost.processor.writing;

/** What each figure of a report counts, stated in every report so that it can be read on its own. */
enum Convention {
    MACS("macs", "multiply-accumulates of convolution, transposed convolution and dense layers (torchvision's "
            + "\"GFLOPS\", fvcore, ptflops)"),
    BIAS_ADDS("biasAdds", "bias additions: one per output element of each layer with a bias"),
    FLOPS("flops", "2 x macs + biasAdds + the operations of pooling, normalization, activation and element-wise "
            + "layers"),
    PARAMS("params", "weights, biases and normalizations' scale and shift"),
    ACTIVATIONS("activations", "elements output by the layers"),
    BYTES_MOVED("bytesMoved", "memory access cost (ShuffleNet V2): inputs read + output written + parameters "
            + "read, in bytes"),
    PEAK("peakActivationBytes", "most activation bytes alive at once in a forward pass in declaration order"),
    INTENSITY("intensity", "flops / bytesMoved"),
    LATENCY("latencyNanos", "roofline lower bound: max(flops / peak, bytesMoved / bandwidth), rounded up; null "
            + "without a device");

    private final String key;
    private final String meaning;

    Convention(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    String key() {
        return key;
    }

    String meaning() {
        return meaning;
    }
}
