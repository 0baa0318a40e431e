package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Fixture;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Budget} on a block's layer limits that layer in every repetition and every use of the block: the
 * layers of one network over it are one MC200, on the limit, naming the costliest, the network and how many are
 * over; each network that uses the block says so for itself.
 */
class BlockBudgetTest {

    /**
     * 3 -> 3 channels, 3x3, padding 1 on 32x32: 3 * 1,024 * 3 * 9 = 82,944 MACs per repetition, over 10,000 in
     * each of the three. A 1x1 convolution 3 -> 3 is 9,216 MACs: in Mixed, one of its two layers is over.
     */
    @Test
    void aBlockLayerOverItsBudgetInEveryRepetitionIsOneWarningPerNetwork() {
        Fixture thriceUnit = unit("layer 'stage.0.conv' of network Thrice is over budget: MACs 82,944 > limit "
                + "10,000 (+72,944, 729.4% over); 3 of the 3 layers it limits are over: stage.0.conv, stage.1.conv, "
                + "stage.2.conv; reduce the cost");
        Fixture thrice = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "public class Thrice {",
                "    @Stage(block = Unit.class, repeat = 3) Layer stage;",
                "}");
        Fixture mixed = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "public class Mixed {",
                "    @Stage(block = Unit.class, with = \"kernel = 1\") Layer narrow;",
                "    @Stage(block = Unit.class) Layer wide;",
                "}");
        Fixture.assertExactly(Fixture.compile(thriceUnit, thrice), thriceUnit, thrice);
        Fixture mixedUnit = unit("layer 'wide.0.conv' of network Mixed is over budget: MACs 82,944 > limit 10,000 "
                + "(+72,944, 729.4% over); 1 of the 2 layers it limits is over: wide.0.conv; reduce the cost");
        Fixture.assertExactly(Fixture.compile(mixedUnit, mixed), mixedUnit, mixed);

        // Compiled together, each network warns for itself, at the same limit.
        Compilation both = Fixture.compile(thriceUnit, thrice, mixed).compilation();
        Fixture.assertNoInternalError(both);
        assertThat(both.warnings().stream().map(w -> w.getMessage(Locale.ROOT)).filter(m -> m.startsWith("[MC200]"))
                .map(m -> m.substring(0, m.indexOf(" is over budget"))).toList())
                .containsExactly("[MC200] layer 'stage.0.conv' of network Thrice",
                        "[MC200] layer 'wide.0.conv' of network Mixed");
    }

    /** A block of one 3 -> 3 convolution with a MACs budget, expecting the warning on it. */
    private static Fixture unit(String warning) {
        return Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Block",
                "public class Unit {",
                "    @Param(\"3\") int kernel;",
                "    @Conv(out = 3, kernelExpr = \"kernel\", paddingExpr = \"kernel / 2\") @Budget(macs = 10_000) Layer conv;",
                "//                                                                                   ^ warning [MC200] " + warning,
                "}");
    }
}
