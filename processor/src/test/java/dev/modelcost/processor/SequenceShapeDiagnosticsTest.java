package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of the layers that only reshape (docs/FORMULAS.md#sequence-shapes), each on the value at fault
 * with the numbers, worked out by hand, and a fix: a map whose sizes are not the tokens (MC161), a reshape to
 * other elements (MC162) or of entries that are no sizes (MC163), an order that is no permutation (MC164), pixel
 * shuffles whose channels (MC165) or sizes (MC166) do not divide, a token outside the sequence (MC167), a
 * concatenation axis the inputs lack (MC168), and the sequence (MC160) and size (MC111) checks they share.
 */
class SequenceShapeDiagnosticsTest {

    /**
     * MC161: 14 * 15 = 210 and 200 positions are not the 196 tokens; 196 splits evenly as 14 * 14.
     */
    @Test
    void aMapWhoseSizesDoNotMultiplyToTheTokens() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 768, size = 196))",
                "public class Maps {",
                "    @ToMap(size = {14, 15}) Layer map;",
                "    //            ^ error [MC161] layer 'map' makes a map of 14x15 (210 positions) from 196 tokens "
                        + "... e.g. size = {14, 14}",
                // The map it would have made, of unknown sizes: a convolution after it is not reported again.
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "    @From(From.INPUT) @ToMap(size = 200) Layer line;",
                "    //                              ^ error [MC161] layer 'line' makes a map of 200 (200 positions) "
                        + "from 196 tokens ... e.g. size = {196}",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * MC160 on the annotation: a map of two sizes is not a sequence, and neither is the vector a dense layer made.
     */
    @Test
    void mapsAndTokenSelectionsNeedASequence() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {4, 4}))",
                "public class NotSequences {",
                "    @ToMap(size = {4, 4}) Layer map;",
                "  //^ error [MC160] layer 'map' is a token-to-map layer (@ToMap) ... its input is 8x4x4 (a feature "
                        + "map of 2 sizes) ... first with @Tokens",
                "    @From(From.INPUT) @SelectToken Layer pick;",
                "    //                ^ error [MC160] layer 'pick' is a token selection (@SelectToken) ... its "
                        + "input is 8x4x4",
                "    @From(From.INPUT) @Dense(out = 10) Layer fc;",
                "    @SelectToken(index = 0) Layer head;",
                "  //^ error [MC160] layer 'head' is a token selection ... its input is 10 ('fc' made it a vector) "
                        + "... move it before 'fc'",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * MC167 on the index: a sequence of 196 tokens has the indexes 0 to 195 and -196 to -1.
     */
    @Test
    void aTokenOutsideTheSequence() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 768, size = 196))",
                "public class Selections {",
                "    @SelectToken(index = 196) Layer past;",
                "    //                   ^ error [MC167] layer 'past' selects token 196 of a sequence of 196 tokens "
                        + "(768x196) ... use an index from -196 to 195",
                // The vector it would have given: a normalization after it is not reported.
                "    @LayerNorm Layer norm;",
                "    @From(From.INPUT) @SelectToken(index = -197) Layer before;",
                "    //                                     ^ error [MC167] layer 'before' selects token -197 of a "
                        + "sequence of 196 tokens",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * MC111: a vector has no positions to make tokens of, nor sizes to shuffle into.
     */
    @Test
    void tokensAndPixelShufflesNeedSizes() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 768))",
                "public class Vectors {",
                "    @Tokens Layer tokens;",
                "  //^ error [MC111] layer 'tokens' is a token layer (@Tokens) but its input (768) has no spatial "
                        + "dimensions (the network's input has no size) ... for a single token of its 768 features "
                        + "write @Reshape(channels = 768, size = 1)",
                "    @From(From.INPUT) @PixelShuffle(2) Layer up;",
                "    //                ^ error [MC111] layer 'up' is a pixel shuffle but its input (768) has no "
                        + "spatial dimensions",
                // The sequence @Tokens would have made, of unknown length: a token selection of it is not reported.
                "    @From(\"tokens\") @SelectToken Layer head;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * MC162 on the sizes (else the channels): 768 * 196 = 150,528 elements; 768 * 14 * 15 = 161,280, 700 * 196 =
     * 137,200, and 25 does not divide 150,528 (6,021 * 25 = 150,525).
     */
    @Test
    void reshapesToOtherElements() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 768, size = 196))",
                "public class Reshapes {",
                "    @Reshape(channels = 768, size = {14, 15}) Layer wrong;",
                "    //                              ^ error [MC162] layer 'wrong' reshapes 768x196 (150528 "
                        + "elements) to 768x14x15 (161,280 elements) ... give entries whose product is 150,528, or -1 "
                        + "for one of them",
                "    @From(From.INPUT) @Reshape(channels = 700, size = {14, 14}) Layer channels;",
                "    //                                                ^ error [MC162] to 700x14x14 (137,200 "
                        + "elements) ... use channels = 768, or -1 to infer them",
                "    @From(From.INPUT) @Reshape(channels = -1, size = {5, 5}) Layer inferred;",
                "    //                                               ^ error [MC162] to -1x5x5 (-1 cannot be "
                        + "inferred: 150,528 is not a multiple of 25) ... give entries whose product divides 150,528",
                "    @From(From.INPUT) @Reshape(channels = 100) Layer vector;",
                "    //                                    ^ error [MC162] to 100 (100 elements) ... use channels = "
                        + "150528",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * MC163: one -1 at most; a size of 0 or below -1 is no size; a map needs a size.
     */
    @Test
    void reshapeEntriesThatAreNotSizes() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 768, size = 196))",
                "public class Entries {",
                "    @Reshape(channels = -1, size = {-1, 14}) Layer two;",
                "    //                              ^ error [MC163] size (dimension 1) of layer 'two' is -1, as "
                        + "channels already is ... only one entry may be -1",
                "    @From(From.INPUT) @Reshape(channels = 0, size = 4) Layer zero;",
                "    //                                    ^ error [MC163] channels of layer 'zero' is 0 ... or -1 "
                        + "to infer it",
                "    @From(From.INPUT) @Reshape(channels = 4, size = {2, -3}) Layer negative;",
                "    //                                                  ^ error [MC163] size (dimension 2) of layer "
                        + "'negative' is -3",
                "    @From(From.INPUT) @ToMap(size = {}) Layer empty;",
                "    //                              ^ error [MC163] size of layer 'empty' is {} ... give the map at "
                        + "least one size",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * MC164 on the order: a sequence has the dimensions 0 (channels) and 1 (tokens), each listed once.
     */
    @Test
    void anOrderThatIsNotAPermutation() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 768, size = 196))",
                "public class Orders {",
                "    @Permute({1, 1}) Layer twice;",
                "    //       ^ error [MC164] layer 'twice' permutes {1,1}, which is not a permutation of the "
                        + "dimensions 0 to 1 of its input (768x196): 1 appears twice ... list each of 0 to 1 once, "
                        + "e.g. {1, 0}",
                "    @From(From.INPUT) @Permute({0, 1, 2}) Layer more;",
                "    //                         ^ error [MC164] it has 3 entries for 2 dimensions",
                "    @From(From.INPUT) @Permute(value = {2, 0}) Layer outside;",
                "    //                                 ^ error [MC164] 2 is not a dimension",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * MC165 on the factor: 10 channels are no multiple of 2^2 = 4 (8 and 12 are) nor of 3^2 = 9 (9 and 18 are), nor
     * of 100,000^2 = 10^10, which exceeds an int but is still reported as it is.
     */
    @Test
    void pixelShuffleChannelsNotAMultipleOfTheBlock() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 10, size = {8, 8}))",
                "public class Shuffles {",
                "    @PixelShuffle(2) Layer up;",
                "    //            ^ error [MC165] layer 'up' shuffles 10 channels into 2 sizes by 2, but 10 is not "
                        + "a multiple of 2^2 = 4 ... a multiple of 4 channels (8 or 12)",
                "    @From(From.INPUT) @PixelShuffle(value = 3) Layer three;",
                "    //                                      ^ error [MC165] 10 is not a multiple of 3^2 = 9 ... (9 "
                        + "or 18)",
                "    @From(From.INPUT) @PixelShuffle(100000) Layer huge;",
                "    //                              ^ error [MC165] 10 is not a multiple of 100000^2 = 10000000000 "
                        + "... (10000000000)",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * MC166 on the factor: 7 is no multiple of 2 (6 and 8 are), 6 none of 4 (4 and 8 are).
     */
    @Test
    void pixelUnshuffleSizesNotAMultipleOfTheFactor() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {6, 7}))",
                "public class Unshuffles {",
                "    @PixelUnshuffle(2) Layer down;",
                "    //              ^ error [MC166] layer 'down' divides the sizes of 8x6x7 by 2, but size 7 "
                        + "(dimension 2) is not a multiple of 2 ... (6 or 8)",
                "    @From(From.INPUT) @PixelUnshuffle(value = 4) Layer four;",
                "    //                                        ^ error [MC166] size 6 (dimension 1) is not a "
                        + "multiple of 4 ... (4 or 8)",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * MC168 on the axis: a sequence has the axes 0 and 1; MC119 when a dimension besides the axis differs; MC105 for
     * a negative axis.
     */
    @Test
    void concatAlongAnAxisTheInputsDoNotHave() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = 5))",
                "public class Axes {",
                "    @Activation(ActivationFunction.RELU) Layer a;",
                "    @Concat(value = {\"a\", From.INPUT}, axis = 2) Layer far;",
                "    //                                        ^ error [MC168] layer 'far' concatenates along axis "
                        + "2, but its inputs (8x5) have dimensions 0 to 1 ... use an axis from 0 to 1",
                "    @From(\"a\") @Slice(to = 4) Layer half;",
                "    @Concat(value = {\"a\", \"half\"}, axis = 1) Layer tokens;",
                "    //              ^ error [MC119] layer 'tokens' concatenates 'a' (8x5) and 'half' (4x5), whose "
                        + "dimensions other than axis 1 differ ... only dimension 1 may differ",
                "    @Concat(value = {\"a\", \"half\"}, axis = -1) Layer negative;",
                "    //                                    ^ error [MC105] axis of layer 'negative' is -1",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }
}
