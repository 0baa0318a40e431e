package dev.modelcost;

/**
 * What each figure of modelcost counts. Every JSON report states these texts under {@code "conventions"}, the
 * Markdown report shows the short forms beside its totals, and a program that prints a {@link ModelCost} can
 * state them the same way: the one source of these words.
 */
public enum Convention {
    /** {@link ModelCost#macs()}. */
    MACS("macs", "MACs", "multiply-accumulates of the layers that multiply by weights or by each other: "
            + "convolution, transposed convolution, dense, linear and gated MLP layers, attention's projections and "
            + "products, matrix products, recurrent steps (torchvision's \"GFLOPS\", fvcore, ptflops)",
            "multiply-accumulates of conv, deconv, dense, linear, attention and recurrent layers"),
    /** {@link ModelCost#biasAdds()}. */
    BIAS_ADDS("biasAdds", "bias additions", "bias additions: one per output element of each layer with a bias",
            "one per output element of each layer with a bias"),
    /** {@link ModelCost#flops()}. */
    FLOPS("flops", "FLOPs", "2 x macs + biasAdds + the operations of pooling, normalization, activation and "
            + "element-wise layers", "2 x MACs + bias additions + other layers' operations"),
    /** {@link ModelCost#params()}. */
    PARAMS("params", "parameters", "weights, biases, normalizations' scale and shift, embeddings and learned "
            + "tensors; a matrix shared by tied layers once", "weights, biases, norm scales, embeddings; tied once"),
    /** {@link ModelCost#activations()}. */
    ACTIVATIONS("activations", "activations", "elements output by the layers", "elements output by the layers"),
    /** The parameters' bytes at the network's precision. */
    PARAM_BYTES("paramBytes", "parameter bytes", "params x bytesPerElement: the parameters at the network's "
            + "precision; a matrix shared by tied layers once", "parameters x bytes per element"),
    /** The activations' bytes at the network's precision: a layer's output, or every layer's summed. */
    ACTIVATION_BYTES("activationBytes", "activation bytes", "activations x bytesPerElement: a layer's output, "
            + "and in the totals every layer's output summed", "every output x bytes per element, summed"),
    /** What a forward pass holds in memory at once. */
    MEMORY_BYTES("memoryBytes", "memory bytes", "paramBytes + peakActivationBytes: what a forward pass holds in "
            + "memory at once", "parameter bytes + peak activation bytes"),
    /** {@link ModelCost#bytesMoved()}. */
    BYTES_MOVED("bytesMoved", "bytes moved", "memory access cost (ShuffleNet V2): inputs read + output written + "
            + "weights read (a tied matrix too) + what attention writes and reads again in between (queries, keys, "
            + "values, scores), in bytes", "inputs read + outputs written + weights read + attention's intermediates"),
    /** {@link ModelCost#peakActivationBytes()}. */
    PEAK_ACTIVATION_BYTES("peakActivationBytes", "peak activation bytes", "most activation bytes alive at once in "
            + "a forward pass in declaration order", "most held at once in a forward pass"),
    /** A layer's FLOPs per byte moved, its arithmetic intensity. */
    INTENSITY("intensity", "intensity", "flops / bytesMoved", "FLOPs per byte moved"),
    /** {@link ModelCost#latencyNanos()}. */
    LATENCY_NANOS("latencyNanos", "latency (ns)", "roofline lower bound: max(flops / peak, bytesMoved / "
            + "bandwidth), rounded up; null without a device", "roofline lower bound"),
    /** The activations a training step keeps from the forward pass for the backward pass. */
    SAVED_ACTIVATION_BYTES("savedActivationBytes", "saved activation bytes", "the network's input, every layer's "
            + "output and what attention keeps in between (queries, keys, values, scores), each once, per sample, "
            + "times the batch, at the training precision's activation bytes", "input + every output, x batch"),
    /** The weights a training step computes with, at the training precision. */
    WEIGHT_BYTES("weightBytes", "weight bytes", "params x the training precision's weight bytes: the weights the "
            + "passes compute with, @Frozen ones included; a tied matrix once", "parameters x weight bytes"),
    /** The gradients of a training step. */
    GRADIENT_BYTES("gradientBytes", "gradient bytes", "one gradient per trained parameter (not @Frozen) at the "
            + "training precision's weight bytes", "one per trained parameter"),
    /** The FP32 copy of the weights that mixed precision updates. */
    MASTER_WEIGHT_BYTES("masterWeightBytes", "master weight bytes", "4 bytes per trained parameter in mixed "
            + "precision (the FP32 copy the optimizer updates), else 0", "FP32 copy in mixed precision, else 0"),
    /** The optimizer's state. */
    OPTIMIZER_STATE_BYTES("optimizerStateBytes", "optimizer state bytes", "per trained parameter, the optimizer's "
            + "states (none for SGD, a momentum for SGD with momentum, momentum and variance for Adam and AdamW) x "
            + "their bytes (4, 2 in pure bfloat16)", "the optimizer's states per trained parameter"),
    /** Weights, gradients, master weights, optimizer state and saved activations of a training step. */
    TRAINING_MEMORY_BYTES("trainingMemoryBytes", "training memory bytes", "params x (weight + gradient + master "
            + "weight + optimizer state bytes per parameter, by optimizer and precision as the ZeRO paper counts "
            + "them: 16 for mixed-precision Adam) + savedActivationBytes; a tied matrix once",
            "weights, gradients, optimizer state + saved activations"),
    /** The roofline bound on one forward pass of a whole batch. */
    BATCH_LATENCY_NANOS("batchLatencyNanos", "batch latency (ns)", "roofline lower bound on a forward pass of the "
            + "batch: each layer max(batch x flops / peak, (weights read once + batch x the rest of bytesMoved) / "
            + "bandwidth), rounded up; null without a device", "roofline bound on a batch; weights read once"),
    /** The FLOPs of the prefill: the network on the prompt's tokens, with {@code @Generation}. */
    PREFILL_FLOPS("prefillFlops", "prefill FLOPs", "flops of the network on the prompt's tokens at once, which "
            + "fills the key/value cache and gives the first token generated", "the network on the prompt"),
    /** The FLOPs of one decode step at the longest context, with {@code @Generation}. */
    DECODE_STEP_FLOPS("decodeStepFlops", "decode step FLOPs", "flops of one decode step at the longest context "
            + "(the declared sequence length): every layer on one new token, attention's products over the keys and "
            + "values of the whole context, its own included", "one new token, the whole context cached"),
    /** The FLOPs of generating the declared tokens after the prompt, with {@code @Generation}. */
    GENERATION_FLOPS("generationFlops", "generation FLOPs", "prefillFlops + the flops of every decode step after "
            + "it, at contexts prompt + 1 to prompt + tokens - 1: all that generating the tokens takes",
            "prefill + each decode step"),
    /** The key/value cache's bytes per token of context, with {@code @Generation}. */
    KV_CACHE_BYTES_PER_TOKEN("kvCacheBytesPerToken", "key/value cache bytes per token", "bytes the key/value "
            + "cache holds per token of context: 2 x kvHeads x headSize per causal attention layer, at the "
            + "precision", "2 x kvHeads x headSize per attention layer"),
    /** The key/value cache's bytes at the longest context, with {@code @Generation}. */
    KV_CACHE_BYTES("kvCacheBytes", "key/value cache bytes", "kvCacheBytesPerToken x the longest context (the "
            + "declared sequence length)", "at the longest context"),
    /** The prefill's roofline bound, with {@code @Generation} and a device. */
    PREFILL_LATENCY_NANOS("prefillLatencyNanos", "prefill latency (ns)", "roofline lower bound of the prefill, "
            + "as latencyNanos for the network on the prompt; null without a device", "roofline, the prompt"),
    /** One decode step's roofline bound at the longest context, with {@code @Generation} and a device. */
    DECODE_LATENCY_NANOS("decodeLatencyNanos", "decode step latency (ns)", "roofline lower bound of one decode "
            + "step at the longest context, as latencyNanos, its bytes moved including every weight and the whole "
            + "key/value cache read; null without a device", "roofline, every weight and the cache read"),
    /** The backward pass of one training step: its multiply-accumulates. */
    BACKWARD_MACS("backwardMacs", "backward MACs", "multiply-accumulates of the backward pass of a training step: "
            + "each layer's input gradient when a trainable layer lies before it, its weight gradients when it is "
            + "trainable (not @Frozen); each equal to the forward macs for convolution, transposed convolution, "
            + "dense and linear layers", "input gradients after a trainable layer, weight gradients of trainable ones"),
    /** The backward pass of one training step: its operations. */
    BACKWARD_FLOPS("backwardFlops", "backward FLOPs", "2 x backwardMacs + bias gradients (one addition per output "
            + "element with a bias) + the other layers' gradient operations, per kind as documented",
            "2 x backward MACs + the gradients' other operations"),
    /** Forward and backward operations of one training step. */
    TRAINING_STEP_FLOPS("trainingStepFlops", "training-step FLOPs", "flops + backwardFlops: one training step's "
            + "forward and backward passes per sample, without the optimizer's update", "forward + backward FLOPs");

    private final String key;
    private final String label;
    private final String text;
    private final String summary;

    Convention(String key, String label, String text, String summary) {
        this.key = key;
        this.label = label;
        this.text = text;
        this.summary = summary;
    }

    /** The figure's key in the JSON report, in its totals and its layers, e.g. {@code "biasAdds"}. */
    public String key() {
        return key;
    }

    /** The figure's name for people, as the Markdown report heads its row, e.g. {@code "bias additions"}. */
    public String label() {
        return label;
    }

    /** What the figure counts, as the JSON report states it (naming other figures by their keys). */
    public String text() {
        return text;
    }

    /** What the figure counts in a few words beside its {@link #label()}, as the Markdown report shows it. */
    public String summary() {
        return summary;
    }
}
