package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits on a network's cost (on the {@link Network} class) or on one layer's (on its field). A figure over
 * its limit is a compiler warning, or an error with {@code -Amodelcost.budget=error}; silence one network or
 * layer with {@code @SuppressWarnings("modelcost:budget")}. An attribute left out sets no limit.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Budget {
    /** The value of an attribute that sets no limit. */
    long UNLIMITED = Long.MAX_VALUE;

    /** Limit on multiply-accumulates ({@code MACS}). */
    long macs() default UNLIMITED;

    /** Limit on floating-point operations ({@code FLOPS}: 2 x MACs + bias additions + other layers' operations). */
    long flops() default UNLIMITED;

    /** Limit on parameters ({@code PARAMS}). */
    long params() default UNLIMITED;

    /** Limit on activation elements ({@code ACTIVATIONS}: the output elements of every layer, summed). */
    long activations() default UNLIMITED;

    /**
     * Limit on memory in bytes ({@code MEMORY_BYTES}: parameters plus the peak of live activations; for a layer,
     * its parameters plus its output), at the network's precision.
     */
    long memoryBytes() default UNLIMITED;

    /** Limit on the roofline lower bound on latency, in nanoseconds ({@code LATENCY_NANOS}); needs a {@link Device}. */
    long latencyNanos() default UNLIMITED;

    /**
     * Limit on training memory in bytes ({@code TRAINING_MEMORY_BYTES}: weights, gradients, master weights and
     * optimizer state of every parameter, plus the activations saved for the backward pass of a batch; for a
     * layer, its parameters' share and its own saved activations), as {@link Training} declares the training.
     */
    long trainingMemoryBytes() default UNLIMITED;

    /**
     * Limit on the roofline lower bound on one decode step's latency at the longest context, in nanoseconds
     * ({@code DECODE_LATENCY_NANOS}); on a network with {@link Generation} and a {@link Device}.
     */
    long decodeLatencyNanos() default UNLIMITED;

    /**
     * Limit on the key/value cache's bytes at the longest context ({@code KV_CACHE_BYTES}); on a network with
     * {@link Generation}.
     */
    long kvCacheBytes() default UNLIMITED;

    /**
     * Limit on the floating-point operations of one training step per sample ({@code TRAINING_STEP_FLOPS}: the
     * forward pass's FLOPs plus its backward pass's, which computes each layer's input gradient only after a
     * trainable layer and its weight gradients only when it is not {@link Frozen}).
     */
    long trainingStepFlops() default UNLIMITED;
}
