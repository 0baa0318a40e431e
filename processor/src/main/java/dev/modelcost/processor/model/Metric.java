package dev.modelcost.processor.model;

/** A figure a budget can limit, named as its {@code @Budget} attribute. */
public enum Metric {
    MACS("macs", "MACs"),
    FLOPS("flops", "FLOPs"),
    PARAMS("params", "parameters"),
    ACTIVATIONS("activations", "activations"),
    MEMORY_BYTES("memoryBytes", "memory bytes"),
    LATENCY_NANOS("latencyNanos", "latency (ns)"),
    TRAINING_MEMORY_BYTES("trainingMemoryBytes", "training memory bytes"),
    DECODE_LATENCY_NANOS("decodeLatencyNanos", "decode step latency (ns)"),
    KV_CACHE_BYTES("kvCacheBytes", "key/value cache bytes"),
    TRAINING_STEP_FLOPS("trainingStepFlops", "training-step FLOPs");

    private final String attribute;
    private final String label;

    Metric(String attribute, String label) {
        this.attribute = attribute;
        this.label = label;
    }

    /** Whether it is a figure of {@code @Generation}, which only a network has. */
    public boolean ofGeneration() {
        return this == DECODE_LATENCY_NANOS || this == KV_CACHE_BYTES;
    }

    /** The {@code @Budget} attribute. */
    public String attribute() {
        return attribute;
    }

    /** How messages name it. */
    public String label() {
        return label;
    }
}
