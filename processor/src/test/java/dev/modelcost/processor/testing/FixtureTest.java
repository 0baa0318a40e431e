package dev.modelcost.processor.testing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The expectation comments of {@link Fixture} are read right, and a wrong one makes the check fail. */
class FixtureTest {
    private static final String SOURCE = "    @Conv(out = 8, kernel = {3, 0}) Layer conv;";

    private static Fixture withCaret(String caretLine) {
        return Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Checked {",
                SOURCE,
                caretLine,
                "}");
    }

    @Test
    void readsKindKeyLineColumnAndFragments() {
        Fixture fixture = withCaret("    //                          ^ error [MC104] (dimension 2) ... is 0");
        assertThat(fixture.expected()).containsExactly(new Fixture.Expected(Diagnostic.Kind.ERROR, "MC104", 5,
                SOURCE.indexOf("0}") + 1, List.of("(dimension 2)", "is 0")));
    }

    @Test
    void passesWhenRight() {
        Fixture fixture = withCaret("    //                          ^ error [MC104] (dimension 2) ... is 0");
        Fixture.assertExactly(Fixture.compile(fixture), fixture);
    }

    @Test
    void failsOnAnotherColumn() {
        Fixture fixture = withCaret("    //             ^ error [MC104]");
        assertThrows(AssertionError.class, () -> Fixture.assertExactly(Fixture.compile(fixture), fixture));
    }

    @Test
    void failsOnAnotherKey() {
        Fixture fixture = withCaret("    //                          ^ error [MC105]");
        assertThrows(AssertionError.class, () -> Fixture.assertExactly(Fixture.compile(fixture), fixture));
    }

    @Test
    void failsOnAWarningExpectedForAnError() {
        Fixture fixture = withCaret("    //                          ^ warning [MC104]");
        assertThrows(AssertionError.class, () -> Fixture.assertExactly(Fixture.compile(fixture), fixture));
    }

    @Test
    void failsOnAMissingFragment() {
        Fixture fixture = withCaret("    //                          ^ error [MC104] is 0 ... dimension 1");
        assertThrows(AssertionError.class, () -> Fixture.assertExactly(Fixture.compile(fixture), fixture));
    }

    @Test
    void failsOnAnErrorNobodyExpected() {
        Fixture fixture = withCaret("    // no expectation");
        assertThrows(AssertionError.class, () -> Fixture.assertExactly(Fixture.compile(fixture), fixture));
    }
}
