package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.Exact;

/**
 * What attention works on, once the shapes are known: {@code L} queries of {@code d} features, {@code M} keys
 * and values of {@code dkv}, {@code H} query and {@code Hkv} key/value heads of {@code hs} features, and the
 * groups within which every query meets every key: one for global attention, each window of a feature map else.
 *
 * @param features {@code d}
 * @param queries {@code L}, over all groups
 * @param keyFeatures {@code dkv}
 * @param keys {@code M}, over all groups
 * @param heads {@code H}
 * @param kvHeads {@code Hkv}
 * @param headSize {@code hs}
 * @param groups windows, 1 without
 * @param queriesPerGroup queries in each group
 * @param keysPerGroup keys in each group
 */
record AttentionShape(long features, long queries, long keyFeatures, long keys, long heads, long kvHeads,
        long headSize, long groups, long queriesPerGroup, long keysPerGroup) {

    /** {@code H * hs}: the queries' width, and the heads' output. */
    long queryWidth() {
        return heads * headSize;
    }

    /** {@code Hkv * hs}: the keys' and the values' width. */
    long keyWidth() {
        return kvHeads * headSize;
    }

    /** The attention scores, one per head, query and key it meets: {@code groups * H * Lg * Mg}. */
    long scores(String figure) {
        return Exact.product(figure, groups, heads, queriesPerGroup, keysPerGroup);
    }

    /**
     * The query-key pairs a causal mask keeps (top-left aligned, as PyTorch's {@code is_causal}): query {@code i}
     * (from 0) sees keys {@code 0..i}, so {@code sum min(i + 1, M)}, {@code L(L+1)/2} when {@code L = M}.
     */
    long causalPairs(String figure) {
        long full = Math.min(queries, keys);
        long triangle = full % 2 == 0 ? Exact.multiply(figure, full / 2, full + 1)
                : Exact.multiply(figure, full, (full + 1) / 2);
        return Exact.add(figure, triangle, Exact.multiply(figure, queries - full, keys));
    }
}
