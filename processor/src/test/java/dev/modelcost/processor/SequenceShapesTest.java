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
 * The layers that only reshape (docs/FORMULAS.md#sequence-shapes): between feature maps and sequences of tokens
 * ({@code @Tokens}, {@code @ToMap}, {@code @SelectToken}), {@code @Reshape}, {@code @Permute}, pixel shuffles and
 * {@code @Concat} along a size. Every shape below is worked out by hand from PyTorch's definitions; none of these
 * layers computes or has parameters, so each has 0 FLOPs and its output's elements as activations.
 */
class SequenceShapesTest {

    /** A layer that only moves elements: its kind, output shape and settings, and nothing counted but activations. */
    private static void assertMoves(LayerCost layer, LayerKind kind, int[] output, String settings) {
        assertThat(layer.kind()).isEqualTo(kind);
        assertThat(layer.outputShape()).isEqualTo(output);
        assertThat(layer.settings()).isEqualTo(settings);
        assertThat(layer.macs()).isEqualTo(0L);
        assertThat(layer.biasAdds()).isEqualTo(0L);
        assertThat(layer.flops()).isEqualTo(0L);
        assertThat(layer.params()).isEqualTo(0L);
        long elements = 1;
        for (int dimension : output) {
            elements *= dimension;
        }
        assertThat(layer.activations()).isEqualTo(elements);
    }

    @Test
    void vitsPatchesBecomeTokensAndOneTokenTheVector() {
        ModelCost model = LayerKindsTest.network("@Shape(channels = 3, size = {224, 224})",
                // torchvision's ViT-B/16 conv_proj: 224 / 16 = 14, so 768 x 14 x 14.
                "@Conv(out = 768, kernel = 16, stride = 16) Layer patches;",
                // _process_input's flatten(2).transpose(1, 2): 14 * 14 = 196 tokens of 768 (150,528 elements).
                "@Tokens Layer tokens;",
                // x[:, 0], the class token's position: the vector of 768 features.
                "@SelectToken Layer first;",
                // x[:, -1] on the same 196 tokens: the last one, also 768 features.
                "@From(\"tokens\") @SelectToken(index = -1) Layer last;",
                // x[:, 195] and x[:, -196] are the last and the first token again.
                "@From(\"tokens\") @SelectToken(index = 195) Layer lastByIndex;",
                "@From(\"tokens\") @SelectToken(index = -196) Layer firstFromTheEnd;");
        assertMoves(model.layer("tokens"), LayerKind.TOKENS, new int[] {768, 196}, "196 tokens");
        assertThat(model.layer("tokens").inputShape()).isEqualTo(new int[] {768, 14, 14});
        assertMoves(model.layer("first"), LayerKind.SELECT_TOKEN, new int[] {768}, "index=0");
        assertMoves(model.layer("last"), LayerKind.SELECT_TOKEN, new int[] {768}, "index=-1");
        assertMoves(model.layer("lastByIndex"), LayerKind.SELECT_TOKEN, new int[] {768}, "index=195");
        assertMoves(model.layer("firstFromTheEnd"), LayerKind.SELECT_TOKEN, new int[] {768}, "index=-196");
    }

    @Test
    void tokensOfAnyRankAndOfASequence() {
        // A video clip's 2 x 3 x 4 = 24 positions; a sequence stays itself (5 tokens); a 1-D map of 7 is 7 tokens.
        assertMoves(LayerKindsTest.network("@Shape(channels = 16, size = {2, 3, 4})", "@Tokens Layer t;").layer("t"),
                LayerKind.TOKENS, new int[] {16, 24}, "24 tokens");
        assertMoves(LayerKindsTest.network("@Shape(channels = 8, size = 5)", "@Tokens Layer t;").layer("t"),
                LayerKind.TOKENS, new int[] {8, 5}, "5 tokens");
    }

    @Test
    void swinsTokensGoBackToAMapAndAreMergedByPixelUnshuffle() {
        ModelCost model = LayerKindsTest.network("@Shape(channels = 96, size = {56, 56})",
                // Swin-T's stage 1: 56 * 56 = 3,136 tokens of 96.
                "@Tokens Layer tokens;",
                // Back to the map, as the patch merging needs it: 3,136 = 56 * 56.
                "@ToMap(size = {56, 56}) Layer map;",
                // Patch merging's 2x2 neighbourhood gathered: 96 * 2^2 = 384 channels, 56 / 2 = 28.
                "@PixelUnshuffle(2) Layer merged;");
        assertMoves(model.layer("map"), LayerKind.TO_MAP, new int[] {96, 56, 56}, "56x56");
        assertMoves(model.layer("merged"), LayerKind.PIXEL_UNSHUFFLE, new int[] {384, 28, 28}, "r=2");
    }

    @Test
    void aSequenceBecomesAMapOfOtherSizesWhoseProductIsTheTokens() {
        // 196 tokens as 7 x 28 = 196 and as one size of 196.
        ModelCost model = LayerKindsTest.network("@Shape(channels = 32, size = 196)",
                "@ToMap(size = {7, 28}) Layer wide;", "@From(From.INPUT) @ToMap(size = 196) Layer line;");
        assertMoves(model.layer("wide"), LayerKind.TO_MAP, new int[] {32, 7, 28}, "7x28");
        assertMoves(model.layer("line"), LayerKind.TO_MAP, new int[] {32, 196}, "196");
    }

    @Test
    void pixelShuffleMovesChannelsIntoEverySize() {
        // ESPCN at upscale 3: 1 * 3^2 = 9 channels of 85 x 85 to 1 x 255 x 255.
        assertMoves(LayerKindsTest.network("@Shape(channels = 9, size = {85, 85})", "@PixelShuffle(3) Layer up;")
                .layer("up"), LayerKind.PIXEL_SHUFFLE, new int[] {1, 255, 255}, "r=3");
        // In 1-D r^1 = 2: 8 / 2 = 4 channels of 2 * 10 = 20.
        assertMoves(LayerKindsTest.network("@Shape(channels = 8, size = 10)", "@PixelShuffle(2) Layer up;")
                .layer("up"), LayerKind.PIXEL_SHUFFLE, new int[] {4, 20}, "r=2");
        // In 3-D r^3 = 8: 16 / 8 = 2 channels of 4 x 6 x 8; and back by unshuffling: 2 * 8 = 16 of 2 x 3 x 4.
        ModelCost volume = LayerKindsTest.network("@Shape(channels = 16, size = {2, 3, 4})",
                "@PixelShuffle(2) Layer up;", "@PixelUnshuffle(value = 2) Layer down;");
        assertMoves(volume.layer("up"), LayerKind.PIXEL_SHUFFLE, new int[] {2, 4, 6, 8}, "r=2");
        assertMoves(volume.layer("down"), LayerKind.PIXEL_UNSHUFFLE, new int[] {16, 2, 3, 4}, "r=2");
    }

    @Test
    void reshapeKeepsTheElementsAndInfersTheEntryOfMinusOne() {
        ModelCost model = LayerKindsTest.network("@Shape(channels = 768, size = 196)",
                // 768 * 196 = 150,528 elements; 150,528 / (14 * 14) = 768 channels inferred.
                "@Reshape(channels = -1, size = {14, 14}) Layer map;",
                // The heads' split of ViT-B: 150,528 / (12 * 64) = 196 inferred in the middle.
                "@From(From.INPUT) @Reshape(channels = 12, size = {-1, 64}) Layer heads;",
                // Everything as one vector of 150,528.
                "@From(From.INPUT) @Reshape(channels = 150528) Layer vector;",
                // A vector as one token of 150,528 features: 150,528 x 1.
                "@Reshape(channels = -1, size = 1) Layer oneToken;");
        assertMoves(model.layer("map"), LayerKind.RESHAPE, new int[] {768, 14, 14}, "to -1x14x14");
        assertMoves(model.layer("heads"), LayerKind.RESHAPE, new int[] {12, 196, 64}, "to 12x-1x64");
        assertMoves(model.layer("vector"), LayerKind.RESHAPE, new int[] {150_528}, "to 150528");
        assertMoves(model.layer("oneToken"), LayerKind.RESHAPE, new int[] {150_528, 1}, "to -1x1");
    }

    @Test
    void permuteReordersTheDimensions() {
        // MLP-Mixer's token mixing transposes 512 x {196} to 196 x {512}.
        assertMoves(LayerKindsTest.network("@Shape(channels = 512, size = 196)", "@Permute({1, 0}) Layer t;")
                .layer("t"), LayerKind.PERMUTE, new int[] {196, 512}, "order=1,0");
        // (C, H, W) = (8, 4, 6) in the order {2, 0, 1} is (W, C, H) = (6, 8, 4); the identity keeps it.
        ModelCost model = LayerKindsTest.network("@Shape(channels = 8, size = {4, 6})",
                "@Permute({2, 0, 1}) Layer last;", "@From(From.INPUT) @Permute({0, 1, 2}) Layer same;");
        assertMoves(model.layer("last"), LayerKind.PERMUTE, new int[] {6, 8, 4}, "order=2,0,1");
        assertMoves(model.layer("same"), LayerKind.PERMUTE, new int[] {8, 4, 6}, "order=0,1,2");
    }

    @Test
    void concatJoinsTokensAlongTheSequenceAndMapsAlongASize() {
        ModelCost tokens = LayerKindsTest.network("@Shape(channels = 768, size = 196)",
                // An average of all 196 tokens (window 196): 768 x {1}, one operation per input element.
                "@AvgPool(kernel = 196) Layer summary;",
                // Prepended as a token: 1 + 196 = 197 tokens, as ViT's class token makes them.
                "@Concat(value = {\"summary\", From.INPUT}, axis = 1) Layer joined;",
                // Along the channels (the default, axis 0): 768 + 768 features of 197 tokens.
                "@Concat({\"joined\", \"joined\"}) Layer wide;");
        assertMoves(tokens.layer("joined"), LayerKind.CONCAT, new int[] {768, 197}, "summary, <input> axis=1");
        assertMoves(tokens.layer("wide"), LayerKind.CONCAT, new int[] {1536, 197}, "joined, joined");
        // Maps of 4 x 3 x 5 and 4 x 3 x 7 along their second size: 4 x 3 x 12.
        ModelCost maps = LayerKindsTest.network("@Shape(channels = 4, size = {3, 5})",
                "@Conv(out = 4, kernel = {1, 3}, padding = {0, 2}) Layer wider;",
                "@Concat(value = {From.INPUT, \"wider\"}, axis = 2) Layer joined;");
        assertThat(maps.layer("wider").outputShape()).isEqualTo(new int[] {4, 3, 7});
        assertMoves(maps.layer("joined"), LayerKind.CONCAT, new int[] {4, 3, 12}, "<input>, wider axis=2");
    }

    @Test
    void globalPoolingPoolsOverTheTokensOfASequence() {
        ModelCost model = LayerKindsTest.network("@Shape(channels = 768, size = 196)",
                // The mean over 196 tokens of 768: 768 x {1}, one addition per input element: 150,528 FLOPs.
                "@GlobalAvgPool Layer mean;",
                // The max over them: the same shape and count.
                "@From(From.INPUT) @GlobalMaxPool Layer max;");
        LayerCost mean = model.layer("mean");
        assertThat(mean.kind()).isEqualTo(LayerKind.AVG_POOL);
        assertThat(mean.outputShape()).isEqualTo(new int[] {768, 1});
        assertThat(mean.flops()).isEqualTo(150_528L);
        assertThat(mean.params()).isEqualTo(0L);
        LayerCost max = model.layer("max");
        assertThat(max.kind()).isEqualTo(LayerKind.MAX_POOL);
        assertThat(max.outputShape()).isEqualTo(new int[] {768, 1});
        assertThat(max.flops()).isEqualTo(150_528L);
    }

    @Test
    void blockParametersGiveTheSizesFactorsAndIndex() {
        ModelCost model = LayerKindsTest.network("@Shape(channels = 16, size = 36)",
                "@Stage(block = Shapes.class, with = \"side = 6, r = 2, at = 35\") Layer s;",
                "@Block static class Shapes {",
                "    @Param int side; @Param int r; @Param int at;",
                // 36 tokens as 6 x 6; 16 * 2^2 = 64 channels of 3 x 3; the 9 tokens of those, 64 x {9}.
                "    @ToMap(sizeExpr = \"side, side\") Layer map;",
                "    @PixelUnshuffle(valueExpr = \"r\") Layer down;",
                "    @Reshape(channelsExpr = \"in * r * r\", sizeExpr = \"side * side / (r * r)\") Layer seq;",
                // Token 35 of the stage's 36-token input (its block input, in = 16 channels).
                "    @From(From.INPUT) @SelectToken(indexExpr = \"at\") Layer pick;",
                "}");
        assertMoves(model.layer("s.0.map"), LayerKind.TO_MAP, new int[] {16, 6, 6}, "6x6");
        assertMoves(model.layer("s.0.down"), LayerKind.PIXEL_UNSHUFFLE, new int[] {64, 3, 3}, "r=2");
        assertMoves(model.layer("s.0.seq"), LayerKind.RESHAPE, new int[] {64, 9}, "to 64x9");
        assertMoves(model.layer("s.0.pick"), LayerKind.SELECT_TOKEN, new int[] {16}, "index=35");
    }

    @Test
    void theReportsNameTheKinds() throws IOException {
        Compiled compiled = Compiled.source("package k;", "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 16, size = {4, 4}))", "public class S {",
                "@Tokens Layer a;", "@ToMap(size = {4, 4}) Layer b;", "@PixelShuffle(2) Layer c;",
                "@PixelUnshuffle(2) Layer d;", "@Permute({0, 2, 1}) Layer e;",
                "@Reshape(channels = 16, size = 16) Layer f;",
                "@SelectToken Layer g;", "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        String json = compiled.compilation().generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/modelcost/k.S.json")
                .orElseThrow().getCharContent(true).toString();
        String markdown = compiled.compilation().generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/modelcost/k.S.md").orElseThrow().getCharContent(true).toString();
        for (String kind : new String[] {"TOKENS", "TO_MAP", "PIXEL_SHUFFLE", "PIXEL_UNSHUFFLE", "PERMUTE",
                "RESHAPE", "SELECT_TOKEN"}) {
            assertThat(json).contains("\"kind\": \"" + kind + "\"");
            assertThat(markdown).contains("| " + kind + " |");
        }
    }
}
