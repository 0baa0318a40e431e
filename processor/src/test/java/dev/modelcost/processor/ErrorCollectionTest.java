package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Fixture;
import dev.modelcost.processor.testing.RecordingProcessor;
import org.junit.jupiter.api.Test;

/**
 * How errors are collected and what they stop: every problem of a network is reported in one compile, a
 * network with an error generates nothing, other networks in the same compile are unaffected, code that uses
 * a cost class that was not written gets no cascade of errors, and no exception ever reaches javac.
 */
class ErrorCollectionTest {

    @Test
    void everyBadLayerOfANetworkIsReportedInOneCompile() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 64, size = {8, 8}))",
                "public class ManyFaults {",
                "    @Conv(out = 64, kernel = 9) Layer tooLarge;",
                "    //                       ^ error [MC108] layer 'tooLarge': output size would be 0 ... "
                        + "use a padding of at least 1, or an input of at least 9 there",
                "    @Conv(out = 100, kernel = 3, padding = 1) @Grouped(8) Layer grouped;",
                "    //                                                 ^ error [MC107] 8 groups do not divide the "
                        + "output channels (100) ... valid group counts for 64 -> 100 channels: 1, 2, 4",
                "    @Conv(out = 16, kernel = {3, 0}) Layer zeroKernel;",
                "    //                           ^ error [MC104] kernel of layer 'zeroKernel' (dimension 2) is 0",
                "    @Conv(out = 16, kernel = 3) @Deconv(out = 16, kernel = 3) Layer both;",
                "    //                          ^ error [MC102] field 'both' has both @Conv and @Deconv",
                "    @Conv(out = 16, kernel = 3, paddingMode = PaddingMode.SAME, padding = 1) Layer same;",
                "    //                                                                    ^ error [MC113] layer 'same'",
                "    @Conv(out = 16, kernel = {1, 1, 1}) Layer cube;",
                "    //                       ^ error [MC106] kernel of layer 'cube' has 3 values",
                "    @Dense(out = 10) Layer head;",
                "    @Conv(out = 16, kernel = 1) Layer afterHead;",
                "//  ^ error [MC111] layer 'afterHead' is a convolution but its input (10)",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aNetworkWithErrorsGeneratesNothingWhileAValidOneStillDoes() {
        Fixture bad = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Broken {",
                "    @Conv(out = 8, kernel = 3) Layer fine;",
                "    @Conv(out = 8, kernel = 3, stride = 0) Layer zeroStride;",
                "    //                                  ^ error [MC104] stride of layer 'zeroStride' is 0",
                "    @Network(input = @Shape(channels = 3, size = {8, 8}))",
                "    static class BrokenInner {",
                "        @Dense(out = 0) Layer head;",
                "        //           ^ error [MC104] out of layer 'head' is 0",
                "    }",
                "    @Network(input = @Shape(channels = 3, size = {8, 8}))",
                "    static class FineInner {",
                "        @Dense(out = 10) Layer head;",
                "    }",
                "}");
        Fixture good = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Working {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "    @Dense(out = 10) Layer head;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(bad, good);
        Fixture.assertExactly(outcome, bad, good);
        assertThat(outcome.generatedSources()).containsExactly("d.WorkingCost", "d.Broken_FineInnerCost");
    }

    @Test
    void codeUsingTheCostClassOfABrokenNetworkGetsNoCascadeOfErrors() {
        Fixture network = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Unwritten {",
                "    @Conv(out = 8, kernel = 3) @Grouped(2) Layer conv;",
                "    //                                  ^ error [MC107] layer 'conv': 2 groups do not divide the "
                        + "input channels (3) ... valid group counts for 3 -> 8 channels: 1",
                "}");
        Fixture user = Fixture.of(
                "package d;",
                "public class Reader {",
                "    static final long MACS = UnwrittenCost.MACS;",
                "}");
        // Only the network's own error: no "cannot find symbol" for the class that was not written.
        Fixture.assertExactly(Fixture.compile(network, user), network, user);
    }

    @Test
    void extremeValuesAreReportedNeverThrown() {
        Fixture input = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 2147483647, size = {2147483647, 2147483647}))",
                "//  ^ error [MC110] input elements of Extreme (2,147,483,647 x 4,611,686,014,132,420,609)",
                "public class Extreme {",
                "    @Conv(out = 2147483647, kernel = 2147483647, stride = 2147483647, padding = 2147483647) Layer a;",
                "    @Dense(out = 2147483647) Layer b;",
                "}");
        Fixture reach = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = {2147483647}))",
                "public class Reach {",
                // d(k - 1) = 2,147,483,647 x 2,147,483,646 is far beyond int, not beyond long.
                "    @Conv(out = 1, kernel = 2147483647, dilation = 2147483647) Layer a;",
                "    //                      ^ error [MC108] layer 'a': output size would be -4611686009837453315",
                "}");
        Fixture stretch = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = {2147483647}))",
                "public class Stretch {",
                // (S - 1)s + d(k - 1) + op + 1 is just below the largest long, far beyond int.
                "    @Deconv(out = 1, kernel = 2147483647, dilation = 2147483647, stride = 2147483647,",
                "//  ^ error [MC110] output size of layer 'a' (9,223,372,026,117,357,571) exceeds the largest int",
                "            outputPadding = 2147483646) Layer a;",
                // Layer a's output channels are still known: 1, which 2,147,483,647 groups do not divide.
                "    @Conv(out = 2147483647, kernel = 1) @Grouped(2147483647) Layer b;",
                "    //                                           ^ error [MC107] layer 'b': 2147483647 groups do "
                        + "not divide the input channels (1) ... valid group counts for 1 -> 2147483647 channels: 1",
                "    @Conv(out = 5, kernel = 1) @Grouped(depthwise = true) Layer c;",
                "    //                                              ^ error [MC107] layer 'c': 2147483647 groups do "
                        + "not divide the output channels (5) ... e.g. 2147483647",
                "}");
        Fixture.Outcome outcome = Fixture.compile(input, reach, stretch);
        Fixture.assertExactly(outcome, input, reach, stretch);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void anExceptionIsReportedOnItsNetworkAndTheNextNetworkStillGenerates() {
        Fixture unlucky = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Unlucky {",
                // javac points at an element by its keyword.
                "//     ^ error [MC002] modelcost failed on d.Unlucky; please report this with the class that "
                        + "caused it: java.lang.IllegalStateException: injected failure creating d.UnluckyCost ... "
                        + "at dev.modelcost.processor.ModelCostProcessor",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        Fixture lucky = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Lucky {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        RecordingProcessor processor = RecordingProcessor.failingToCreate("d.UnluckyCost");
        Compilation compilation = javac().withProcessors(processor).compile(unlucky.file(), lucky.file());
        // The one place MC002 is expected, so the check that it never appears elsewhere is left out here.
        Fixture.Expected expected = unlucky.expected().get(0);
        assertThat(compilation).hadErrorContaining("[MC002]").inFile(unlucky.file()).onLine(expected.line())
                .atColumn(expected.column());
        for (String fragment : expected.fragments()) {
            assertThat(compilation).hadErrorContaining(fragment);
        }
        assertThat(compilation).hadErrorCount(1);
        assertThat(processor.createdSources()).containsExactly("d.LuckyCost");
    }

    @Test
    void networksInTheSameFileAndPackageAreIndependent() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}), name = \"outer\")",
                "public class Outer {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "    @Network(input = @Shape(channels = 3, size = {8, 8}), costClass = \"InnerFigures\")",
                "    public static class Inner {",
                "        @Conv(out = 8, kernel = 3) Layer conv;",
                "    }",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        assertThat(outcome.compilation()).succeededWithoutWarnings();
        assertThat(outcome.generatedSources()).containsExactly("d.OuterCost", "d.InnerFigures");
        assertThat(outcome.compilation().generatedSourceFile("d.InnerFigures")).isPresent();
    }
}
