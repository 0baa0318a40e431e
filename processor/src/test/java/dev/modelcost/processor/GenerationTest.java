package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code @Generation}: the prefill (the network on the prompt), a decode step at context {@code t} (every layer
 * on one token, attention's products over the {@code t} keys and values), the sum over the tokens generated, the
 * key/value cache, and the roofline of the prefill and of a step; each figure derived by hand beside it
 * (docs/FORMULAS.md#generation-with-a-keyvalue-cache).
 */
class GenerationTest {
    /** d = 4, 2 heads of 2 with biases, vocabulary 10, longest context 8; a device of 1 GFLOP/s and 100 MB/s. */
    private static final String[] TINY_DECODER = {
        "package g;",
        "import dev.modelcost.*;",
        "@Network(input = @Shape(channels = 1, size = 8))",
        "@Generation(prompt = 3, tokens = 4)",
        "@Device(name = \"toy\", peakFlops = 1_000_000_000L, bandwidth = 100_000_000L)",
        "public class TinyDecoder {",
        "    @Embedding(vocabulary = 10, dim = 4) Layer wte;",
        "    @PositionEmbedding(positions = 8) Layer wpe;",
        "    @Attention(heads = 2, causal = true) Layer attn;",
        "    @Linear(out = 10, bias = false) Layer head;",
        "}",
    };

    @Test
    void aTinyDecodersPrefillDecodeStepsAndCacheByHand() {
        Compiled compiled = Compiled.source(TINY_DECODER);
        String cost = "g.TinyDecoderCost";
        // On T tokens: wte 0 FLOPs; wpe one addition per element, 4T; attention: projections Q, K, V and out
        // 4 x 4 each on every token, 64T MACs, products 2 * H * T * T * hs = 8T^2 MACs, biases 4 + 4 + 4 + 4 per
        // token = 16T, 4 operations per score on H * T^2 = 2T^2 scores: 2 (64T + 8T^2) + 16T + 8T^2 = 144T + 24T^2;
        // head 40T MACs = 80T. In all 228T + 24T^2.
        assertThat(compiled.constant(cost, "FLOPS")).isEqualTo(228L * 8 + 24L * 64);
        // Prefill, T = P = 3: 684 + 216 = 900.
        assertThat(compiled.constant(cost, "PREFILL_FLOPS")).isEqualTo(900L);
        // A step at context t: every layer on one token (228 + 24 at T = 1), and each of the t - 1 earlier keys
        // adds 2 * (2 * H * hs) = 16 FLOPs of products and 4 * H = 8 of scores: 252 + 24 (t - 1) = 228 + 24t.
        // At the longest context, t = 8: 420.
        assertThat(compiled.constant(cost, "DECODE_STEP_FLOPS")).isEqualTo(420L);
        // The prefill gives the first of the 4 tokens; steps at t = 4, 5, 6 give the others:
        // 900 + 3 * 228 + 24 * (4 + 5 + 6) = 900 + 684 + 360 = 1,944.
        assertThat(compiled.constant(cost, "GENERATION_FLOPS")).isEqualTo(1_944L);
        // A key and a value of Hkv * hs = 2 * 2 per token, FP32: 2 * 4 * 4 = 32 bytes; 8 tokens: 256.
        assertThat(compiled.constant(cost, "KV_CACHE_BYTES_PER_TOKEN")).isEqualTo(32L);
        assertThat(compiled.constant(cost, "KV_CACHE_BYTES")).isEqualTo(256L);
        assertThat(compiled.constant(cost, "PROMPT_TOKENS")).isEqualTo(3L);
        assertThat(compiled.constant(cost, "GENERATED_TOKENS")).isEqualTo(4L);
        assertThat(compiled.constant(cost, "LONGEST_CONTEXT")).isEqualTo(8L);
    }

    @Test
    void aTinyDecodersPrefillAndDecodeStepLatenciesByHand() {
        Compiled compiled = Compiled.source(TINY_DECODER);
        String cost = "g.TinyDecoderCost";
        // Every layer here is memory-bound: at 100 bytes per microsecond, 10 ns per byte, 40 ns per FP32 element,
        // against 1 ns per FLOP. Prefill on T = 3, elements read + written + weights (+ attention's intermediates):
        // wte 3 + 12 + 40 = 55; wpe 12 + 12 + 32 = 56; attention 12 + 12 + 80 + (scores 2 * 18 + Q, K, V and the
        // heads' output written and read 2 * (2 * 12 + 2 * 12) = 96) = 236; head 12 + 30 + 40 = 82. 429 elements,
        // 429 * 40 = 17,160 ns.
        assertThat(compiled.constant(cost, "PREFILL_LATENCY_NANOS")).isEqualTo(17_160L);
        // A step at t = 8, on one token: wte 1 + 4 + 40 = 45; wpe 4 + 4 + 32 = 40; attention 4 + 4 + 80 + (on one
        // token 2 * 2 + 2 * (2 * 4 + 2 * 4) = 36, and each of the 7 cached keys: 2 scores written and read per head,
        // 4 + its key and value read, 8 = 84) = 208; head 4 + 10 + 40 = 54. 347 elements, 13,880 ns: the whole
        // cache (8 tokens of 8 elements) is read, and every weight.
        assertThat(compiled.constant(cost, "DECODE_LATENCY_NANOS")).isEqualTo(13_880L);
    }

    @Test
    void oneTokenGeneratedIsThePrefillAloneAndNoDeviceGivesNoLatency() {
        String[] source = TINY_DECODER.clone();
        source[3] = "@Generation(prompt = 7, tokens = 1)";
        source[4] = "";
        Compiled compiled = Compiled.source(source);
        String cost = "g.TinyDecoderCost";
        // Prefill on 7 tokens: 228 * 7 + 24 * 49 = 1,596 + 1,176 = 2,772; one token generated: the prefill alone.
        assertThat(compiled.constant(cost, "PREFILL_FLOPS")).isEqualTo(2_772L);
        assertThat(compiled.constant(cost, "GENERATION_FLOPS")).isEqualTo(2_772L);
        assertThat(compiled.constant(cost, "DECODE_STEP_FLOPS")).isEqualTo(420L);
        for (String latency : new String[] {"PREFILL_LATENCY_NANOS", "DECODE_LATENCY_NANOS", "LATENCY_NANOS"}) {
            assertThrows(AssertionError.class, () -> compiled.constant(cost, latency), latency);
        }
    }

    @Test
    void theForwardPassIsOnTheLongestContextThePrefillOnThePrompt() {
        String[] source = TINY_DECODER.clone();
        source[2] = "@Network(input = @Shape(channels = 1, size = 4))";
        source[3] = "@Generation(prompt = 3, tokens = 1)";
        source[7] = "    @PositionEmbedding(positions = 4) Layer wpe;";
        Compiled compiled = Compiled.source(source);
        // On 4 tokens 228 * 4 + 24 * 16 = 1,296; on the prompt of 3, 900; the step at t = 4: 228 + 96 = 324.
        assertThat(compiled.constant("g.TinyDecoderCost", "FLOPS")).isEqualTo(1_296L);
        assertThat(compiled.constant("g.TinyDecoderCost", "PREFILL_FLOPS")).isEqualTo(900L);
        assertThat(compiled.constant("g.TinyDecoderCost", "DECODE_STEP_FLOPS")).isEqualTo(324L);
        // 4 tokens of 32 bytes.
        assertThat(compiled.constant("g.TinyDecoderCost", "KV_CACHE_BYTES")).isEqualTo(128L);
    }

    @Test
    void theReportsGiveTheGenerationFiguresAsTheConstants() {
        Compiled compiled = Compiled.source(TINY_DECODER);
        String text = report(compiled.compilation(), "g.TinyDecoder.json");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("dev/modelcost/processor/writing/report-schema.json"));
        assertThat(schema.validate(text, InputFormat.JSON)).isEmpty();
        Map<?, ?> generation = (Map<?, ?>) JsonMapper.builder().build().readValue(text, Map.class).get("generation");
        assertThat(generation.get("promptTokens")).isEqualTo(3);
        assertThat(generation.get("generatedTokens")).isEqualTo(4);
        assertThat(generation.get("longestContext")).isEqualTo(8);
        String[][] pairs = {{"prefillFlops", "PREFILL_FLOPS"}, {"decodeStepFlops", "DECODE_STEP_FLOPS"},
            {"generationFlops", "GENERATION_FLOPS"}, {"kvCacheBytesPerToken", "KV_CACHE_BYTES_PER_TOKEN"},
            {"kvCacheBytes", "KV_CACHE_BYTES"}, {"prefillLatencyNanos", "PREFILL_LATENCY_NANOS"},
            {"decodeLatencyNanos", "DECODE_LATENCY_NANOS"}};
        for (String[] pair : pairs) {
            assertThat(((Number) generation.get(pair[0])).longValue())
                    .isEqualTo(compiled.constant("g.TinyDecoderCost", pair[1]));
        }
        assertThat(schema.validate(text.replace("\"kvCacheBytes\": 256,", ""), InputFormat.JSON)).isNotEmpty();
        String markdown = report(compiled.compilation(), "g.TinyDecoder.md");
        assertThat(markdown).contains("a prompt of 3 tokens, 4 tokens generated, longest context 8.");
        assertThat(markdown).contains("| generation FLOPs | 1,944 | 1.94 kFLOPs | prefill + each decode step |");
        assertThat(markdown).contains("| decode step latency (ns) | 13,880 |");
    }

    @Test
    void aNetworkWithoutGenerationHasNoneOfItsFigures() {
        String[] source = TINY_DECODER.clone();
        source[3] = "";
        Compiled compiled = Compiled.source(source);
        assertThat(report(compiled.compilation(), "g.TinyDecoder.json")).doesNotContain("\"generation\"");
        assertThat(report(compiled.compilation(), "g.TinyDecoder.md")).doesNotContain("key/value cache");
        assertThrows(AssertionError.class, () -> compiled.constant("g.TinyDecoderCost", "KV_CACHE_BYTES"));
    }

    private static String report(Compilation compilation, String name) {
        try {
            return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/modelcost/" + name)
                    .orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = GenerationTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
