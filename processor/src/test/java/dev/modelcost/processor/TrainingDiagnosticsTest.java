package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.processor.testing.Fixture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics of {@code @Training}, {@code -Amodelcost.batch} and the training memory budget, at their line and
 * column. The network is one 1x1 convolution 4 -> 8 on 4x8x8: 40 parameters, a 256-element input, a 512-element
 * output (TrainingMemoryTest).
 */
class TrainingDiagnosticsTest {

    private static Fixture network(String name, String... annotations) {
        return Fixture.oneConvolution(name, annotations);
    }

    @Test
    void aBatchBelowOneIsAnErrorOnItsValue() {
        Fixture fixture = network("NoSamples",
                "@Training(optimizer = Optimizer.SGD, batch = 0)",
                "//                                           ^ error [MC220] @Training batch is 0; a batch has at "
                        + "least 1 sample: write batch = 1 or more");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aNegativeBatchIsAnErrorEvenWithTheOption() {
        Fixture fixture = network("Negative",
                "@Training(batch = -3)",
                "//                ^ error [MC220] @Training batch is -3");
        Fixture.assertExactly(Fixture.compile(List.of("-Amodelcost.batch=2"), fixture), fixture);
    }

    @Test
    void aBadBatchOptionListsTheValidValues() {
        Fixture fixture = network("Options");
        for (String value : List.of("0", "-1", "eight", "2147483648")) {
            Fixture.Outcome outcome = Fixture.compile(List.of("-Amodelcost.batch=" + value), fixture);
            assertThat(outcome.compilation()).hadErrorContaining("[MC001] option -Amodelcost.batch=" + value
                    + " is not valid; use one of: a whole number of samples from 1 to 2147483647");
        }
    }

    @Test
    void aTrainingMemoryBudgetWarnsWithItsFigure() {
        // Mixed-precision Adam: 16 * 40 = 640 + (256 + 512) * 2 = 1,536 saved: 2,176.
        Fixture fixture = network("Heavy",
                "@Training(precision = TrainingPrecision.MIXED_FP16)",
                "@Budget(trainingMemoryBytes = 2_000L)",
                "//                            ^ warning [MC200] network Heavy is over budget: training memory bytes "
                        + "2,176 > limit 2,000 (+176, 8.8% over); costliest layers: conv 1,664 (76.5%)");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void aLayersTrainingMemoryBudgetCountsItsParametersAndItsOwnOutput() {
        // The layer: 640 bytes of parameters' state and its 512-element output at 2 bytes, 1,024: 1,664.
        Fixture fixture = Fixture.of("package v;", "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 4, size = {8, 8}))",
                "@Training(precision = TrainingPrecision.MIXED_BF16)",
                "public class LayerBudget {",
                "    @Budget(trainingMemoryBytes = 1_600L) @Conv(out = 8, kernel = 1) Layer conv;",
                "    //                            ^ warning [MC200] layer 'conv' is over budget: training memory "
                        + "bytes 1,664 > limit 1,600 (+64, 4.0% over)",
                "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void aSuppressedTrainingMemoryBudgetIsSilent() {
        Fixture fixture = network("Quiet", "@SuppressWarnings(\"modelcost:budget\")",
                "@Budget(trainingMemoryBytes = 1L)");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void aBatchThatOverflowsTheSavedActivationsIsAnOverflowError() {
        // 4 x 65,536 x 65,536 = 17,179,869,184 input elements and 2x as many output: 51,539,607,552 saved per
        // sample; times 2,147,483,647 samples exceeds a long (9.2 x 10^18).
        Fixture fixture = Fixture.of("package v;", "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 4, size = {65536, 65536}))",
                "//  ^ error [MC110] saved activations of network Huge",
                "@Training(batch = 2147483647)",
                "public class Huge {", "    @Conv(out = 8, kernel = 1) Layer conv;", "}");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void aCopyCarriesItsNetworksTrainingAndAnotherTrainingIsNoCopy() {
        Fixture base = Fixture.of("package inh;", "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 4, size = {8, 8}))",
                "@Training(optimizer = Optimizer.SGD)",
                "public class Base {", "    @Conv(out = 8, kernel = 1) Layer conv;", "}");
        // As AutoValue's @CopyAnnotations writes it: the same class annotations, no layers; counted once, as Base.
        Fixture copy = Fixture.of("package inh;", "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 4, size = {8, 8}))",
                "@Training(optimizer = Optimizer.SGD)",
                "public class Copy extends Base {", "}");
        Fixture other = Fixture.of("package inh;", "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 4, size = {8, 8}))",
                "//  ^ error [MC155] network Other extends network Base with other class annotations than Base's",
                "@Training(optimizer = Optimizer.ADAM)",
                "public class Other extends Base {", "}");
        Fixture.Outcome outcome = Fixture.compile(base, copy, other);
        Fixture.assertExactly(outcome, base, copy, other);
        assertThat(outcome.generatedSources()).containsExactly("inh.BaseCost");
    }
}
