package dev.modelcost.processor.interop;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.testing.Fixture;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Network} class that extends another: a copy of it (no layers, the same class annotations, as AutoValue's
 * {@code @CopyAnnotations} writes) is that network, counted once; anything else is MC155, never a network that
 * silently drops its superclass's layers.
 */
class InheritanceTest {
    private static final Fixture BASE = Fixture.of(
            "package inh;",
            "import dev.modelcost.*;",
            "@Network(input = @Shape(channels = 3, size = {8, 8}))",
            "@Budget(macs = 1_000_000)",
            "public class Base {",
            "    @Conv(out = 8, kernel = 3) Layer conv;",
            "}");

    @Test
    void aCopyOfTheNetworkItExtendsIsNotANetworkOfItsOwn() {
        Fixture copy = Fixture.of(
                "package inh;",
                "import dev.modelcost.*;",
                "@Budget(macs = 1_000_000)",
                "@Network(input = @Shape(size = {8, 8}, channels = 3))",
                "public final class Copy extends Base {",
                "}");
        Fixture.Outcome outcome = Fixture.compile(BASE, copy);
        Fixture.assertExactly(outcome, BASE, copy);
        assertThat(outcome.generatedSources()).containsExactly("inh.BaseCost");
    }

    @Test
    void aNetworkWithLayersOfItsOwnCannotExtendANetwork() {
        Fixture wider = Fixture.of(
                "package inh;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 3, size = {8, 8}))",
                "//  ^ error [MC155] network Wider extends network Base and declares layers of its own ... never Base's"
                        + " ... put the layers both share in a @Block and use it with @Stage in each",
                "public class Wider extends Base {",
                "    @Conv(out = 16, kernel = 1) Layer widen;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(BASE, wider);
        Fixture.assertExactly(outcome, BASE, wider);
        assertThat(outcome.generatedSources()).containsExactly("inh.BaseCost");
    }

    @Test
    void aSubclassWithOtherClassAnnotationsIsNotACopy() {
        // Without layers of its own it would count nothing: the input and the budget differ from Base's.
        Fixture bigger = Fixture.of(
                "package inh;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 3, size = {16, 16}))",
                "//  ^ error [MC155] network Bigger extends network Base with other class annotations than Base's"
                        + " ... give Bigger the same @Network, @Budget and @Device as Base",
                "public class Bigger extends Base {",
                "}");
        Fixture tighter = Fixture.of(
                "package inh;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 3, size = {8, 8}))",
                "//  ^ error [MC155] network Tighter extends network Base with other class annotations",
                "public class Tighter extends Base {",
                "}");
        Fixture.Outcome outcome = Fixture.compile(BASE, bigger, tighter);
        Fixture.assertExactly(outcome, BASE, bigger, tighter);
        assertThat(outcome.generatedSources()).containsExactly("inh.BaseCost");
    }

    @Test
    void theNearestNetworkAboveCountsThroughAPlainClassBetween() {
        Fixture middle = Fixture.of(
                "package inh;",
                "public abstract class Middle extends Base {",
                "}");
        Fixture leaf = Fixture.of(
                "package inh;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 3, size = {8, 8}))",
                "//  ^ error [MC155] network Leaf extends network Base and declares layers of its own",
                "public class Leaf extends Middle {",
                "    @Dense(out = 10) Layer head;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(BASE, middle, leaf);
        Fixture.assertExactly(outcome, BASE, middle, leaf);
    }
}
