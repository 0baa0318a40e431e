package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics about how a network is put together, before any value is judged: a network without layers,
 * annotations outside a network, a field with two layer annotations, {@code @Grouped}'s form, padding with
 * {@code SAME}, budgets on non-layers, the cost class's name, and the processor's options. The caret lines
 * in each fixture say where javac must point (see {@link Fixture}).
 */
class StructureDiagnosticsTest {

    @Test
    void networkWithoutLayersIsAnErrorOnNetwork() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 3, size = {8, 8}))",
                "//  ^ error [MC100] network Empty has no layers ... @Conv, @Deconv or @Dense",
                "public class Empty {",
                "    Layer notAnnotated;",
                "    int count;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void layerAnnotationsAndBudgetOutsideANetworkAreErrors() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "    @Budget(macs = 1_000)",
                "//  ^ error [MC101] @Budget on Plain is outside any @Network class ... "
                        + "annotate Plain with @Network or remove @Budget",
                "public class Plain {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "//  ^ error [MC101] @Conv on field 'conv' of Plain ... annotate Plain with @Network (or @Block) or remove @Conv",
                "    @Grouped(2) Layer grouped;",
                "//  ^ error [MC101] @Grouped on field 'grouped' of Plain",
                "    @Budget(params = 10) Layer limited;",
                "//  ^ error [MC101] @Budget on field 'limited' of Plain",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void layersOfANestedClassAreOutsideTheEnclosingNetwork() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Outer {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "    static class Inner {",
                "        @Dense(out = 10) Layer head;",
                "//      ^ error [MC101] @Dense on field 'head' of Inner ... annotate Inner with @Network",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        // The error is not the network's: Outer itself is valid and still gets its cost class.
        assertThat(outcome.generatedSources()).containsExactly("d.OuterCost");
    }

    @Test
    void twoLayerAnnotationsOnOneFieldPointAtTheSecond() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Twice {",
                "    @Conv(out = 8, kernel = 3) @Dense(out = 4) Layer both;",
                "    //                         ^ error [MC102] field 'both' has both @Conv and @Dense ... keep one",
                "    @Deconv(out = 8, kernel = 2)",
                "    @Conv(out = 8, kernel = 3)",
                "//  ^ error [MC102] field 'swapped' has both @Deconv and @Conv",
                "    Layer swapped;",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void groupedNeedsAConvolutionOnItsField() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 4, size = {8, 8}))",
                "public class Lonely {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "    @Grouped(2) Layer alone;",
                "//  ^ error [MC103] @Grouped on field 'alone' needs @Conv or @Deconv on the same field",
                "    @Dense(out = 4) @Grouped(2) Layer dense;",
                "    //              ^ error [MC103] @Grouped on field 'dense' ... a @Dense layer cannot be grouped",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void groupedWithBothOrNeitherFormIsAmbiguous() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Ambiguous {",
                "    @Conv(out = 8, kernel = 3) @Grouped(value = 2, depthwise = true) Layer both;",
                "    //                                                         ^ error [MC112] "
                        + "field 'both' gives both a group count and depthwise = true ... "
                        + "write @Grouped(n) or @Grouped(depthwise = true)",
                "    @Conv(out = 8, kernel = 3) @Grouped Layer neither;",
                "    //                         ^ error [MC112] field 'neither' gives neither",
                "    @Deconv(out = 8, kernel = 3) @Grouped(depthwise = false) Layer no;",
                "    //                           ^ error [MC112] field 'no' gives neither",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void paddingWrittenBesideSameIsAnErrorOnThatPadding() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Same {",
                "    @Conv(out = 8, kernel = 3, paddingMode = PaddingMode.SAME, padding = 1) Layer conv;",
                "    //                                                                   ^ error [MC113] "
                        + "layer 'conv' has paddingMode = SAME and also padding ... remove padding",
                "    @Deconv(out = 8, kernel = 3, stride = 2, paddingMode = PaddingMode.SAME, outputPadding = 1)",
                "    //                                                                                       ^ "
                        + "error [MC113] layer 'up' has paddingMode = SAME and also outputPadding ... remove outputPadding",
                "    Layer up;",
                "    @Conv(out = 8, kernel = 3, paddingMode = PaddingMode.SAME, padding = 0) Layer zero;",
                "    //                                                                   ^ error [MC113] "
                        + "layer 'zero' has paddingMode = SAME and also padding",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void samePaddingWithoutAPaddingIsFine() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {9, 9}))",
                "public class SameFine {",
                "    @Conv(out = 8, kernel = 3, stride = 2, paddingMode = PaddingMode.SAME) Layer conv;",
                "    @Deconv(out = 8, kernel = 3, stride = 2, paddingMode = PaddingMode.SAME) Layer up;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        assertThat(outcome.compilation()).succeededWithoutWarnings();
        assertThat(outcome.compilation().generatedSourceFile("d.SameFineCost")).isPresent();
        assertThat(outcome.generatedSources()).containsExactly("d.SameFineCost");
    }

    @Test
    void budgetOnAFieldThatIsNotALayerIsAnError() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}))",
                "public class Misplaced {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "    @Budget(macs = 5) Layer notALayer;",
                "//  ^ error [MC114] @Budget on field 'notALayer', which is not a layer ... "
                        + "put it on a field with a layer annotation such as @Conv or @Dense, or remove it",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void costClassThatIsNotAJavaNameIsAnErrorOnIt() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}), costClass = \"not a name\")",
                "//                                                                ^ error [MC115] "
                        + "costClass \"not a name\" is not a valid Java class name ... such as \"BadNameCost\"",
                "public class BadName {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        Fixture dotted = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}), costClass = \"other.Cost\")",
                "//                                                                ^ error [MC115] "
                        + "costClass \"other.Cost\" ... such as \"DottedCost\"",
                "public class Dotted {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture, dotted);
        Fixture.assertExactly(outcome, fixture, dotted);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void twoNetworksWithTheSameCostClassFailTheSecondWrite() {
        Fixture first = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}), costClass = \"SharedCost\")",
                "public class First {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        Fixture second = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}), costClass = \"SharedCost\")",
                "//                                                                ^ error [MC003] "
                        + "cannot write d.SharedCost ... give @Network a costClass that no other class in the package uses",
                "public class Second {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(first, second);
        Fixture.assertExactly(outcome, first, second);
        // The first write stands, once.
        assertThat(outcome.generatedSources()).containsExactly("d.SharedCost");
    }

    @Test
    void derivedCostClassClashingWithAHandWrittenClassIsAnErrorOnNetwork() {
        Fixture network = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 3, size = {8, 8}))",
                "//  ^ error [MC003] cannot write d.ClashCost ... give @Network a costClass",
                "public class Clash {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        Fixture handWritten = Fixture.of(
                "package d;",
                "public class ClashCost {",
                "}");
        Fixture.assertExactly(Fixture.compile(network, handWritten), network, handWritten);
    }

    @Test
    void badBudgetOptionIsAnErrorListingTheValidValues() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Fine {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        Compilation compilation = Fixture.compile(List.of("-Amodelcost.budget=loud"), fixture).compilation();
        assertThat(compilation).hadErrorContaining("[MC001] option -Amodelcost.budget=loud is not valid");
        assertThat(compilation).hadErrorContaining("use one of: error, warning, off");
        assertThat(compilation).hadErrorCount(1);
        javax.tools.Diagnostic<?> error = compilation.errors().get(0);
        assertThat(error.getSource()).isNull();
        assertThat(error.getLineNumber()).isEqualTo(javax.tools.Diagnostic.NOPOS);
        Fixture.assertNoInternalError(compilation);
    }

    @Test
    void budgetOptionIsCaseInsensitiveAndNeedsNoOtherOption() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Fine {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        // -Xlint:all would warn about an option no processor claims, and -Werror make that fatal.
        Compilation compilation = Fixture.compile(List.of("-Amodelcost.budget=Error", "-Xlint:all", "-Werror"),
                fixture).compilation();
        assertThat(compilation).succeededWithoutWarnings();
    }
}
