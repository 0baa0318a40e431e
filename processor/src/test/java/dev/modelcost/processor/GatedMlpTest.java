package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.modelcost.processor.LayerKindsTest.network;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import org.junit.jupiter.api.Test;

/**
 * {@code @RMSNorm} (a gain of {@code C} with {@code affine}; 3 operations per element, 4 with the gain) and
 * {@code @GatedMlp} (SwiGLU: three projections of {@code d * hidden}, the gate's activation and product), the
 * two kinds of a Llama-style decoder beside its attention.
 */
class GatedMlpTest {

    @Test
    void rmsNormalizationHasAGainPerChannelAndNoShift() {
        // Llama-3.2-1B's norm of 2,048 features at 16 tokens (N = 32,768): 2,048 parameters; 4 * N = 131,072
        // FLOPs; without the gain none and 3 * N = 98,304.
        ModelCost model = network("@Shape(channels = 2048, size = 16)",
                "@RMSNorm Layer norm;",
                "@RMSNorm(affine = false) Layer plain;");
        LayerCost norm = model.layer("norm");
        assertThat(norm.kind()).isEqualTo(LayerKind.RMS_NORM);
        assertThat(norm.outputShape()).isEqualTo(new int[] {2048, 16});
        assertThat(norm.params()).isEqualTo(2_048L);
        assertThat(norm.flops()).isEqualTo(131_072L);
        assertThat(norm.macs()).isEqualTo(0L);
        assertThat(norm.settings()).isEqualTo("");
        LayerCost plain = model.layer("plain");
        assertThat(plain.params()).isEqualTo(0L);
        assertThat(plain.flops()).isEqualTo(98_304L);
        assertThat(plain.settings()).isEqualTo("no-affine");
    }

    @Test
    void llamasMlpIsThreeProjectionsAndAGate() {
        // Llama-3.2-1B's MLP, d = 2,048, hidden 8,192, at 16 tokens.
        LayerCost mlp = network("@Shape(channels = 2048, size = 16)", "@GatedMlp(hidden = 8192) Layer mlp;")
                .layer("mlp");
        assertThat(mlp.kind()).isEqualTo(LayerKind.GATED_MLP);
        assertThat(mlp.outputShape()).isEqualTo(new int[] {2048, 16});
        // 3 * 2,048 * 8,192 = 50,331,648 parameters (gate_proj, up_proj, down_proj, no biases).
        assertThat(mlp.params()).isEqualTo(50_331_648L);
        // 16 * 50,331,648 = 805,306,368 MACs.
        assertThat(mlp.macs()).isEqualTo(805_306_368L);
        assertThat(mlp.biasAdds()).isEqualTo(0L);
        // 2 * 805,306,368 + (SiLU's 5 + the product's 1) * 16 * 8,192 = 1,610,612,736 + 786,432.
        assertThat(mlp.flops()).isEqualTo(1_611_399_168L);
        assertThat(mlp.settings()).isEqualTo("hidden=8192 silu");
    }

    @Test
    void withBiasesEachProjectionAddsOne() {
        // d = 4, hidden 6, 2 tokens, GELU: MACs 2 * 3 * 4 * 6 = 144; parameters 72 + (6 + 6 + 4) = 88; bias
        // additions 2 * 16 = 32; FLOPs 2 * 144 + (12 + 1) * 2 * 6 + 32 = 288 + 156 + 32 = 476.
        LayerCost mlp = network("@Shape(channels = 4, size = 2)",
                "@GatedMlp(hidden = 6, activation = ActivationFunction.GELU, bias = true) Layer mlp;").layer("mlp");
        assertThat(mlp.macs()).isEqualTo(144L);
        assertThat(mlp.params()).isEqualTo(88L);
        assertThat(mlp.biasAdds()).isEqualTo(32L);
        assertThat(mlp.flops()).isEqualTo(476L);
        assertThat(mlp.settings()).isEqualTo("hidden=6 gelu bias");
    }

    @Test
    void aLlamaStyleDecoderHasItsPublishedParametersWithTiedEmbeddings() {
        // Llama-3.2-1B's published configuration (vocabulary 128,256, d 2,048, 16 layers, 32 heads of 64,
        // 8 key/value heads, MLP 8,192, tie_word_embeddings), here at 16 tokens; parameters 1,235,814,400
        // ("1.24 B"): embed_tokens 128,256 * 2,048 = 262,668,288; each layer 60,821,504 (two norms of 2,048;
        // q_proj and o_proj 2,048 * 2,048 = 4,194,304 each; k_proj and v_proj 2,048 * 512 = 1,048,576 each; the
        // MLP's 50,331,648) = 973,144,064 for 16; the final norm 2,048; lm_head tied to embed_tokens: 0.
        // Attention's products have no parameters: its output has q_proj's shape, which o_proj takes.
        ModelCost model = network("@Shape(channels = 1, size = 16)",
                "@Embedding(vocabulary = 128256, dim = 2048) Layer embed_tokens;",
                "@Stage(block = DecoderLayer.class, repeat = 16) Layer layers;",
                "@RMSNorm Layer norm;",
                "@Linear(out = 128256, bias = false, tiedTo = \"embed_tokens\") Layer lm_head;",
                "@Block static class DecoderLayer {",
                "    @RMSNorm Layer input_layernorm;",
                "    @Linear(out = 2048, bias = false) Layer q_proj;",
                "    @From(\"input_layernorm\") @Linear(out = 512, bias = false) Layer k_proj;",
                "    @From(\"input_layernorm\") @Linear(out = 512, bias = false) Layer v_proj;",
                "    @From(\"q_proj\") @Linear(out = 2048, bias = false) Layer o_proj;",
                "    @Add({From.INPUT, \"o_proj\"}) Layer attention_residual;",
                "    @RMSNorm Layer post_attention_layernorm;",
                "    @GatedMlp(hidden = 8192) Layer mlp;",
                "    @Add({\"attention_residual\", \"mlp\"}) Layer mlp_residual;",
                "}");
        assertThat(model.params()).isEqualTo(1_235_814_400L);
        assertThat(model.layer("lm_head").settings()).isEqualTo("in=2048 no-bias tied to 'embed_tokens'");
        // 16 * 2,048 * 128,256 = 4,202,692,608 MACs in the tied head.
        assertThat(model.layer("lm_head").macs()).isEqualTo(4_202_692_608L);
    }
}
