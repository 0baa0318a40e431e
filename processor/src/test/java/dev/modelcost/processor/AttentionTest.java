package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Attention}: the projections as per-token linear layers, the products {@code Q K^T} and {@code A V} of
 * every query against every key per head (per window, for windowed attention), 4 operations per score (scaling
 * and softmax), 3 per rotated element, and, in the roofline, the queries, keys, values and scores it writes and
 * reads in between. Figures checked against published ones where there are some (torchvision's ViT-B/16, PyTorch's
 * {@code nn.MultiheadAttention}, Llama 3.2 1B's configuration, Swin-T and the Swin paper's equation (2)), the rest
 * derived by hand beside each assertion.
 */
class AttentionTest {

    @Test
    void aVitB16EncoderLayersSelfAttentionHasMultiheadAttentionsParameters() {
        // ViT-B/16 at 224x224: 196 patches and the class token, L = 197, d = 768, 12 heads of 64 (torchvision 0.15+
        // vit_b_16, whose encoder layers use nn.MultiheadAttention(768, 12)).
        LayerCost attention = LayerKindsTest.network("@Shape(channels = 768, size = 197)",
                "@Attention(heads = 12) Layer attention;").layer("attention");
        assertThat(attention.kind()).isEqualTo(LayerKind.ATTENTION);
        assertThat(attention.outputShape()).isEqualTo(new int[] {768, 197});
        // in-projection 197 * 768 * 2304 = 348,585,984; products 2 * 12 * 197 * 197 * 64 = 2 * 29,805,312 =
        // 59,610,624; out-projection 197 * 768 * 768 = 116,195,328 (docs/FORMULAS.md#attention's first
        // example); together 524,391,936.
        assertThat(attention.macs()).isEqualTo(348_585_984L + 59_610_624L + 116_195_328L);
        assertThat(attention.macs()).isEqualTo(524_391_936L);
        // PyTorch's nn.MultiheadAttention(768, 12) (torch/nn/modules/activation.py: in_proj_weight (3d, d),
        // in_proj_bias (3d), out_proj Linear(d, d)): 3d^2 + 3d + d^2 + d = 1,769,472 + 2,304 + 589,824 + 768 =
        // 2,362,368.
        assertThat(attention.params()).isEqualTo(2_362_368L);
        // One per output of each projection: 197 * 2304 + 197 * 768 = 605,184.
        assertThat(attention.biasAdds()).isEqualTo(605_184L);
        // 2 * 524,391,936 + 605,184 + 4 per score * (12 * 197 * 197 = 465,708) = 1,048,783,872 + 605,184 +
        // 1,862,832 = 1,051,251,888.
        assertThat(attention.flops()).isEqualTo(1_051_251_888L);
        assertThat(attention.activations()).isEqualTo(768L * 197);
        assertThat(attention.settings()).isEqualTo("h=12 hs=64");
    }

    @Test
    void aLlama32OneBLayersGroupedQueryAttentionIsCausalWithRotaryEmbeddings() {
        // Llama 3.2 1B (meta-llama/Llama-3.2-1B's published config.json: hidden_size 2048, num_attention_heads 32,
        // num_key_value_heads 8, head_dim 64, attention_bias false; transformers' LlamaAttention rotates the whole
        // head), here at L = 128 tokens.
        ModelCost model = LayerKindsTest.network("@Shape(channels = 2048, size = 128)",
                "@Attention(heads = 32, kvHeads = 8, headSize = 64, causal = true, bias = false, rotary = 64)"
                        + " Layer attention;");
        LayerCost attention = model.layer("attention");
        // q_proj and o_proj 2048 x 2048 each, k_proj and v_proj 2048 x 512 each: 2 * 2048 * 2048 + 2 * 2048 * 512
        // = 8,388,608 + 2,097,152 = 10,485,760.
        assertThat(attention.params()).isEqualTo(2L * 2048 * 2048 + 2L * 2048 * 512);
        assertThat(attention.params()).isEqualTo(10_485_760L);
        // Projections 128 * 10,485,760 = 1,342,177,280; products 2 * 32 * 128 * 128 * 64 = 67,108,864 (in full, as
        // PyTorch's FlopCounterMode counts a causal product).
        assertThat(attention.macs()).isEqualTo(1_342_177_280L + 67_108_864L);
        assertThat(attention.biasAdds()).isEqualTo(0L);
        // 2 * 1,409,286,144 + 4 * (32 * 128 * 128 = 524,288) + 3 * 64 rotated * (128 * 32 query heads + 128 * 8 key
        // heads = 5,120) = 2,818,572,288 + 2,097,152 + 983,040 = 2,821,652,480.
        assertThat(attention.flops()).isEqualTo(2_821_652_480L);
        // The mask keeps 128 * 129 / 2 = 8,256 pairs: 2 * 32 * 8,256 * 64 = 33,816,576 masked MACs.
        assertThat(attention.settings()).isEqualTo("h=32 kv=8 hs=64 causal masked-macs=33816576 rope=64 no-bias");
    }

    @Test
    void multiQueryAttentionHasOneKeyValueHead() {
        // heads 8 of 64 on 512 x {16}, one key/value head, no bias: q and out 512 x 512, k and v 512 x 64:
        // 2 * 262,144 + 2 * 32,768 = 589,824 parameters. MACs: q and out 2 * 16 * 512 * 512 = 8,388,608; k and v
        // 2 * 16 * 512 * 64 = 1,048,576; products 2 * 8 * 16 * 16 * 64 = 262,144; 9,699,328 in all.
        LayerCost attention = LayerKindsTest.network("@Shape(channels = 512, size = 16)",
                "@Attention(heads = 8, kvHeads = 1, bias = false) Layer attention;").layer("attention");
        assertThat(attention.params()).isEqualTo(589_824L);
        assertThat(attention.macs()).isEqualTo(9_699_328L);
        assertThat(attention.settings()).isEqualTo("h=8 kv=1 hs=64 no-bias");
    }

    @Test
    void aHeadSizeOfItsOwnWidensTheQueries() {
        // 4 heads of 32 on 64 x {8}: H * hs = 128. Parameters: q 64 * 128, k and v 2 * 64 * 128, out 128 * 64 =
        // 32,768, and biases 128 + 256 + 64 = 448: 33,216. MACs: 8 * 32,768 = 262,144 for the projections and
        // 2 * 4 * 8 * 8 * 32 = 16,384 for the products: 278,528.
        LayerCost attention = LayerKindsTest.network("@Shape(channels = 64, size = 8)",
                "@Attention(heads = 4, headSize = 32) Layer attention;").layer("attention");
        assertThat(attention.params()).isEqualTo(33_216L);
        assertThat(attention.macs()).isEqualTo(278_528L);
        assertThat(attention.outputShape()).isEqualTo(new int[] {64, 8});
        assertThat(attention.settings()).isEqualTo("h=4 hs=32");
    }

    @Test
    void withoutProjectionsItIsTheProductsAlone() {
        // Q = K = V = the input, 64 x {10} as 4 heads of 16: products 2 * 4 * 10 * 10 * 16 = 12,800 MACs; no
        // parameters; FLOPs 2 * 12,800 + 4 * (4 * 10 * 10 = 400) = 27,200.
        LayerCost attention = LayerKindsTest.network("@Shape(channels = 64, size = 10)",
                "@Attention(heads = 4, projections = false) Layer attention;").layer("attention");
        assertThat(attention.macs()).isEqualTo(12_800L);
        assertThat(attention.params()).isEqualTo(0L);
        assertThat(attention.biasAdds()).isEqualTo(0L);
        assertThat(attention.flops()).isEqualTo(27_200L);
        assertThat(attention.outputShape()).isEqualTo(new int[] {64, 10});
        assertThat(attention.settings()).isEqualTo("h=4 hs=16 no-proj");
    }

    @Test
    void crossAttentionTakesKeysAndValuesFromTheLayerItNames() {
        // Memory 256 x {20} (the input); queries 512 x {10} from a strided kernel-2 convolution. PyTorch's
        // nn.MultiheadAttention(512, 8, kdim=256, vdim=256): q_proj 512 * 512, k_proj and v_proj 256 * 512 each,
        // in_proj_bias 3 * 512, out_proj 512 * 512 + 512: 262,144 + 262,144 + 1,536 + 262,656 = 788,480.
        ModelCost model = LayerKindsTest.network("@Shape(channels = 256, size = 20)",
                "@Conv(out = 512, kernel = 2, stride = 2) Layer queries;",
                "@Attention(heads = 8, keys = From.INPUT) Layer cross;");
        LayerCost cross = model.layer("cross");
        assertThat(cross.params()).isEqualTo(788_480L);
        // L = 10, M = 20: q 10 * 512 * 512 = 2,621,440; k and v 2 * 20 * 256 * 512 = 5,242,880; out 2,621,440;
        // products 2 * 8 * 10 * 20 * 64 = 204,800; 10,690,560 in all.
        assertThat(cross.macs()).isEqualTo(10_690_560L);
        // Bias additions 10 * 512 + 2 * 20 * 512 + 10 * 512 = 30,720; FLOPs 2 * 10,690,560 + 30,720 + 4 * (8 * 10
        // * 20 = 1,600) = 21,418,240.
        assertThat(cross.biasAdds()).isEqualTo(30_720L);
        assertThat(cross.flops()).isEqualTo(21_418_240L);
        assertThat(cross.outputShape()).isEqualTo(new int[] {512, 10});
        assertThat(cross.settings()).isEqualTo("h=8 hs=64 keys=<input>");
        // It reads both inputs (5,120 + 5,120 elements), writes 5,120, reads 788,480 parameters, and writes and
        // reads again Q (10 * 512 = 5,120), K and V (20 * 512 = 10,240 each), the heads' output (5,120) and the
        // 1,600 scores: 2 * (5,120 + 20,480 + 5,120 + 1,600) = 64,640. 868,480 elements of 4 bytes: 3,473,920.
        assertThat(cross.bytesMoved()).isEqualTo(3_473_920L);
        // The input stays alive until the attention reads it: 5,120 + 5,120 + 5,120 elements at once, 61,440 bytes
        // (without its keys, the input would be freed after the convolution: 40,960).
        assertThat(model.peakActivationBytes()).isEqualTo(61_440L);
    }

    @Test
    void crossAttentionKeysCanBeAnyEarlierLayer() {
        // Encoder output 64 x {6} from the input 32 x {6}; a decoder stream 64 x {3}: L = 3, M = 6, d = dkv = 64,
        // 2 heads of 32, no bias. MACs: q and out 2 * 3 * 64 * 64 = 24,576; k and v 2 * 6 * 64 * 64 = 49,152;
        // products 2 * 2 * 3 * 6 * 32 = 2,304; 76,032.
        ModelCost model = LayerKindsTest.network("@Shape(channels = 32, size = 6)",
                "@Conv(out = 64, kernel = 1) Layer encoder;",
                "@Conv(out = 64, kernel = 2, stride = 2) Layer decoder;",
                "@Attention(heads = 2, keys = \"encoder\", bias = false) Layer cross;");
        assertThat(model.layer("cross").macs()).isEqualTo(76_032L);
        assertThat(model.layer("cross").settings()).isEqualTo("h=2 hs=32 keys=encoder no-bias");
    }

    @Test
    void swinTsFirstStageAttendsWithinWindowsWithARelativePositionBias() {
        // Swin-T stage 1 (torchvision's swin_transformer.py, swin_t: embed_dim 96, num_heads[0] 3, window_size
        // [7, 7], every second block shifted by w // 2 = 3): 96 channels on 56 x 56 (3,136 tokens), 64 windows of
        // 49 tokens, 3 heads of 32. The Swin paper's equation (2), 4hwC^2 + 2M^2hwC = 4 * 3,136 * 9,216 +
        // 2 * 49 * 3,136 * 96 = 115,605,504 + 29,503,488 = 145,108,992 MACs: the products per window
        // 2 * 3 * 49 * 49 * 32, times 64.
        ModelCost model = LayerKindsTest.network("@Shape(channels = 96, size = {56, 56})",
                "@Attention(heads = 3, window = {7, 7}, relativePositionBias = true) Layer block0;",
                "@Attention(heads = 3, window = 7, shift = 3, relativePositionBias = true) Layer block1;");
        LayerCost block = model.layer("block0");
        assertThat(block.outputShape()).isEqualTo(new int[] {96, 56, 56});
        assertThat(block.macs()).isEqualTo(145_108_992L);
        // torchvision's ShiftedWindowAttention(96, [7, 7], [0, 0], 3): qkv Linear(96, 288) 27,936, proj
        // Linear(96, 96) 9,312, relative_position_bias_table ((2*7-1) * (2*7-1), 3) = 507: 37,755.
        assertThat(block.params()).isEqualTo(37_755L);
        // Bias additions 3,136 * (288 + 96) = 1,204,224; FLOPs 2 * 145,108,992 + 1,204,224 + 5 per score (scale,
        // softmax, bias) * (64 * 3 * 49 * 49 = 460,992) = 290,217,984 + 1,204,224 + 2,304,960 = 293,727,168.
        assertThat(block.biasAdds()).isEqualTo(1_204_224L);
        assertThat(block.flops()).isEqualTo(293_727_168L);
        assertThat(block.settings()).isEqualTo("h=3 hs=32 window=7 rpb");
        // The shifted block counts the same: its mask adds no products.
        LayerCost shifted = model.layer("block1");
        assertThat(shifted.macs()).isEqualTo(145_108_992L);
        assertThat(shifted.params()).isEqualTo(37_755L);
        assertThat(shifted.flops()).isEqualTo(293_727_168L);
        assertThat(shifted.settings()).isEqualTo("h=3 hs=32 window=7 shift=3 rpb");
    }

    @Test
    void attentionsProductsReadActivationsInTheRoofline() {
        // ViT-B/16's attention, fp32: input and output 151,296 elements each, parameters 2,362,368, and in
        // between Q, K, V and the heads' output (151,296 each) and the 465,708 scores, each written and read once:
        // 2 * (4 * 151,296 + 465,708) = 2,141,784. 302,592 + 2,362,368 + 2,141,784 = 4,806,744 elements,
        // 19,226,976 bytes.
        LayerCost attention = LayerKindsTest.network("@Shape(channels = 768, size = 197)",
                "@Attention(heads = 12) Layer attention;").layer("attention");
        assertThat(attention.bytesMoved()).isEqualTo(19_226_976L);
        // Without projections only the scores are kept in between: 64 x {10}, 4 heads: 640 in, 640 out, 2 * 400
        // scores; 2,080 elements, 8,320 bytes.
        LayerCost products = LayerKindsTest.network("@Shape(channels = 64, size = 10)",
                "@Attention(heads = 4, projections = false) Layer attention;").layer("attention");
        assertThat(products.bytesMoved()).isEqualTo(8_320L);
    }

    @Test
    void theReportsNameItsKindAndBothItsInputs() throws IOException {
        Compiled compiled = Compiled.source("package k;", "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = 6))", "public class A {",
                "@Conv(out = 8, kernel = 1) Layer decoder;",
                "@Attention(heads = 2, keys = From.INPUT) Layer cross;",
                "@MatMul(value = {\"cross\", From.INPUT}, transposeSecond = true) Layer scores;",
                "@Rotary(headSize = 2) Layer rotated;", "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        String json = compiled.compilation().generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/modelcost/k.A.json")
                .orElseThrow().getCharContent(true).toString().replaceAll("\\s+", " ");
        // The queries from the convolution, the keys and values from the input (JSON escapes its < and >); then
        // the product of both.
        String input = "\\u003cinput\\u003e";
        assertThat(json).contains("\"kind\": \"ATTENTION\", \"settings\": \"h=2 hs=4 keys=" + input
                + "\", \"inputs\": [ \"decoder\", \"" + input + "\" ]");
        assertThat(json).contains("\"kind\": \"MATMUL\", \"settings\": \"cross x " + input + "^T\", \"inputs\": "
                + "[ \"cross\", \"" + input + "\" ]");
        assertThat(json).contains("\"kind\": \"ROTARY\"");
        String markdown = compiled.compilation().generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/modelcost/k.A.md").orElseThrow().getCharContent(true).toString();
        assertThat(markdown).contains("| ATTENTION |");
        assertThat(markdown).contains("| MATMUL |");
        assertThat(markdown).contains("| ROTARY |");
    }

    @Test
    void inABlockTheHeadsAreAParameterAndTheKeysTheBlocksInput() throws IOException {
        Compiled compiled = Compiled.source("package k;", "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 64, size = 10))", "public class B {",
                "@Stage(block = Encoder.class, repeat = 2, with = \"h = 4\") Layer encoder;",
                "@Block static class Encoder {",
                "@Param int h;",
                "@Attention(headsExpr = \"h\") Layer self;",
                "@Attention(headsExpr = \"h\", keys = From.INPUT) Layer cross;",
                "}", "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        ModelCost model = compiled.model("k.BCost");
        // Each attention: 4 heads of 16 on 64 x {10}; projections 4 * 10 * 64 * 64 = 163,840 and products
        // 2 * 4 * 10 * 10 * 16 = 12,800 MACs, 176,640; 4 * 64 * 64 + 4 * 64 = 16,640 parameters. Two per
        // repetition, two repetitions: 706,560 MACs, 66,560 parameters.
        assertThat(model.layer("encoder.1.self").macs()).isEqualTo(176_640L);
        assertThat(model.layer("encoder.1.cross").settings()).isEqualTo("h=4 hs=16 keys=<input>");
        assertThat(model.macs()).isEqualTo(706_560L);
        assertThat(model.params()).isEqualTo(66_560L);
        // The second repetition's cross-attention: queries from its self-attention, keys and values from the
        // block's input there, the first repetition's output.
        String json = compiled.compilation().generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/modelcost/k.B.json")
                .orElseThrow().getCharContent(true).toString().replaceAll("\\s+", " ");
        assertThat(json).contains("\"name\": \"encoder.1.cross\", \"stage\": \"encoder.1\", \"kind\": \"ATTENTION\", "
                + "\"settings\": \"h=4 hs=16 keys=\\u003cinput\\u003e\", \"inputs\": [ \"encoder.1.self\", \"encoder.0.cross\" ]");
    }
}
