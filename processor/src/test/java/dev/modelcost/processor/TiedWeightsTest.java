package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.modelcost.processor.LayerKindsTest.network;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Embedding} and a {@code @Linear} tied to an earlier layer's weight matrix: the shared matrix counts once
 * in {@code PARAMS} (as PyTorch's {@code parameters()} yields a shared tensor once), the tied layer's MACs count,
 * and its bytes moved still include the matrix it reads.
 */
class TiedWeightsTest {

    @Test
    void anEmbeddingLooksTokensUpWithoutOperations() {
        // GPT-2's wte at 1,024 tokens: 50,257 * 768 = 38,597,376 parameters, no MACs, no FLOPs; 768x{1024} out.
        LayerCost wte = network("@Shape(channels = 1, size = 1024)",
                "@Embedding(vocabulary = 50257, dim = 768) Layer wte;").layer("wte");
        assertThat(wte.kind()).isEqualTo(LayerKind.EMBEDDING);
        assertThat(wte.outputShape()).isEqualTo(new int[] {768, 1024});
        assertThat(wte.params()).isEqualTo(38_597_376L);
        assertThat(wte.macs()).isEqualTo(0L);
        assertThat(wte.flops()).isEqualTo(0L);
        assertThat(wte.activations()).isEqualTo(786_432L); // 768 * 1,024
        assertThat(wte.settings()).isEqualTo("vocabulary=50257");
    }

    @Test
    void aTiedProjectionCountsItsMacsButNotTheSharedMatrix() {
        // vocabulary 10, dim 4, 3 tokens.
        ModelCost model = network("@Shape(channels = 1, size = 3)",
                "@Embedding(vocabulary = 10, dim = 4) Layer wte;",
                "@Linear(out = 10, bias = false, tiedTo = \"wte\") Layer head;");
        LayerCost head = model.layer("head");
        assertThat(head.outputShape()).isEqualTo(new int[] {10, 3});
        // 3 * 4 * 10 = 120 MACs; its 10x4 matrix is wte's 40 parameters, counted there only.
        assertThat(head.macs()).isEqualTo(120L);
        assertThat(head.params()).isEqualTo(0L);
        assertThat(model.params()).isEqualTo(40L);
        assertThat(head.settings()).isEqualTo("in=4 no-bias tied to 'wte'");
        // Bytes moved at FP32: input 4 * 3 = 12 read, 10 * 3 = 30 written, the shared 40 weights read:
        // (12 + 30 + 40) * 4 = 328, as an untied layer would move.
        assertThat(head.bytesMoved()).isEqualTo(328L);
        // wte: 3 ids read, 12 written, 40 weights: 55 * 4 = 220. PARAM_BYTES counts the matrix once: 160.
        assertThat(model.layer("wte").bytesMoved()).isEqualTo(220L);
        assertThat(model.paramBytes()).isEqualTo(160L);
    }

    @Test
    void aTiedBiasStillCounts() {
        // A tied linear layer with a bias keeps its bias: 10 parameters of its own, wte's 40 besides.
        ModelCost model = network("@Shape(channels = 1, size = 3)",
                "@Embedding(vocabulary = 10, dim = 4) Layer wte;",
                "@Linear(out = 10, tiedTo = \"wte\") Layer head;");
        assertThat(model.layer("head").params()).isEqualTo(10L);
        assertThat(model.layer("head").biasAdds()).isEqualTo(30L); // 3 tokens * 10
        assertThat(model.params()).isEqualTo(50L);
    }

    @Test
    void aLinearLayerMayShareAnotherLinearLayersMatrix() {
        // Two 6 -> 6 projections on 2 tokens, the second sharing the first's 6x6 (out x in) matrix: 36 + 6 for
        // the first, 6 (its bias) for the second; each does 2 * 6 * 6 = 72 MACs.
        ModelCost model = network("@Shape(channels = 6, size = 2)",
                "@Linear(out = 6) Layer a;",
                "@Linear(out = 6, tiedTo = \"a\") Layer b;");
        assertThat(model.layer("b").params()).isEqualTo(6L);
        assertThat(model.params()).isEqualTo(48L);
        assertThat(model.macs()).isEqualTo(144L);
    }

    @Test
    void aTieToATiedLayerSharesTheSameMatrix() {
        // c ties to b, which ties to a: the 6x6 matrix counts once, in a (36 + 6); b and c keep their biases (6
        // each): 54 parameters; c's settings name b, the layer it names. Each layer still reads the 36 weights:
        // c moves (12 in + 12 out + 6 bias + 36 shared) * 4 = 264 bytes.
        ModelCost model = network("@Shape(channels = 6, size = 2)",
                "@Linear(out = 6) Layer a;",
                "@Linear(out = 6, tiedTo = \"a\") Layer b;",
                "@Linear(out = 6, tiedTo = \"b\") Layer c;");
        assertThat(model.params()).isEqualTo(54L);
        assertThat(model.layer("c").settings()).isEqualTo("in=6 tied to 'b'");
        assertThat(model.layer("c").bytesMoved()).isEqualTo(264L);
    }

    @Test
    void aLayerInABlockTiesToAnEarlierLayerOfTheSameRepetition() {
        // Each of 2 repetitions: its own 5 -> 5 matrix (25 + 5), a tied projection with only its bias (5).
        ModelCost model = network("@Shape(channels = 5, size = 4)",
                "@Stage(block = Pair.class, repeat = 2) Layer pairs;",
                "@Block static class Pair {",
                "    @Linear(out = 5) Layer first;",
                "    @Linear(out = 5, tiedTo = \"first\") Layer second;",
                "}");
        assertThat(model.params()).isEqualTo(2L * (30 + 5));
        assertThat(model.layer("pairs.1.second").settings()).isEqualTo("in=5 tied to 'pairs.1.first'");
    }

    @Test
    void gpt2SmallHasItsPublishedParametersWithTheOutputProjectionTied() {
        // GPT-2 small (124M) at its context of 1,024 tokens. Parameters of the published checkpoint,
        // 124,439,808: wte 50,257 * 768 = 38,597,376; wpe 1,024 * 768 = 786,432; 12 blocks of 7,087,872 (ln_1 and
        // ln_2 1,536 each; c_attn 768 * 2,304 + 2,304 = 1,771,776; attention's c_proj 768 * 768 + 768 = 590,592;
        // c_fc 768 * 3,072 + 3,072 = 2,362,368; the MLP's c_proj 3,072 * 768 + 768 = 2,360,064) = 85,054,464;
        // ln_f 1,536; lm_head tied to wte: 0. The attention's products have no parameters: the block takes V's
        // 768 channels of c_attn's output for their result, which has its shape.
        ModelCost model = network("@Shape(channels = 1, size = 1024)",
                "@Embedding(vocabulary = 50257, dim = 768) Layer wte;",
                "@PositionEmbedding(positions = 1024) Layer wpe;",
                "@Stage(block = Gpt2Block.class, repeat = 12) Layer h;",
                "@LayerNorm Layer ln_f;",
                "@Linear(out = 50257, bias = false, tiedTo = \"wte\") Layer lm_head;",
                "@Block static class Gpt2Block {",
                "    @LayerNorm Layer ln_1;",
                "    @Linear(out = 2304) Layer c_attn;",
                "    @Slice(from = 1536, to = 2304) Layer values;",
                "    @Linear(out = 768) Layer attn_proj;",
                "    @Add({From.INPUT, \"attn_proj\"}) Layer attn_residual;",
                "    @LayerNorm Layer ln_2;",
                "    @Linear(out = 3072) Layer c_fc;",
                "    @Activation(ActivationFunction.GELU) Layer gelu;",
                "    @Linear(out = 768) Layer mlp_proj;",
                "    @Add({\"attn_residual\", \"mlp_proj\"}) Layer mlp_residual;",
                "}");
        assertThat(model.params()).isEqualTo(124_439_808L);
        LayerCost lmHead = model.layer("lm_head");
        assertThat(lmHead.params()).isEqualTo(0L);
        // 1,024 * 768 * 50,257 = 39,523,713,024 MACs.
        assertThat(lmHead.macs()).isEqualTo(39_523_713_024L);
        assertThat(lmHead.outputShape()).isEqualTo(new int[] {50257, 1024});
    }

    @Test
    void theReportsNameTheKindsAndTheTie() throws IOException {
        Compiled compiled = Compiled.source("package k;", "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 3))", "public class T {",
                "@Embedding(vocabulary = 10, dim = 4) Layer wte;",
                "@Linear(out = 10, bias = false, tiedTo = \"wte\") Layer head;", "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        String json = compiled.compilation().generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/modelcost/k.T.json")
                .orElseThrow().getCharContent(true).toString();
        assertThat(json).contains("\"kind\": \"EMBEDDING\"");
        assertThat(json).contains("\"kind\": \"LINEAR\"");
        assertThat(json).contains("\"settings\": \"in=4 no-bias tied to 'wte'\"");
        String markdown = compiled.compilation().generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/modelcost/k.T.md").orElseThrow().getCharContent(true).toString();
        assertThat(markdown).contains("| LINEAR |");
        // The tie is a setting: the JSON's (above) and the page's; the Markdown's narrow table has none.
    }
}
