package dev.modelcost.processor.analysis;

import dev.modelcost.processor.model.GenerationDecl;

/**
 * What generating text costs a causal decoder with a key/value cache (docs/FORMULAS.md#generation-with-a-keyvalue-cache):
 * a prompt of {@code P} tokens run at once, then one decode step per token, each on one new token against the
 * keys and values cached for the context.
 *
 * @param declaration the {@code @Generation}
 * @param longestContext {@code L}, the network's declared sequence length
 * @param prefillFlops the network's FLOPs on the {@code P} tokens of the prompt
 * @param decodeStepFlops one decode step's FLOPs at the longest context, {@code t = L}
 * @param generationFlops everything that generating {@code G} tokens after the prompt takes: the prefill (which
 *     gives the first) and the decode steps at contexts {@code P + 1 .. P + G - 1} (each gives one more)
 * @param kvCacheBytesPerToken the key/value cache's bytes per token of context, all layers, at the precision
 * @param kvCacheBytes the cache's bytes at the longest context: {@code L} tokens
 * @param prefillLatencyNanos the prefill's roofline bound on the device; -1 without one
 * @param decodeLatencyNanos one decode step's roofline bound at the longest context, every weight and the
 *     cache read; -1 without a device
 */
public record GenerationCost(GenerationDecl declaration, long longestContext, long prefillFlops,
        long decodeStepFlops, long generationFlops, long kvCacheBytesPerToken, long kvCacheBytes,
        long prefillLatencyNanos, long decodeLatencyNanos) {

    /** {@code P}. */
    public long prompt() {
        return declaration.prompt().value();
    }

    /** {@code G}. */
    public long tokens() {
        return declaration.tokens().value();
    }
}
