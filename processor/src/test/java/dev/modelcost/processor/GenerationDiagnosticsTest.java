package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of {@code @Generation}: a prompt and tokens beyond the longest context (MC230, on
 * {@code tokens}), no causal self-attention (MC231), an input that is not a sequence (MC232), a layer without a
 * cached decode step (MC233, on the layer, or once where its block is used), a network that cannot be analyzed on the prompt or
 * on one token (MC234), and the budgets on its figures: without {@code @Generation} (MC235), on a layer (MC236),
 * a decode latency without a device (MC129) and over budget (MC200, silenced by {@code modelcost:budget}).
 */
class GenerationDiagnosticsTest {

    private static Fixture decoder(String name, String generation, String... more) {
        java.util.List<String> lines = new java.util.ArrayList<>(java.util.List.of(
                "package g;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 16))"));
        lines.add(generation);
        lines.addAll(java.util.List.of(more));
        lines.addAll(java.util.List.of(
                "public class " + name + " {",
                "    @Embedding(vocabulary = 10, dim = 8) Layer wte;",
                "    @Attention(heads = 2, causal = true) Layer attn;",
                "    @Linear(out = 10) Layer head;",
                "}"));
        return Fixture.of(lines.toArray(String[]::new));
    }

    @Test
    void aPromptAndTokensBeyondTheLongestContextAreAnErrorOnTokens() {
        Fixture fixture = decoder("TooLong",
                "@Generation(prompt = 10, tokens = 7)",
                "//                                ^ error [MC230] @Generation of network TooLong needs prompt + tokens"
                        + " = 10 + 7 = 17 tokens, more than its longest context of 16 ... at most 16");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aPromptOfNoTokensIsAnErrorOnPrompt() {
        Fixture fixture = decoder("NoPrompt",
                "@Generation(prompt = 0, tokens = 7)",
                "//                   ^ error [MC104] prompt of @Generation is 0; it must be at least 1");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void aNetworkWithoutCausalAttentionIsAnErrorOnGeneration() {
        Fixture fixture = Fixture.of(
                "package g;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 16))",
                "  @Generation(prompt = 4, tokens = 4)",
                "//^ error [MC231] @Generation on network NoCache, which has no causal self-attention layer ..."
                        + " causal = true",
                "public class NoCache {",
                "    @Embedding(vocabulary = 10, dim = 8) Layer wte;",
                "    @Linear(out = 10) Layer head;",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void anInputThatIsNotASequenceIsAnErrorOnGeneration() {
        Fixture fixture = Fixture.of(
                "package g;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {4, 4}))",
                "  @Generation(prompt = 4, tokens = 4)",
                "//^ error [MC232] @Generation on network OnAMap, whose input 8x4x4 is not a sequence",
                "public class OnAMap {",
                "    @Conv(out = 8, kernel = 1) Layer conv;",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void layersWithoutADecodeStepAreErrorsOnTheLayerOnceForABlock() {
        Fixture block = Fixture.of(
                "package g;",
                "import dev.modelcost.*;",
                "@Block",
                "public class Encoder {",
                "    @Attention(heads = 2) Layer attn;",
                "}");
        Fixture network = Fixture.of(
                "package g;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 16))",
                "@Generation(prompt = 4, tokens = 4)",
                "public class Bidirectional {",
                "    @Embedding(vocabulary = 10, dim = 8) Layer wte;",
                "    @Stage(block = Encoder.class, repeat = 3) Layer blocks;",
                "  //^ error [MC233] layer 'blocks.0.attn' of network Bidirectional has no decode step with a"
                        + " key/value cache: it is not causal ... remove @Generation",
                "    @Attention(heads = 2, causal = true) Layer causal;",
                "    @Conv(out = 8, kernel = 1) Layer perToken;",
                "    @Conv(out = 8, kernel = 3, padding = 1) Layer window;",
                "  //^ error [MC233] layer 'window' of network Bidirectional has no decode step ... its kernel or"
                        + " stride spans several tokens",
                "    @MaxPool(kernel = 1) Layer pool;",
                "  //^ error [MC233] layer 'pool' of network Bidirectional has no decode step ... it pools over"
                        + " tokens",
                "    @LSTM(hidden = 8, bidirectional = true) Layer lstm;",
                "  //^ error [MC233] layer 'lstm' of network Bidirectional has no decode step ... it is"
                        + " bidirectional",
                "}");
        Fixture.assertExactly(Fixture.compile(block, network), block, network);
    }

    @Test
    void layersThatMixTokensHaveNoDecodeStep() {
        // Each of these needs other tokens than the new one (or changes the sequence's length), so a decode step
        // on the new token alone would not be what the layer computes.
        Fixture fixture = Fixture.of(
                "package g;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 16))",
                "@Generation(prompt = 4, tokens = 4)",
                "public class Mixing {",
                "    @Embedding(vocabulary = 10, dim = 8) Layer wte;",
                "    @Attention(heads = 2, causal = true) Layer attn;",
                "    @GroupNorm(2) Layer groupNorm;",
                "  //^ error [MC233] layer 'groupNorm' of network Mixing has no decode step ... it normalizes over the"
                        + " tokens too",
                "    @Permute({0, 1}) Layer identity;",
                "  //^ error [MC233] layer 'identity' ... a permutation moves values between the tokens",
                "    @Reshape(channels = 8, size = -1) Layer reshape;",
                "  //^ error [MC233] layer 'reshape' ... a reshape lays out the values of every token at once",
                "    @Learned(combine = Combine.PREPEND, size = 1) Layer classToken;",
                "  //^ error [MC233] layer 'classToken' ... it puts tokens before the whole sequence",
                "    @Concat(value = {\"classToken\", \"classToken\"}, axis = 1) Layer twice;",
                "  //^ error [MC233] layer 'twice' ... it concatenates along the tokens",
                "    @Concat({\"twice\", \"twice\"}) Layer features;",
                "    @PixelShuffle(1) Layer shuffle;",
                "  //^ error [MC233] layer 'shuffle' ... it moves values between neighbouring tokens",
                "    @Upsample(scale = 1) Layer upsample;",
                "  //^ error [MC233] layer 'upsample' ... it resizes the whole sequence",
                "    @MatMul(value = {\"upsample\", \"upsample\"}, transposeSecond = true) Layer scores;",
                "  //^ error [MC233] layer 'scores' ... a product of two activations mixes every token",
                "    @Tokens Layer tokens;",
                "  //^ error [MC233] layer 'tokens' ... it makes tokens of a whole feature map at once",
                "    @ToMap(size = 34) Layer map;",
                "  //^ error [MC233] layer 'map' ... it lays the whole sequence out as a map",
                "    @SelectToken(index = -1) Layer last;",
                "  //^ error [MC233] layer 'last' ... it picks one token of the whole sequence",
                "    @Flatten @From(\"map\") Layer flatten;",
                "  //^ error [MC233] layer 'flatten' ... it flattens the whole sequence into one vector",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void aDenseLayerOverTheSequenceHasNoDecodeStep() {
        Fixture fixture = Fixture.of(
                "package g;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 16))",
                "@Generation(prompt = 4, tokens = 4)",
                "public class Classifier {",
                "    @Embedding(vocabulary = 10, dim = 8) Layer wte;",
                "    @Attention(heads = 2, causal = true) Layer attn;",
                "    @Dense(out = 3) Layer head;",
                "  //^ error [MC233] layer 'head' of network Classifier has no decode step ... a dense layer flattens"
                        + " the whole sequence",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void layersThatChangeTheSequencesLengthHaveNoDecodeStep() {
        // A per-token convolution with padding makes 16 tokens 18, and a learned tensor of 16 tokens added to one
        // new token would broadcast it to 16: neither is what a decode step on the new token computes. Such
        // layers were the ones that failed on the prompt or on one token (MC234); they are refused first now.
        Fixture fixture = Fixture.of(
                "package g;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 16))",
                "@Generation(prompt = 4, tokens = 4)",
                "public class Lengths {",
                "    @Embedding(vocabulary = 10, dim = 8) Layer wte;",
                "    @Learned(combine = Combine.ADD, size = 16) Layer positions;",
                "  //^ error [MC233] layer 'positions' ... its tensor spans a fixed number of tokens; @PositionEmbedding"
                        + " adds each position's row",
                "    @Learned(combine = Combine.MULTIPLY, size = 1) Layer scale;",
                "    @Attention(heads = 2, causal = true) Layer attn;",
                "    @Conv(out = 8, kernel = 1, paddingMode = PaddingMode.SAME) Layer same;",
                "    @Conv(out = 8, kernel = 1, padding = 1) Layer padded;",
                "  //^ error [MC233] layer 'padded' ... its padding adds tokens to the sequence",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void generationBudgetsNeedGenerationADeviceAndTheNetwork() {
        Fixture withoutGeneration = Fixture.of(
                "package g;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 16))",
                "@Budget(kvCacheBytes = 1_000)",
                "//                     ^ error [MC235] a kvCacheBytes budget on network Plain needs"
                        + " @Generation(prompt = ..., tokens = ...)",
                "public class Plain {",
                "    @Embedding(vocabulary = 10, dim = 8) Layer wte;",
                "    @Attention(heads = 2, causal = true) @Budget(decodeLatencyNanos = 5) Layer attn;",
                "    //                                                                ^ error [MC236] a decodeLatencyNanos"
                        + " budget on layer 'attn': it is a figure of the whole network's generation",
                "}");
        Fixture withoutDevice = decoder("NoDevice",
                "@Generation(prompt = 4, tokens = 4)",
                "@Budget(decodeLatencyNanos = 1_000)",
                "//                           ^ error [MC129] a latency budget on network NoDevice needs a device");
        Fixture.assertExactly(Fixture.compile(withoutGeneration, withoutDevice), withoutGeneration, withoutDevice);
    }

    @Test
    void overItsGenerationBudgetsANetworkGetsWarningsOnTheLimitsUnlessSuppressed() {
        // d = 8, 2 heads of 4 (kv 2): a key and a value of 8 per token, FP32: 64 bytes; 16 tokens: 1,024.
        Fixture over = decoder("OverCache",
                "@Generation(prompt = 4, tokens = 4)",
                "@Budget(kvCacheBytes = 1_000, decodeLatencyNanos = 1)",
                "//                     ^ warning [MC200] network OverCache is over budget: key/value cache bytes"
                        + " 1,024 > limit 1,000 (+24, 2.4% over); reduce the cost",
                "//                                                 ^ warning [MC200] network OverCache is over"
                        + " budget: decode step latency (ns)",
                "@Device(preset = DevicePreset.T4)");
        Fixture quiet = decoder("QuietCache",
                "@Generation(prompt = 4, tokens = 4)",
                "@Budget(kvCacheBytes = 1_000)",
                "@SuppressWarnings(\"modelcost:budget\")");
        Fixture.Outcome outcome = Fixture.compile(over, quiet);
        Fixture.assertExactly(outcome, over, quiet);
        assertThat(outcome.generatedSources()).hasSize(2);
    }
}
