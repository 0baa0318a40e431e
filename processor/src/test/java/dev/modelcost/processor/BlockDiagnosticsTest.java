package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.modelcost.processor.testing.Fixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics of blocks and stages: expressions (MC117), names of layers (MC118), classes that are not blocks
 * (MC120), cycles (MC121), stage arguments (MC122), expansions too large (MC123), repeat counts (MC104),
 * parameters (MC145, MC146), and a network left without layers (MC100). A problem of a block's own text is
 * reported once, where it is written, whether the block is used or not; a problem that the values given by a
 * use cause is reported at that use (the {@code @Stage} in the network), naming the block's layer. The caret
 * lines in each fixture say where javac must point (see {@link Fixture}).
 */
class BlockDiagnosticsTest {

    @Test
    void expressionsOfANetworksStageAreCheckedWhereWritten() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Arguments {",
                "    @Stage(block = B.class, with = \"width = wdth\") Layer unknownName;",
                "    //                             ^ error [MC117] expression \"wdth\" (with of stage "
                        + "'unknownName'): unknown name 'wdth'; known here: none ... a network's expressions "
                        + "use numbers only",
                "    @Stage(block = B.class, with = \"width = (8\") Layer syntax;",
                "    //                             ^ error [MC117] expression \"(8\" (with of stage 'syntax'): "
                        + "')' expected at position 3 of \"(8\"",
                "    @Stage(block = B.class, with = \"width = 8 / 0\") Layer divided;",
                "    //                             ^ error [MC117] expression \"8 / 0\" (with of stage "
                        + "'divided'): division by zero (/ 0)",
                "    @Stage(block = B.class, with = \"width = 8\", first = \"groups = 2 *\") Layer first;",
                "    //                                                  ^ error [MC117] expression \"2 *\" "
                        + "(first of stage 'first'): a value expected at position 4 of \"2 *\"",
                "    @Block static class B {",
                "        @Param int width;",
                "        @Param(\"1\") int groups;",
                "        @Conv(outExpr = \"width / groups\", kernel = 1) Layer conv;",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void expressionsThatFailWithTheValuesOfAUseAreReportedAtTheUse() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Values {",
                "    @Stage(block = B.class, with = \"width = 8, groups = 0\") Layer zeroGroups;",
                "//  ^ error [MC117] expression \"width / groups\" (outExpr of layer 'zeroGroups.0.conv'): "
                        + "division by zero (/ 0)",
                "    @Stage(block = B.class, with = \"width = 3_000_000_000\") Layer huge;",
                "//  ^ error [MC117] expression \"width / groups\" (outExpr of layer 'huge.0.conv'): its value "
                        + "3000000000 does not fit an int",
                "    @Stage(block = Ratio.class, with = \"parts = 0\") Layer ratio;",
                "//  ^ error [MC117] expression \"in / parts\" (default of parameter 'each' of Ratio): division "
                        + "by zero (/ 0)",
                "    @Stage(block = Gate.class, with = \"d = 0\") Layer gate;",
                "//  ^ error [MC117] expression \"8 / d\" (@When of layer 'gate.0.conv'): division by zero (/ 0)",
                // Inside a block, a stage's argument is evaluated with the enclosing block's values.
                "    @Stage(block = Halves.class, with = \"parts = 0\") Layer halves;",
                "//  ^ error [MC117] expression \"8 / parts\" (with of stage 'halves.0.inner'): division by zero (/ 0)",
                "    @Block static class B {",
                "        @Param int width;",
                "        @Param(\"1\") int groups;",
                "        @Conv(outExpr = \"width / groups\", kernel = 1) Layer conv;",
                "    }",
                "    @Block static class Ratio {",
                "        @Param int parts;",
                "        @Param(\"in / parts\") int each;",
                "        @Conv(outExpr = \"each\", kernel = 1) Layer conv;",
                "    }",
                "    @Block static class Gate {",
                "        @Param int d;",
                "        @When(\"8 / d\") @Conv(out = 8, kernel = 1) Layer conv;",
                "    }",
                "    @Block static class Halves {",
                "        @Param int parts;",
                "        @Stage(block = B.class, with = \"width = 8 / parts\") Layer inner;",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aBlocksOwnExpressionErrorsAreReportedOnceWhereWritten() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Text {",
                // Three instances of Typo's layer, one error.
                "    @Stage(block = Typo.class, repeat = 2) Layer typo1;",
                "    @Stage(block = Typo.class) Layer typo2;",
                "    @Stage(block = BadDefault.class, with = \"width = 4\") Layer badDefault;",
                "    @Stage(block = BadWhen.class) Layer badWhen;",
                "    @Stage(block = Outer.class, repeat = 2) Layer outer;",
                "    @Block static class Typo {",
                "        @Param(\"8\") int width;",
                "        @Conv(outExpr = \"widht\", kernel = 1) Layer conv;",
                "    //                  ^ error [MC117] expression \"widht\" (outExpr of layer "
                        + "'Typo.conv'): unknown name 'widht' (did you mean 'width'?); known here: in, width",
                "    }",
                "    @Block static class BadDefault {",
                "        @Param int width;",
                "        @Param(\"width *\") int out;",
                "    //         ^ error [MC117] expression \"width *\" (default of parameter 'out' of "
                        + "BadDefault): a value expected at position 8 of \"width *\"",
                "        @Conv(outExpr = \"out\", kernel = 1) Layer conv;",
                "    }",
                "    @Block static class BadWhen {",
                "        @Param(\"1\") int stride;",
                "        @When(\"strde > 1\") @Conv(out = 8, kernel = 1) Layer conv;",
                "    //        ^ error [MC117] expression \"strde > 1\" (@When of layer 'BadWhen.conv'): "
                        + "unknown name 'strde' (did you mean 'stride'?); known here: in, stride",
                "    }",
                "    @Block static class Outer {",
                "        @Param(\"4\") int width;",
                "        @Stage(block = Typo.class, with = \"width = width +\") Layer inner;",
                "    //                                    ^ error [MC117] expression \"width +\" (with of "
                        + "stage 'Outer.inner'): a value expected at position 8 of \"width +\"",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void stageArgumentsMustBeTheBlocksParameters() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Args {",
                "    @Stage(block = B.class, with = \"widht = 8\") Layer unknown;",
                "    //                             ^ error [MC122] @Stage on field 'unknown': with gives "
                        + "'widht', which B does not have (did you mean 'width'?); the parameters of B are: width, "
                        + "stride (default 1)",
                "    @Stage(block = B.class, with = \"width = 8\", first = \"strde = 2\") Layer unknownFirst;",
                "    //                                                  ^ error [MC122] @Stage on field "
                        + "'unknownFirst': first gives 'strde', which B does not have (did you mean 'stride'?)",
                "    @Stage(block = B.class) Layer missing;",
                "//  ^ error [MC122] @Stage on field 'missing': parameter 'width' has no value; give it in with "
                        + "= \"width = ...\"; the parameters of B are: width, stride (default 1)",
                // The second repetition has no width: first gives it to the first one only.
                "    @Stage(block = B.class, repeat = 2, first = \"width = 8\") Layer onlyFirst;",
                "//  ^ error [MC122] @Stage on field 'onlyFirst': parameter 'width' has no value",
                "    @Stage(block = B.class, with = \"width 8\") Layer malformed;",
                "    //                             ^ error [MC122] @Stage on field 'malformed': with has "
                        + "\"width 8\", not name = expression",
                "    @Stage(block = B.class, with = \"width == 8\") Layer equality;",
                "    //                             ^ error [MC122] @Stage on field 'equality': with has "
                        + "\"width == 8\", not name = expression",
                "    @Stage(block = B.class, with = \"width = 8, stride = 1, width = 16\") Layer twice;",
                "    //                             ^ error [MC122] @Stage on field 'twice': with gives 'width' "
                        + "twice; give each parameter once",
                "    @Stage(block = C.class, with = \"width = 8\") Layer noParameters;",
                "    //                             ^ error [MC122] @Stage on field 'noParameters': with gives "
                        + "'width', which C does not have; the parameters of C are: none",
                "    @Stage(block = Outer.class, repeat = 3) Layer outer;",
                "    @Block static class B {",
                "        @Param int width;",
                "        @Param(\"1\") int stride;",
                "        @Conv(outExpr = \"width\", kernel = 3, strideExpr = \"stride\", padding = 1) Layer conv;",
                "    }",
                "    @Block static class C {",
                "        @Conv(out = 8, kernel = 1) Layer conv;",
                "    }",
                // Inside a block: once, at the stage whose text is wrong, however often Outer repeats.
                "    @Block static class Outer {",
                "        @Stage(block = B.class, with = \"wdth = 8\") Layer inner;",
                "    //                                 ^ error [MC122] @Stage on field 'inner': with gives "
                        + "'wdth', which B does not have (did you mean 'width'?); the parameters of B are: width, "
                        + "stride (default 1)",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void stagesOfClassesThatAreNotBlocksAndCycles() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Uses {",
                "    @Stage(block = String.class) Layer text;",
                "    //                   ^ error [MC120] @Stage on field 'text' uses java.lang.String, which "
                        + "is not a @Block; java.lang.String is a class of the JDK: block = must name a class of "
                        + "yours annotated with @Block",
                "    @Stage(block = int.class) Layer primitive;",
                "    //                ^ error [MC120] @Stage on field 'primitive' uses int, which is not a @Block; "
                        + "int is a primitive type: block = must name a class annotated with @Block",
                "    @Stage(block = Layer[].class) Layer array;",
                "    //                    ^ error [MC120] @Stage on field 'array' uses dev.modelcost.Layer[], which "
                        + "is not a @Block; dev.modelcost.Layer[] is an array type: block = must name a class",
                "    @Stage(block = Kind.class) Layer enumeration;",
                "    //                 ^ error [MC120] @Stage on field 'enumeration' uses d.Uses.Kind, which is not "
                        + "a @Block; d.Uses.Kind is an enum: block = must name a class annotated with @Block",
                "    @Stage(block = Plain.class) Layer plain;",
                "    //                  ^ error [MC120] @Stage on field 'plain' uses d.Uses.Plain, which is "
                        + "not a @Block; annotate d.Uses.Plain with @Block, or name a class that is one",
                "    @Stage(block = Self.class) Layer self;",
                "    @Stage(block = A.class) Layer indirect;",
                "    static class Plain {",
                "    }",
                "    enum Kind { A }",
                "    @Block static class Self {",
                "        @Conv(out = 8, kernel = 1) Layer conv;",
                "        @Stage(block = Self.class) Layer again;",
                "    //                     ^ error [MC121] block Self contains itself (Self > Self); a block "
                        + "cannot use itself, even indirectly",
                "    }",
                "    @Block static class A {",
                "        @Stage(block = B.class) Layer b;",
                "    }",
                "    @Block static class B {",
                "        @Conv(out = 8, kernel = 1) Layer conv;",
                "        @Stage(block = C.class, repeat = 2) Layer c;",
                "    }",
                "    @Block static class C {",
                "        @Stage(block = A.class) Layer a;",
                "    //                  ^ error [MC121] block A contains itself (A > B > C > A)",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void repeatCountsBelowOne() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Repeats {",
                "    @Stage(block = B.class, repeat = 0) Layer none;",
                "    //                               ^ error [MC104] repeat of stage 'none' is 0; it must be at least 1",
                "    @Stage(block = B.class, repeat = -3) Layer negative;",
                "    //                               ^ error [MC104] repeat of stage 'negative' is -3; it must "
                        + "be at least 1",
                "    @Stage(block = Outer.class) Layer outer;",
                "    @Block static class B {",
                "        @Conv(out = 8, kernel = 1) Layer conv;",
                "    }",
                "    @Block static class Outer {",
                "        @Stage(block = B.class, repeat = 0) Layer inner;",
                "    //                                   ^ error [MC104] repeat of stage 'Outer.inner' is 0",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aRepeatBeyondTheLimitIsAnErrorAtOnce() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Huge {",
                "    @Conv(out = 8, kernel = 1) Layer stem;",
                "    @Stage(block = B.class, repeat = 2_000_000) Layer huge;",
                "    //                               ^ error [MC123] network Huge expands to more than "
                        + "1,000,000 layers (at 'huge'); reduce the repeat counts",
                "    @Block static class B {",
                "        @Activation(ActivationFunction.RELU) Layer relu;",
                "    }",
                "}");
        // Blocks that add no layer at all are bounded too: 1,000 x 1,000 x 1,000 repetitions would take minutes.
        Fixture deep = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Deep {",
                "    @Conv(out = 8, kernel = 1) Layer stem;",
                "    @Stage(block = L1.class, repeat = 1000) Layer deep;",
                "    //                                ^ error [MC123] network Deep expands to more than 1,000,000 layers",
                "    @Block static class L1 {",
                "        @Stage(block = L2.class, repeat = 1000) Layer l2;",
                "    }",
                "    @Block static class L2 {",
                "        @Stage(block = L3.class, repeat = 1000) Layer l3;",
                "    }",
                "    @Block static class L3 {",
                "        @When(\"in > 8\") @Activation(ActivationFunction.RELU) Layer relu;",
                "    }",
                "}");
        Fixture.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Fixture.compile(fixture, deep));
        Fixture.assertExactly(outcome, fixture, deep);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void tooManyLayersPointsAtTheStageThatCrossesTheLimit() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Sum {",
                "    @Conv(out = 8, kernel = 1) Layer stem;",
                "    @Stage(block = B.class, repeat = 600_000) Layer first;",
                // 1 + 600,000 layers so far; 600,000 more of one layer each would make 1,200,001: known before any
                // of them is instantiated.
                "    @Stage(block = B.class, repeat = 600_000) Layer second;",
                "    //                               ^ error [MC123] network Sum expands to more than "
                        + "1,000,000 layers (at 'second')",
                "    @Block static class B {",
                "        @Activation(ActivationFunction.RELU) Layer relu;",
                "    }",
                "}");
        Fixture.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Fixture.compile(fixture));
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void errorsOfABlocksLayersUsedWithBadParametersAreAtTheUse() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 64, size = {56, 56}))",
                "public class Stages {",
                "    @Stage(block = Basic.class, with = \"width = 64\") Layer layer1;",
                "    @Stage(block = Basic.class, with = \"width = 100, groups = 8\") Layer layer2;",
                "//  ^ error [MC107] layer 'layer2.0.conv1': 8 groups do not divide the output channels (100); "
                        + "valid group counts for 64 -> 100 channels: 1, 2, 4",
                "    @From(From.INPUT) @Stage(block = Basic.class, with = \"width = 0\") Layer layer3;",
                "    //                ^ error [MC104] out of layer 'layer3.0.conv1' is 0; it must be at least 1",
                // floor((56 + 2 - 98 - 1) / 1) + 1 = -40; padding (99 - 56 + 1) / 2 = 22 gives 2, and an input of
                // 99 - 2 * 1 = 97 gives 1.
                "    @From(From.INPUT) @Stage(block = Basic.class, with = \"width = 64, kernel = 99\") Layer layer4;",
                "    //                ^ error [MC108] layer 'layer4.0.conv1': output size would be -40 in "
                        + "spatial dimension 1 (input 56, kernel 99, stride 1, padding 1, dilation 1); use a "
                        + "padding of at least 22, or an input of at least 97 there",
                "    @From(From.INPUT) @Stage(block = Basic.class, with = \"width = 32\") Layer layer5;",
                "    //                ^ error [MC119] layer 'layer5.0.sum' adds 'bn1' (32x56x56) and the input "
                        + "(64x56x56), whose shapes differ",
                "    @Block static class Basic {",
                "        @Param int width;",
                "        @Param(\"1\") int groups;",
                "        @Param(\"3\") int kernel;",
                "        @Conv(outExpr = \"width\", kernelExpr = \"kernel\", paddingExpr = \"1\", bias = false)",
                "        @Grouped(valueExpr = \"groups\") Layer conv1;",
                "        @BatchNorm Layer bn1;",
                "        @Add({\"bn1\", From.INPUT}) Layer sum;",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * Every repetition of a stage would fail the same way at the same caret, the stage that uses the block: the
     * error of the first failing one is reported, once, and the stage's expansion stops there.
     */
    @Test
    void aRepeatedStageThatFailsReportsItsFirstFailingRepetitionOnly() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 6, size = {8, 8}))",
                "public class Repeats {",
                "    @Stage(block = Unit.class, repeat = 3) Layer stage;",
                "//  ^ error [MC104] groups of layer 'stage.0.shuffle' is 0; it must be at least 1",
                "    @Block static class Unit {",
                "        @Shuffle(0) Layer shuffle;",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.compilation().errors()).hasSize(1);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * A block's own declaration is checked even when no network uses it; a broken block that two networks use is
     * reported once, not once per network.
     */
    @Test
    void blocksAreCheckedOnceWhetherOrNotANetworkUsesThem() {
        Fixture unused = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Block",
                "public class Unused {",
                "    @Conv(out = 8, kernel = 1) @BatchNorm Layer both;",
                "    //                         ^ error [MC102] field 'both' has both @Conv and @BatchNorm",
                "}");
        Fixture shared = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Block",
                "public class Shared {",
                "    @Grouped(2) @BatchNorm Layer norm;",
                "//  ^ error [MC103] @Grouped on field 'norm' needs @Conv or @Deconv on the same field",
                "}");
        Fixture first = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {4, 4}))",
                "public class First {",
                "    @Stage(block = Shared.class) Layer stage;",
                "}");
        Fixture second = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {4, 4}))",
                "public class Second {",
                "    @Stage(block = Shared.class) Layer stage;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(unused, shared, first, second);
        Fixture.assertExactly(outcome, unused, shared, first, second);
        assertThat(outcome.compilation().errors()).hasSize(2);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aNetworkWhoseStagesExpandToNoLayerHasNoLayers() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 8, size = {8, 8}))",
                "//  ^ error [MC100] network Nothing has no layers",
                "public class Nothing {",
                "    @Stage(block = B.class, repeat = 3) Layer stage;",
                "    @Block static class B {",
                "        @When(\"in > 100\") @Activation(ActivationFunction.RELU) Layer relu;",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * A block's own names and expressions are wrong whatever its uses give: reported once, on the block's field,
     * for a block used twice by one network and once by another, and for a block no network uses.
     */
    @Test
    void aBlocksOwnMistakesAreReportedOnceOnItsFieldHoweverOftenItIsUsed() {
        Fixture lonely = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Block",
                "public class Lonely {",
                "    @Param(\"8\") int width;",
                "    @Conv(outExpr = \"width\", kernel = 1) Layer conv1;",
                "    @BatchNorm Layer bn1;",
                "    @Add({\"bn\", From.INPUT}) Layer sum;",
                "    //   ^ error [MC118] layer 'Lonely.sum' takes input from 'bn', which is not a layer declared "
                        + "before it (did you mean 'bn1'?); declared before it: conv1, bn1 (and From.INPUT)",
                "    @Conv(outExpr = \"width *\", kernel = 1) Layer conv2;",
                "    //              ^ error [MC117] expression \"width *\" (outExpr of layer 'Lonely.conv2'): "
                        + "a value expected at position 8",
                "    @Conv(out = 8, kernelExpr = \"1, sizee\") Layer conv3;",
                "    //                          ^ error [MC117] expression \"sizee\" (kernelExpr of layer "
                        + "'Lonely.conv3'): unknown name 'sizee'; known here: in, width",
                "    @Add({\"conv3\"}) Layer alone;",
                "    //   ^ error [MC126] layer 'Lonely.alone' names 1 input; it needs at least 2",
                "}");
        Fixture shared = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Block",
                "public class Shared {",
                "    @Param int width;",
                "    @Conv(outExpr = \"width\", kernel = 1) Layer conv;",
                "    @From(\"cnv\") @Activation(ActivationFunction.RELU) Layer relu;",
                "    //    ^ error [MC118] layer 'Shared.relu' takes input from 'cnv', which is not a layer declared "
                        + "before it (did you mean 'conv'?); declared before it: conv (and From.INPUT)",
                "    @When(\"width > 8 &&\") @BatchNorm Layer norm;",
                "    //    ^ error [MC117] expression \"width > 8 &&\" (@When of layer 'Shared.norm'): a value "
                        + "expected",
                "    @Stage(block = Lonely.class, with = \"widht = width\") Layer inner;",
                "    //                                  ^ error [MC122] @Stage on field 'inner': with gives 'widht', "
                        + "which Lonely does not have (did you mean 'width'?); the parameters of Lonely are: width "
                        + "(default 8)",
                "}");
        Fixture twice = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {4, 4}))",
                "public class Twice {",
                "    @Stage(block = Shared.class, with = \"width = 8\", repeat = 2) Layer first;",
                "    @Stage(block = Shared.class, with = \"width = 16\") Layer second;",
                "}");
        Fixture once = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {4, 4}))",
                "public class Once {",
                "    @Stage(block = Shared.class, with = \"width = 4\") Layer only;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(lonely, shared, twice, once);
        Fixture.assertExactly(outcome, lonely, shared, twice, once);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aDefaultCanUseOnlyTheParametersDeclaredBeforeIt() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Block",
                "public class Defaults {",
                "    @Param(\"in * 2\") int first;",
                "    @Param(\"later / 2\") int half;",
                "    //     ^ error [MC145] the default of parameter 'half' of Defaults uses 'later', but parameter "
                        + "'later' is declared after 'half'; declare it first",
                "    @Param(\"8\") int later;",
                "    @Param(\"self + 1\") int self;",
                "    //     ^ error [MC117] expression \"self + 1\" (default of parameter 'self' of Defaults): it "
                        + "uses 'self' itself; a default can use in and the parameters declared before it",
                "    @Param(\"frist\") int copy;",
                "    //     ^ error [MC117] expression \"frist\" (default of parameter 'copy' of Defaults): unknown "
                        + "name 'frist' (did you mean 'first'?); known here: first, half, in, later, self",
                "    @Conv(outExpr = \"first + half + later + self + copy\", kernel = 1) Layer conv;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
    }

    @Test
    void aParameterCannotHideTheBuiltInInputChannels() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {4, 4}))",
                "public class Hiding {",
                "    @Stage(block = B.class, with = \"in = 4\") Layer stage;",
                "    @Block static class B {",
                "        @Param int in;",
                "    //  ^ error [MC146] @Param 'in' of B has the name of the built-in 'in' (the channels of the "
                        + "block's input), which it would hide; rename the parameter",
                "        @Conv(outExpr = \"in\", kernel = 1) Layer conv;",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /**
     * The limit counts what the expansion does: a stage of two million repetitions that {@code @When} removes adds
     * none, and the network of two layers compiles; where the condition holds, the limit is reached.
     */
    @Test
    void stagesThatWhenRemovesDoNotCountTowardsTheLimit() {
        Fixture small = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {4, 4}))",
                "public class Small {",
                "    @Conv(out = 8, kernel = 1) Layer stem;",
                "    @Stage(block = Blocks.Maybe.class, with = \"big = 0\") Layer maybe;",
                "}");
        Fixture large = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {4, 4}))",
                "public class Large {",
                "    @Conv(out = 8, kernel = 1) Layer stem;",
                "    @Stage(block = Blocks.Maybe.class, with = \"big = 1\") Layer maybe;",
                "//  ^ error [MC123] network Large expands to more than 1,000,000 layers (at 'maybe.0.many')",
                "}");
        Fixture blocks = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "public class Blocks {",
                "    @Block public static class Maybe {",
                "        @Param int big;",
                "        @When(\"big\") @Stage(block = One.class, repeat = 2_000_000) Layer many;",
                "        @Conv(out = 8, kernel = 1) Layer tail;",
                "    }",
                "    @Block public static class One {",
                "        @Activation(ActivationFunction.RELU) Layer relu;",
                "    }",
                "}");
        Fixture.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Fixture.compile(small, large, blocks));
        Fixture.assertExactly(outcome, small, large, blocks);
        assertThat(outcome.generatedSources()).containsExactly("d.SmallCost");
    }
}
