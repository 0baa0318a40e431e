package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.testing.Fixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of attention, products of activations and rotary embeddings (MC180-MC189, and MC118, MC160,
 * MC111 where they apply), each at the attribute at fault with its numbers and its fix, worked out by hand
 * beside each expectation.
 */
class AttentionDiagnosticsTest {

    /**
     * The fixture's expectation line for a diagnostic on {@code target}'s first occurrence in {@code source}
     * (its occurrence-th, counting from 1), i.e. the caret under it.
     */
    private static String under(String source, String target, int occurrence, String expectation) {
        int column = -1;
        for (int i = 0; i < occurrence; i++) {
            column = source.indexOf(target, column + 1);
        }
        if (column < 2) {
            throw new IllegalArgumentException(target + " not found far enough in " + source);
        }
        return "//" + " ".repeat(column - 2) + "^ " + expectation;
    }

    private static String under(String source, String target, String expectation) {
        return under(source, target, 1, expectation);
    }

    /** A network {@code d.<name>} of this input and these lines (layers and expectations). */
    private static Fixture network(String name, String input, String... lines) {
        List<String> all = new ArrayList<>(List.of("package d;", "import dev.modelcost.*;",
                "@Network(input = " + input + ")", "public class " + name + " {"));
        all.addAll(List.of(lines));
        all.add("}");
        return Fixture.of(all.toArray(String[]::new));
    }

    private static void assertReports(Fixture fixture) {
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void headsThatDoNotDivideTheFeaturesListTheCountsThatDo() {
        // 768 = 2^8 * 3; its divisors nearest 5 are 4 and 6, then 3, 8, 2, 1, 12, 16, 24, 32, 48, 64 (12 shown).
        String heads = "    @Attention(heads = 5) Layer a;";
        // 32 heads: key/value heads must divide 32: 1, 2, 4, 8, 16, 32.
        String kv = "    @Attention(heads = 32, kvHeads = 3) Layer b;";
        assertReports(network("Heads", "@Shape(channels = 768, size = 197)",
                heads, under(heads, "5", "error [MC180] layer 'a': 5 heads do not divide the 768 features ... use "
                        + "one of 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, or give headSize"),
                kv, under(kv, "3)", "error [MC181] layer 'b': 3 key/value heads do not divide the 32 heads ... use "
                        + "one of 1, 2, 4, 8, 16, 32 (1 is multi-query attention)")));
    }

    @Test
    void aRotaryEmbeddingRotatesAnEvenNumberOfDimensionsWithinAHead() {
        String odd = "    @Attention(heads = 12, rotary = 63) Layer a;";
        // 768 / 12 = 64 features per head: 128 rotated dimensions do not fit.
        String wide = "    @From(From.INPUT) @Attention(heads = 12, rotary = 128) Layer b;";
        String rotaryOdd = "    @Rotary(headSize = 64, dims = 33) Layer c;";
        // 768 channels are not heads of 100: 768 % 100 = 68. The 12 divisors of 768 nearest 100: 96 (4 away), 128
        // (28), 64, 48, 32, 24, 16, 12, 8 and 192 (92 each), 6, 4. (Each layer reads the input, whose sizes are
        // known, rather than the layer before it, which has a problem.)
        String notHeads = "    @From(From.INPUT) @Rotary(headSize = 100) Layer e;";
        assertReports(network("Rotations", "@Shape(channels = 768, size = 16)",
                odd, under(odd, "63", "error [MC182] rotary of layer 'a' is 63, which is odd ... use 62 or 64"),
                wide, under(wide, "128", "error [MC182] rotary of layer 'b' is 128, which is more than the head size "
                        + "(64) ... use at most 64"),
                rotaryOdd, under(rotaryOdd, "33", "error [MC182] dims of layer 'c' is 33, which is odd ... use 32 or "
                        + "34"),
                notHeads, under(notHeads, "100", "error [MC185] layer 'e': its input has 768 channels, but they are "
                        + "not heads of headSize = 100 ... 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192")));
    }

    @Test
    void aWindowMustDivideTheMapAndAShiftBeSmallerThanTheWindow() {
        // 60 % 7 = 4 in the second dimension; 60's divisors are 1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60.
        String window = "    @Attention(heads = 3, window = {7, 7}) Layer a;";
        // A shift of 7 in a window of 7: at most 6, Swin's being 3.
        String shift = "    @From(From.INPUT) @Attention(heads = 3, window = {4, 4}, shift = {4, 2}) Layer b;";
        assertReports(network("Windows", "@Shape(channels = 96, size = {56, 60})",
                window, under(window, "7", 2, "error [MC183] layer 'a': a window of 7 does not divide the size 60 in "
                        + "dimension 2 of its input (96x56x60) ... use a window that divides it: 1, 2, 3, 4, 5, 6, "
                        + "10, 12, 15, 20, 30, 60"),
                shift, under(shift, "4, 2}", "error [MC184] layer 'b': a shift of 4 in dimension 1 is not smaller "
                        + "than the window (4) ... use at most 3 (Swin shifts by half the window, 2)")));
    }

    /** javac places a qualified constant such as {@code From.INPUT} at its dot. */
    @Test
    void settingsThatNeedAWindowOrDoNotGoWithOne() {
        String shift = "    @Attention(heads = 2, shift = 3) Layer a;";
        String bias = "    @Attention(heads = 2, relativePositionBias = true) Layer b;";
        assertReports(network("Conflicts", "@Shape(channels = 8, size = 16)",
                shift, under(shift, "3", "error [MC186] layer 'a' has shift = 3, which only windowed attention has ... "
                        + "give window = {...}, or remove it"),
                bias, under(bias, "true", "error [MC186] layer 'b' has relativePositionBias = true, which only "
                        + "windowed attention has (its table is per window offset)")));
        String causal = "    @Attention(heads = 2, window = 2, causal = true) Layer c;";
        String keys = "    @Attention(heads = 2, window = 2, keys = From.INPUT) Layer e;";
        assertReports(network("MapConflicts", "@Shape(channels = 8, size = {4, 4})",
                causal, under(causal, "true", "error [MC186] layer 'c' has causal = true and window = 2, which "
                        + "windowed attention over a feature map does not have ... remove causal, or the window"),
                keys, under(keys, ".INPUT", "error [MC186] layer 'e' has keys = \"<input>\" and window = 2")));
    }

    @Test
    void withoutProjectionsTheChannelsMustBeTheHeads() {
        // 4 heads of 32 are 128 channels; the input has 64.
        String queries = "    @Attention(heads = 4, headSize = 32, projections = false) Layer a;";
        // 64 channels as 4 heads of 16 are the queries, but the keys and values would be 2 heads of 16, 32 channels.
        String keys = "    @From(From.INPUT) @Attention(heads = 4, kvHeads = 2, projections = false) Layer b;";
        assertReports(network("NoProjections", "@Shape(channels = 64, size = 10)",
                queries, under(queries, "false", "error [MC185] layer 'a': its input has 64 channels, but without "
                        + "projections it is the queries, of heads * headSize = 4 * 32 = 128"),
                keys, under(keys, "false", "error [MC185] layer 'b': its input has 64 channels, but without "
                        + "projections it is the keys and values, of kvHeads * headSize = 2 * 16 = 32 ... give "
                        + "kvHeads = heads, or keep the projections")));
    }

    @Test
    void keysFromAnUnknownLayerOrFromOneThatIsNotASequence() {
        String unknown = "    @Attention(heads = 2, keys = \"encodr\") Layer a;";
        String vector = "    @From(From.INPUT) @Attention(heads = 2, keys = \"pooled\") Layer b;";
        assertReports(network("Keys", "@Shape(channels = 8, size = 16)",
                "    @Conv(out = 8, kernel = 1) Layer encoder;",
                "    @Dense(out = 8) Layer pooled;",
                unknown, under(unknown, "\"encodr\"", "error [MC118] layer 'a' takes input from 'encodr', which is "
                        + "not a layer declared before it ... encoder"),
                vector, under(vector, "\"pooled\"", "error [MC187] layer 'b' takes its keys and values from "
                        + "'pooled', whose output 8 is not a sequence ... name a layer before the one that made it a "
                        + "vector")));
    }

    @Test
    void attentionOnAMapOrAVectorThatIsNotASequence() {
        String map = "    @Attention(heads = 2) Layer a;";
        String windowed = "    @Attention(heads = 2, window = 2) Layer c;";
        assertReports(network("Maps", "@Shape(channels = 8, size = {4, 4})",
                map, under(map, "@Attention", "error [MC160] layer 'a' is multi-head attention, which works on a "
                        + "sequence ... a feature map of 2 sizes ... @Tokens")));
        assertReports(network("Vectors", "@Shape(channels = 8)",
                windowed, under(windowed, "@Attention", "error [MC111] layer 'c' is windowed attention but its "
                        + "input (8) has no spatial dimensions")));
    }

    @Test
    void aProductNeedsTwoOperandsWhoseSharedDimensionsAgree() {
        // a: 8 x {5}, i.e. (5, 8); b: 6 x {4}, i.e. (4, 6): 8 features against 4 tokens.
        String inner = "    @MatMul({\"a\", \"b\"}) Layer ab;";
        // transposed, b is (4, 6): 8 features against 6.
        String transposed = "    @MatMul(value = {\"a\", \"b\"}, transposeSecond = true) Layer abt;";
        String three = "    @MatMul({\"a\", \"b\", \"a\"}) Layer aba;";
        // 3 heads divide neither 8 nor 6's gcd beyond 1 and 2.
        String heads = "    @MatMul(value = {\"a\", \"a\"}, heads = 3, transposeSecond = true) Layer aa;";
        assertReports(network("Products", "@Shape(channels = 8, size = 5)",
                "    @Conv(out = 8, kernel = 1) Layer a;",
                "    @From(From.INPUT) @Conv(out = 6, kernel = 2) Layer b;",
                inner, under(inner, "{", "error [MC188] layer 'ab' multiplies 'a' (8x5) by 'b' (6x4), but the left "
                        + "one's features per head (8) are not the right one's tokens (4) ... transposeSecond = true"),
                transposed, under(transposed, "{", "error [MC188] layer 'abt' multiplies 'a' (8x5) by 'b' transposed "
                        + "(6x4), but the left one's features per head (8) are not the right one's features per head "
                        + "(6)"),
                three, under(three, "{", "error [MC189] layer 'aba' names 3 operands; a product takes exactly 2"),
                heads, under(heads, "{", "error [MC188] layer 'aa' multiplies 'a' (8x5) by 'a' transposed (8x5), but "
                        + "3 heads do not divide the 8 channels of 8x5 ... use heads = one of 1, 2, 4, 8")));
    }

    @Test
    void figuresBeyondALongAreAnOverflowErrorOnTheLayer() {
        // d = L = 2^20, one head: projections 4 * 2^60 = 2^62 MACs and products 2 * 2^60 = 2^61 fit a long, but
        // FLOPs 2 * (2^62 + 2^61) do not.
        String layer = "    @Attention(heads = 1) Layer a;";
        assertReports(network("Huge", "@Shape(channels = 1048576, size = 1048576)",
                layer, under(layer, "@Attention", "error [MC110] FLOPs of layer 'a'")));
    }
}
