package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * GPT-2 small and the Llama-3.2-1B-style decoder generating text with a key/value cache ({@link
 * Gpt2SmallGeneration}, {@link Llama32OneBGeneration}): the prefill, a decode step at the longest context, the
 * whole generation, the cache and the roofline on an A100, each derived by hand from the layers' formulas
 * (docs/FORMULAS.md#generation-with-a-keyvalue-cache), and the decode step set against Kaplan et al. (2020),
 * "Scaling Laws for Neural Language Models", Table 1: {@code C_forward = 2N + 2 n_layer n_ctx d_attn} FLOPs per
 * token, {@code N} the non-embedding parameters.
 */
class GenerationTest {
    /** NVIDIA A100 40GB (DevicePreset.A100): 312 TFLOP/s in FP16 and BF16, 1,555 GB/s. */
    private static final long PEAK = 312_000_000_000_000L;
    private static final long BANDWIDTH = 1_555_000_000_000L;

    // GPT-2 small: d = 768, 12 heads of 64, MLP 3072, vocabulary 50,257, 12 blocks; a prompt of 512, 512 generated.
    // FLOPs on T tokens, per token but for attention's products (Gpt2SmallTest has the layers):
    //   per block: ln_1 and ln_2 5 * 768 = 3,840 each; c_attn and attention's c_proj 2 * 4 * 768^2 + 3,072 biases =
    //   4,721,664; residual additions 768 each; c_fc 2 * 768 * 3072 + 3,072 = 4,721,664; GELU 12 * 3,072 = 36,864;
    //   MLP c_proj 2 * 3072 * 768 + 768 = 4,719,360: 14,208,768;
    //   outside the blocks: wpe 768, ln_f 3,840, lm_head 2 * 768 * 50,257 = 77,194,752;
    //   in all 12 * 14,208,768 + 77,199,360 = 247,704,576 per token.
    // Each query against each key: Q K^T and A V, 2 * 2 * 12 * 64 = 3,072 FLOPs, and 4 * 12 = 48 for the scores'
    // scaling and softmax: 3,120 per query and key and block.
    private static final long GPT2_PER_TOKEN = 247_704_576L;
    private static final long GPT2_PER_KEY = 12 * 3_120L;

    @Test
    void gpt2SmallsPrefillIsTheNetworkOnTheFirst512Tokens() {
        // 512 * 247,704,576 + 12 * 3,120 * 512^2 = 126,824,742,912 + 9,814,671,360 = 136,639,414,272.
        assertEquals(512 * GPT2_PER_TOKEN + GPT2_PER_KEY * 512 * 512, Gpt2SmallGenerationCost.PREFILL_FLOPS);
        assertEquals(136_639_414_272L, Gpt2SmallGenerationCost.PREFILL_FLOPS);
    }

    @Test
    void gpt2SmallsDecodeStepAtItsLongestContext() {
        // One token, attending over 1,024 keys: 247,704,576 + 37,440 * 1,024 = 286,043,136.
        assertEquals(GPT2_PER_TOKEN + GPT2_PER_KEY * 1024, Gpt2SmallGenerationCost.DECODE_STEP_FLOPS);
        assertEquals(286_043_136L, Gpt2SmallGenerationCost.DECODE_STEP_FLOPS);
    }

    @Test
    void gpt2SmallsGenerationIsThePrefillAndTheStepsAfterIt() {
        // The prefill gives the first token; 511 steps at t = 513 .. 1,023 the others:
        // 511 * 247,704,576 + 37,440 * (513 + ... + 1,023 = 511 * 768 = 392,448) = 126,577,038,336 + 14,693,253,120
        // = 141,270,291,456; with the prefill 277,909,705,728.
        long steps = 511 * GPT2_PER_TOKEN + GPT2_PER_KEY * (511L * 768);
        assertEquals(141_270_291_456L, steps);
        assertEquals(136_639_414_272L + steps, Gpt2SmallGenerationCost.GENERATION_FLOPS);
    }

    @Test
    void gpt2SmallsDecodeStepAgainstKaplansApproximation() {
        // N, the non-embedding parameters: 12 blocks of 7,087,872 and ln_f's 1,536 = 85,056,000 (Gpt2SmallTest).
        // 2N + 2 n_layer n_ctx d_attn = 170,112,000 + 2 * 12 * 1,024 * 768 = 188,986,368 at n_ctx = 1,024.
        long kaplan = 2 * 85_056_000L + 2L * 12 * 1024 * 768;
        assertEquals(188_986_368L, kaplan);
        // The exact step is 97,056,768 more (51%): the head, which Kaplan leaves out with the embeddings,
        // 77,194,752; the A V product, which his single context term leaves out, 2 * 12 * 1,024 * 768 =
        // 18,874,368; the scores' scaling and softmax, 4 * 12 * 1,024 * 12 = 589,824; and 397,824 of the rest:
        // per block the layer norms' 5 operations per element against 2 per parameter (+1,536), the biases' 1
        // addition against 2 per parameter (-3,072 - 3,840), GELU (+36,864) and the residual additions (+1,536),
        // 33,024 * 12 = 396,288; ln_f +768 and wpe's addition +768.
        assertEquals(kaplan + 77_194_752L + 18_874_368L + 589_824L + 396_288L + 768 + 768,
                Gpt2SmallGenerationCost.DECODE_STEP_FLOPS);
    }

    @Test
    void gpt2SmallsCacheHoldsAKeyAndAValuePerHeadAndLayer() {
        // 2 * 12 heads * 64 * 12 layers = 18,432 elements per token, FP16: 36,864 bytes; 1,024 tokens: 37,748,736.
        assertEquals(36_864L, Gpt2SmallGenerationCost.KV_CACHE_BYTES_PER_TOKEN);
        assertEquals(37_748_736L, Gpt2SmallGenerationCost.KV_CACHE_BYTES);
    }

    @Test
    void gpt2SmallsDecodeStepReadsEveryWeightAndTheCache() {
        // On one token, elements read + written + weights, FP16 (2 bytes), every layer memory-bound at 1,555 bytes
        // per nanosecond (FLOPs per byte far below the A100's 200):
        //   wte 1 + 768 + 38,597,376; wpe 768 * 2 + 786,432;
        //   per block: layer norms 768 * 2 + 1,536 each; attention 768 * 2 + 2,362,368 weights + what it keeps:
        //   on one token 2 * 12 scores + 2 * (2 * 768 + 2 * 768), and for each of the 1,023 cached keys 2 * 12
        //   scores and its key and value, 2 * 768: 6,168 + 1,023 * 1,560; residual additions 3 * 768 each;
        //   c_fc 768 + 3,072 + 2,362,368; GELU 2 * 3,072; c_proj 3,072 + 768 + 2,360,064;
        //   ln_f 768 * 2 + 1,536; lm_head 768 + 50,257 + 38,597,376 (wte's matrix, read again).
        long block = 2 * memory(0, 768 * 2 + 1_536) + memory(0, 768 * 2 + 2_362_368 + 6_168 + 1_023 * 1_560L)
                + 2 * memory(0, 3 * 768) + memory(0, 768 + 3_072 + 2_362_368) + memory(0, 2 * 3_072)
                + memory(0, 3_072 + 768 + 2_360_064);
        long nanos = memory(0, 1 + 768 + 38_597_376) + memory(0, 768 * 2 + 786_432) + 12 * block
                + memory(0, 768 * 2 + 1_536) + memory(0, 768 + 50_257 + 38_597_376);
        assertEquals(nanos, Gpt2SmallGenerationCost.DECODE_LATENCY_NANOS);
        // About 0.23 ms: 2 bytes of each weight read (the tied matrix twice), and the cache.
        assertEquals(234_867L, nanos);
    }

    @Test
    void gpt2SmallsPrefillOnTheA100() {
        long t = 512;
        // As the network's own LATENCY_NANOS, on 512 tokens; the layers with weights compute-bound.
        long block = 2 * roofline(3_840 * t, 768 * 2 * t + 1_536)
                + roofline(4_721_664 * t + 3_120 * t * t, 768 * 2 * t + 2_362_368 + 24 * t * t + 6_144 * t)
                + 2 * roofline(768 * t, 3 * 768 * t) + roofline(4_721_664 * t, 3_840 * t + 2_362_368)
                + roofline(36_864 * t, 6_144 * t) + roofline(4_719_360 * t, 3_840 * t + 2_360_064);
        long nanos = roofline(0, t + 768 * t + 38_597_376) + roofline(768 * t, 768 * 2 * t + 786_432) + 12 * block
                + roofline(3_840 * t, 768 * 2 * t + 1_536) + roofline(77_194_752 * t, 51_025 * t + 38_597_376);
        assertEquals(nanos, Gpt2SmallGenerationCost.PREFILL_LATENCY_NANOS);
    }

    // Llama 3.2 1B: d = 2048, 32 heads and 8 key/value heads of 64, rotated whole, MLP 8192, vocabulary 128,256,
    // 16 layers, no biases; a prompt of 1,024, 1,024 generated. Per token, but for attention's products:
    //   per layer: RMSNorms 4 * 2,048 = 8,192 each; projections 2 * (2 * 2048^2 + 2 * 2048 * 512) = 20,971,520;
    //   the rotation 3 * 64 * (32 + 8) = 7,680; residual additions 2,048 each; the gated MLP 2 * 3 * 2048 * 8192 +
    //   (SiLU's 5 + the product's 1) * 8,192 = 100,712,448: 121,712,128;
    //   outside: the last RMSNorm 8,192, the head 2 * 2,048 * 128,256 = 525,336,576;
    //   in all 16 * 121,712,128 + 525,344,768 = 2,472,738,816.
    // Per query and key and layer: 2 * 2 * 32 * 64 = 8,192 FLOPs of products and 4 * 32 = 128 of scores: 8,320.
    private static final long LLAMA_PER_TOKEN = 2_472_738_816L;
    private static final long LLAMA_PER_KEY = 16 * 8_320L;

    @Test
    void llamasPrefillDecodeStepAndGeneration() {
        // Prefill: 1,024 * 2,472,738,816 + 133,120 * 1,024^2 = 2,532,084,547,584 + 139,586,437,120.
        assertEquals(1024 * LLAMA_PER_TOKEN + LLAMA_PER_KEY * 1024 * 1024, Llama32OneBGenerationCost.PREFILL_FLOPS);
        assertEquals(2_671_670_984_704L, Llama32OneBGenerationCost.PREFILL_FLOPS);
        // A step at t = 2,048: 2,472,738,816 + 133,120 * 2,048 = 2,745,368,576.
        assertEquals(2_745_368_576L, Llama32OneBGenerationCost.DECODE_STEP_FLOPS);
        // 1,023 steps at t = 1,025 .. 2,047 (they sum to 1,023 * 1,536 = 1,571,328):
        // 1,023 * 2,472,738,816 + 133,120 * 1,571,328 = 2,529,611,808,768 + 209,175,183,360.
        assertEquals(2_671_670_984_704L + 1023 * LLAMA_PER_TOKEN + LLAMA_PER_KEY * 1_571_328L,
                Llama32OneBGenerationCost.GENERATION_FLOPS);
        assertEquals(5_410_457_976_832L, Llama32OneBGenerationCost.GENERATION_FLOPS);
    }

    @Test
    void llamasDecodeStepAgainstKaplansApproximation() {
        // N: per layer 2 * 2,048 norm gains + 10,485,760 attention + 3 * 2,048 * 8,192 MLP = 60,821,504; 16 of them
        // and the last norm's 2,048: 973,146,112. With d_attn = 32 * 64 = 2,048 at n_ctx = 2,048:
        // 2N + 2 * 16 * 2,048 * 2,048 = 1,946,292,224 + 134,217,728 = 2,080,509,952.
        long kaplan = 2 * 973_146_112L + 2L * 16 * 2048 * 2048;
        assertEquals(2_080_509_952L, kaplan);
        // The exact step is 664,858,624 more (32%): the head 525,336,576; the A V product 134,217,728 (grouped-query
        // attention shares keys and values between heads but not the products); the scores 4 * 32 * 2,048 * 16 =
        // 4,194,304; the rest 1,110,016: per layer the RMSNorms' 4 operations per element against 2 per gain
        // (+8,192), the rotation (+7,680), the residual additions (+4,096) and the MLP's SiLU and product (+49,152),
        // 69,120 * 16 = 1,105,920, and the last norm +4,096.
        assertEquals(kaplan + 525_336_576L + 134_217_728L + 4_194_304L + 1_105_920L + 4_096,
                Llama32OneBGenerationCost.DECODE_STEP_FLOPS);
    }

    @Test
    void llamasCacheIsThePublished32KiBPerToken() {
        // 2 * 8 key/value heads * 64 * 16 layers = 16,384 elements per token, BF16: 32,768 bytes; 2,048 tokens:
        // 67,108,864 (64 MiB).
        assertEquals(32_768L, Llama32OneBGenerationCost.KV_CACHE_BYTES_PER_TOKEN);
        assertEquals(67_108_864L, Llama32OneBGenerationCost.KV_CACHE_BYTES);
    }

    @Test
    void llamasDecodeStepAndPrefillOnTheA100() {
        // A step on one token, memory-bound: embedding 1 + 2,048 + 262,668,288; per layer RMSNorms 3 * 2,048 each,
        // attention 2,048 * 2 + 10,485,760 + (on one token 2 * 32 + 2 * (2 * 2,048 + 2 * 512) = 10,304, each of the
        // 2,047 cached keys 2 * 32 scores and its key and value 2 * 512: 1,088), residual additions 3 * 2,048, the
        // MLP 2,048 * 2 + 50,331,648; the last norm 3 * 2,048; the head 2,048 + 128,256 + 262,668,288 (tied).
        long layer = 2 * memory(0, 3 * 2_048) + memory(0, 2_048 * 2 + 10_485_760 + 10_304 + 2_047 * 1_088L)
                + 2 * memory(0, 3 * 2_048) + memory(0, 2_048 * 2 + 50_331_648);
        long step = memory(0, 1 + 2_048 + 262_668_288) + 16 * layer + memory(0, 3 * 2_048)
                + memory(0, 2_048 + 128_256 + 262_668_288);
        assertEquals(step, Llama32OneBGenerationCost.DECODE_LATENCY_NANOS);
        assertEquals(1_974_141L, step);
        long t = 1024;
        long prefillLayer = 2 * roofline(8_192 * t, 2 * 2_048 * t + 2_048)
                + roofline((20_971_520 + 7_680) * t + 8_320 * t * t, 2 * 2_048 * t + 10_485_760 + 64 * t * t
                        + 10_240 * t)
                + 2 * roofline(2_048 * t, 3 * 2_048 * t) + roofline(100_712_448 * t, 2 * 2_048 * t + 50_331_648);
        long prefill = roofline(0, t + 2_048 * t + 262_668_288) + 16 * prefillLayer
                + roofline(8_192 * t, 2 * 2_048 * t + 2_048) + roofline(525_336_576 * t, 130_304 * t + 262_668_288);
        assertEquals(prefill, Llama32OneBGenerationCost.PREFILL_LATENCY_NANOS);
    }

    /** A memory-bound layer's roofline bound: {@code elements} of 2 bytes at 1,555 bytes per nanosecond, rounded up. */
    private static long memory(long flops, long elements) {
        long nanos = roofline(flops, elements);
        assertEquals(ceil(2 * elements * 1_000_000_000L, BANDWIDTH), nanos, "memory-bound");
        return nanos;
    }

    /** {@code max(flops / peak, bytes / bandwidth)} in nanoseconds, rounded up, for elements of 2 bytes. */
    private static long roofline(long flops, long elements) {
        return Math.max(ceil(flops * 1_000L, PEAK / 1_000_000L), ceil(2 * elements * 1_000_000_000L, BANDWIDTH));
    }

    private static long ceil(long amount, long per) {
        return (amount + per - 1) / per;
    }
}
