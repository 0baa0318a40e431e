package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics of the per-token kinds: a tie to an unknown or later layer (MC170), to a layer without a weight
 * matrix (MC171), to a matrix of another shape (MC172); an embedding fed something other than token ids (MC173,
 * MC160); a learned tensor that does not fit its input (MC174, MC106); a sequence longer than its position table
 * (MC175). Each on the value at fault where there is one, else on the annotation.
 */
class TokenDiagnosticsTest {

    @Test
    void aTieToAnUnknownOrLaterLayerSuggestsTheNameMeant() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 8))",
                "public class Unknown {",
                "    @Embedding(vocabulary = 100, dim = 16) Layer wte;",
                "    @Linear(out = 100, bias = false, tiedTo = \"wtee\") Layer misspelled;",
                "    //                                        ^ error [MC170] layer 'misspelled' shares the weights of"
                        + " 'wtee', which is not a layer declared before it (did you mean 'wte'?) ... declared before"
                        + " it: wte",
                "    @Linear(out = 100, bias = false, tiedTo = \"later\") Layer early;",
                "    //                                        ^ error [MC170] 'later', which is not a layer declared"
                        + " before it",
                "    @Linear(out = 16) Layer later;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aTieToALayerWithoutAMatrixNamesItsKindAndTheLayersThatHaveOne() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 8))",
                "public class NoMatrix {",
                "    @Embedding(vocabulary = 100, dim = 16) Layer wte;",
                "    @RMSNorm Layer norm;",
                "    @Linear(out = 16, tiedTo = \"norm\") Layer head;",
                "    //                         ^ error [MC171] layer 'head' shares the weights of 'norm', a layer of"
                        + " kind RMS_NORM, which has no weight matrix ... before it: wte 100x16 (vocabulary x dim)",
                "    @Stage(block = Twice.class) Layer twice;",
                "    @Linear(out = 16, tiedTo = \"twice\") Layer afterStage;",
                "    //                         ^ error [MC171] 'twice', a @Stage, which has no weight matrix",
                "    @Block static class Twice {",
                "        @Linear(out = 16) Layer inner;",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aTieInABlockToALayerThatWhenLeavesOutIsAnErrorWhereTheBlockIsUsed() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 16, size = 8))",
                "public class Absent {",
                "    @Stage(block = Head.class) Layer head;",
                "  //^ error [MC171] layer 'head.0.tied' shares the weights of 'maybe', a layer that @When leaves out"
                        + " here, which has no weight matrix ... (none is declared before it)",
                "    @Block static class Head {",
                "        @When(\"in > 100\") @Linear(out = 16) Layer maybe;",
                "        @Linear(out = 16, tiedTo = \"maybe\") Layer tied;",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aTieToALayerWithAProblemOfItsOwnIsNotJudged() {
        // Only the mistakes of the layers named: no second error on the layers that tie to them.
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 16, size = 8))",
                "public class Cascade {",
                "    @From(\"ghost\") @Linear(out = 16) Layer lost;",
                "    //    ^ error [MC118] layer 'lost' takes input from 'ghost'",
                "    @Linear(out = 16, tiedTo = \"lost\") Layer afterLost;",
                "    @Linear(out = 0) Layer empty;",
                "    //            ^ error [MC104] out of layer 'empty' is 0",
                "    @Linear(out = 16, tiedTo = \"empty\") Layer afterEmpty;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aTiedMatrixOfAnotherShapeGivesBothShapes() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = 8))",
                "public class Mismatch {",
                "    @Embedding(vocabulary = 100, dim = 16) Layer wte;",
                "    @Linear(out = 99, bias = false, tiedTo = \"wte\") Layer head;",
                "    //                                       ^ error [MC172] layer 'head' shares the weight matrix"
                        + " of 'wte', which is 100x16 (vocabulary x dim), but its own is 99x16 (out x in)",
                "    @Linear(out = 32) Layer wide;",
                "    @Linear(out = 100, tiedTo = \"wte\") Layer fromWide;",
                "    //                          ^ error [MC172] 100x16 (vocabulary x dim), but its own is 100x32"
                        + " (out x in)",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void anEmbeddingTakesTokenIds() {
        Fixture features = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 768, size = 16))",
                "public class Features {",
                "    @Embedding(vocabulary = 100, dim = 16) Layer wte;",
                "  //^ error [MC173] layer 'wte' is an embedding, whose input is token ids ... its input is 768x16"
                        + " ... @Shape(channels = 1, size = 16)",
                "}");
        Fixture vector = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1))",
                "public class Vector {",
                "    @Embedding(vocabulary = 100, dim = 16) Layer wte;",
                "  //^ error [MC160] layer 'wte' is an embedding, which works on a sequence",
                "    @Embedding(vocabulary = 0, dim = 16) Layer empty;",
                "    //                      ^ error [MC104] vocabulary of layer 'empty' is 0",
                "}");
        Fixture.Outcome outcome = Fixture.compile(features, vector);
        Fixture.assertExactly(outcome, features, vector);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aLearnedTensorThatDoesNotFitItsInputIsAnError() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = 6))",
                "public class Misfit {",
                "    @Learned(combine = Combine.ADD, size = 4) Layer add;",
                "  //^ error [MC174] layer 'add': its learned tensor 8x4 cannot be added to the input 8x6",
                "    @From(From.INPUT) @Learned(combine = Combine.PREPEND, channels = 4, size = 1) Layer token;",
                "    //                ^ error [MC174] layer 'token': its learned tensor 4x1 cannot be prepended to"
                        + " the input 8x6",
                "    @From(From.INPUT) @Learned(combine = Combine.MULTIPLY, size = {1, 1}) Layer twoSizes;",
                "    //                                                            ^ error [MC106] size of layer"
                        + " 'twoSizes' has 2 values",
                "    @From(From.INPUT) @Learned(channels = -1) Layer negative;",
                "    //                                    ^ error [MC105] channels of layer 'negative' is -1",
                "}");
        Fixture vector = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8))",
                "public class OnAVector {",
                "    @Learned(combine = Combine.PREPEND) Layer token;",
                "  //^ error [MC174] cannot be prepended to the input 8, which has no size",
                "    @From(From.INPUT) @Learned(size = 1) Layer sized;",
                "    //                                ^ error [MC106] size of layer 'sized' has 1 values ... remove"
                        + " size",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture, vector);
        Fixture.assertExactly(outcome, fixture, vector);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aSequenceLongerThanThePositionTableIsAnErrorOnPositions() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 768, size = 2048))",
                "public class TooLong {",
                "    @PositionEmbedding(positions = 1024) Layer wpe;",
                "    //                             ^ error [MC175] layer 'wpe' has 1024 positions, but its input is a"
                        + " sequence of 2048 tokens; give it positions = 2048 or more",
                "}");
        Fixture map = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 768, size = {14, 14}))",
                "public class OnAMap {",
                "    @PositionEmbedding(positions = 196) Layer wpe;",
                "  //^ error [MC160] layer 'wpe' is a position embedding, which works on a sequence ... @Tokens",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture, map);
        Fixture.assertExactly(outcome, fixture, map);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void theNewKindsCheckTheirSizes() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = 6))",
                "public class Sizes {",
                "    @Linear(out = 0) Layer linear;",
                "    //            ^ error [MC104] out of layer 'linear' is 0",
                "    @From(From.INPUT) @GatedMlp(hidden = -2) Layer mlp;",
                "    //                                   ^ error [MC104] hidden of layer 'mlp' is -2",
                "    @From(From.INPUT) @PositionEmbedding(positions = 0) Layer wpe;",
                "    //                                               ^ error [MC104] positions of layer 'wpe' is 0",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }
}
