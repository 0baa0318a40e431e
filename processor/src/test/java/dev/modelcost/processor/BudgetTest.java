package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.Fixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Budgets (MC200) in each severity of {@code -Amodelcost.budget}, suppressed or not, on the network and on one
 * layer.
 *
 * <p>Most tests use one network on a 3x32x32 input, worked out by hand:
 * <pre>
 * layer  MACs        params  FLOPs       activations
 * a      442,368        448     901,120  16,384     conv 3->16, k=3, p=1: 16*1024*3*9
 * b      4,718,592    4,640   9,469,952  32,768     conv 16->32, k=3, p=1: 32*1024*16*9
 * c      262,144        264     532,480   8,192     conv 32->8, k=1: 8*1024*32
 * fc     81,920      81,930     163,850      10     dense 8192->10
 * total  5,505,024   87,282  11,067,402  57,354
 * </pre>
 * By MACs the costliest are b, a, c; by parameters fc, b, a.
 */
class BudgetTest {
    private static final long MACS = 5_505_024L;

    /** The network above, with these lines (annotations and their expectations) just before its class line. */
    private static Fixture network(String name, String... header) {
        List<String> lines = new ArrayList<>(List.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))"));
        lines.addAll(List.of(header));
        lines.addAll(List.of(
                "public class " + name + " {",
                "    @Conv(out = 16, kernel = 3, padding = 1) Layer a;",
                "    @Conv(out = 32, kernel = 3, padding = 1) Layer b;",
                "    @Conv(out = 8, kernel = 1) Layer c;",
                "    @Dense(out = 10) Layer fc;",
                "}"));
        return Fixture.of(lines.toArray(String[]::new));
    }

    @Test
    void overBudgetIsAWarningOnTheLimitWithFiguresAndCostliestLayers() {
        Fixture fixture = network("Over",
                "@Budget(macs = 1_000_000, params = 50_000, flops = 20_000_000)",
                "//             ^ warning [MC200] network Over is over budget: MACs 5,505,024 > limit 1,000,000 "
                        + "(+4,505,024, 450.5% over) ... costliest layers: b 4,718,592 (85.7%), a 442,368 (8.0%), "
                        + "c 262,144 (4.8%); reduce the cost, raise the limit, or add "
                        + "@SuppressWarnings(\"modelcost:budget\")",
                "//                                 ^ warning [MC200] network Over is over budget: parameters "
                        + "87,282 > limit 50,000 (+37,282, 74.6% over) ... "
                        + "costliest layers: fc 81,930 (93.9%), b 4,640 (5.3%), a 448 (0.5%);");
        Compiled compiled = Compiled.sources(List.of(fixture.file()));
        Fixture.assertExactly(compiled.compilation(), fixture);
        // A warning, not an error: the cost class is still there, with the figures the warning quotes.
        assertThat(compiled.compilation()).succeeded();
        assertThat(compiled.constant("d.OverCost", "MACS")).isEqualTo(MACS);
        assertThat(compiled.constant("d.OverCost", "PARAMS")).isEqualTo(87_282L);
        assertThat(compiled.constant("d.OverCost", "FLOPS")).isEqualTo(11_067_402L);
    }

    @Test
    void explicitWarningOptionIsTheDefault() {
        Fixture fixture = network("Warned",
                "@Budget(activations = 57_353)",
                "//                    ^ warning [MC200] network Warned is over budget: activations 57,354 > "
                        + "limit 57,353 (+1, 0.0% over) ... costliest layers: b 32,768 (57.1%), a 16,384 (28.6%), "
                        + "c 8,192 (14.3%)");
        Fixture.Outcome outcome = Fixture.compile(List.of("-Amodelcost.budget=warning"), fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).containsExactly("d.WarnedCost");
    }

    @Test
    void budgetErrorOptionMakesItAnErrorAtTheSamePlace() {
        Fixture fixture = network("Strict",
                "@Budget(params = 50_000, macs = 1_000_000)",
                "//               ^ error [MC200] network Strict is over budget: parameters 87,282 > limit 50,000",
                "//                              ^ error [MC200] network Strict is over budget: MACs 5,505,024 > "
                        + "limit 1,000,000");
        Fixture.Outcome outcome = Fixture.compile(List.of("-Amodelcost.budget=error"), fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.compilation()).failed();
        // The figures are right, only too high: the class is written, so code using it reports nothing more.
        assertThat(outcome.generatedSources()).containsExactly("d.StrictCost");
    }

    @Test
    void budgetOffOptionReportsNothing() {
        Fixture fixture = network("Relaxed", "@Budget(macs = 1, params = 1, flops = 1, activations = 1)");
        Fixture.Outcome outcome = Fixture.compile(List.of("-Amodelcost.budget=off"), fixture);
        assertThat(outcome.compilation()).succeededWithoutWarnings();
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.compilation().generatedSourceFile("d.RelaxedCost")).isPresent();
    }

    @Test
    void suppressWarningsOnTheClassSilencesTheNetworkAndItsLayers() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "@Budget(macs = 1_000_000)",
                "@SuppressWarnings(\"modelcost:budget\")",
                "public class Quiet {",
                "    @Conv(out = 16, kernel = 3, padding = 1) @Budget(params = 10) Layer a;",
                "}");
        for (String severity : List.of("warning", "error")) {
            Compilation compilation = Fixture.compile(List.of("-Amodelcost.budget=" + severity), fixture)
                    .compilation();
            assertThat(compilation).succeededWithoutWarnings();
            Fixture.assertExactly(compilation, fixture);
        }
    }

    /**
     * A block's layer with a budget, used by two networks: 3 -> 3 channels, 3x3, padding 1 on 32x32 is
     * 3 * 1,024 * 3 * 9 = 82,944 MACs, over 1,000 in every use. Only the use that nothing suppresses warns.
     */
    @Test
    void aBlockLayersBudgetIsSuppressedWhereTheBlockIsUsed() {
        Fixture unit = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Block",
                "public class Unit {",
                "    @Conv(out = 3, kernel = 3, padding = 1) @Budget(macs = 1_000) Layer conv;",
                "    //                                                     ^ warning [MC200] layer 'loud.0.conv' "
                        + "of network QuietStage is over budget: MACs 82,944 > limit 1,000",
                "}");
        Fixture quietNetwork = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "@SuppressWarnings(\"modelcost:budget\")",
                "public class QuietNetwork {",
                "    @Stage(block = Unit.class, repeat = 2) Layer stage;",
                "}");
        Fixture quietStage = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "public class QuietStage {",
                "    @SuppressWarnings(\"modelcost:budget\") @Stage(block = Unit.class) Layer quiet;",
                "    @Stage(block = Unit.class) Layer loud;",
                "}");

        Fixture.assertExactly(Fixture.compile(unit, quietNetwork, quietStage), unit, quietNetwork, quietStage);
    }

    @Test
    void otherSuppressionsDoNotSilenceBudgets() {
        Fixture fixture = network("Loud",
                "@Budget(macs = 1_000_000)",
                "//             ^ warning [MC200] network Loud is over budget: MACs 5,505,024",
                "@SuppressWarnings({\"unchecked\", \"modelcost\", \"budget\"})");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void layerBudgetIsAWarningOnItsFieldAndCanBeSuppressedThere() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "public class Layered {",
                "    @Conv(out = 16, kernel = 3, padding = 1) @Budget(macs = 500_000) Layer a;",
                "    @Conv(out = 32, kernel = 3, padding = 1) @Budget(params = 1_000, macs = 4_000_000) Layer b;",
                "    //                                                        ^ warning [MC200] layer 'b' is over "
                        + "budget: parameters 4,640 > limit 1,000 (+3,640, 364.0% over); reduce the cost",
                "    //                                                                      ^ warning [MC200] "
                        + "layer 'b' is over budget: MACs 4,718,592 > limit 4,000,000 (+718,592, 18.0% over)",
                "    @SuppressWarnings(\"modelcost:budget\")",
                "    @Conv(out = 8, kernel = 1) @Budget(macs = 1) Layer c;",
                "}");
        Compiled compiled = Compiled.sources(List.of(fixture.file()));
        Fixture.assertExactly(compiled.compilation(), fixture);
        // A layer's warning does not name costliest layers: it is about one.
        assertThat(compiled.compilation().warnings().get(0).getMessage(null)).doesNotContain("costliest");
        assertThat(compiled.constant("d.LayeredCost", "MACS")).isEqualTo(442_368L + 4_718_592L + 262_144L);
    }

    @Test
    void networkWithinItsBudgetGetsNoWarning() {
        // Exactly at each limit is within it.
        Fixture fixture = network("Within",
                "@Budget(macs = 5_505_024, params = 87_282, flops = 11_067_402, activations = 57_354)");
        Compiled compiled = Compiled.sources(List.of(fixture.file()));
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.constant("d.WithinCost", "MACS")).isEqualTo(MACS);
        assertThat(compiled.constant("d.WithinCost", "ACTIVATIONS")).isEqualTo(57_354L);
    }

    @Test
    void budgetWarningWithWerrorFailsTheBuild() {
        Fixture fixture = network("Fatal", "@Budget(macs = 1_000_000)");
        Compilation compilation = Fixture.compile(List.of("-Werror"), fixture).compilation();
        assertThat(compilation).failed();
        assertThat(compilation).hadWarningContaining("[MC200]").inFile(fixture.file()).onLine(4).atColumn(16);
        Fixture.assertNoInternalError(compilation);
    }

    @Test
    void fewerThanThreeLayersAreAllNamed() {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "@Budget(macs = 0)",
                "//             ^ warning [MC200] network Single is over budget: MACs 442,368 > limit 0 (+442,368); "
                        + "costliest layers: a 442,368 (100.0%); reduce",
                "public class Single {",
                "    @Conv(out = 16, kernel = 3, padding = 1) Layer a;",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }
}
