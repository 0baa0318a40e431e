package dev.modelcost.processor.expand;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expression language of {@code ...Expr}, {@code @When}, {@code @Param} defaults and stage arguments. */
class ExpressionTest {

    private static long eval(String text, Map<String, Long> names) {
        return Expression.parse(text).evaluate(names);
    }

    private static long eval(String text) {
        return eval(text, Map.of());
    }

    private static String error(String text, Map<String, Long> names) {
        return assertThrows(ExpressionException.class, () -> eval(text, names)).getMessage();
    }

    @Test
    void javaPrecedenceAndAssociativity() {
        assertThat(eval("2 + 3 * 4")).isEqualTo(14L);
        assertThat(eval("(2 + 3) * 4")).isEqualTo(20L);
        assertThat(eval("10 - 4 - 3")).isEqualTo(3L); // (10 - 4) - 3, not 10 - (4 - 3)
        assertThat(eval("64 / 4 / 2")).isEqualTo(8L);
        assertThat(eval("2 * 7 % 4")).isEqualTo(2L); // 14 % 4
        assertThat(eval("1 + 2 == 3")).isEqualTo(1L); // (1 + 2) == 3
        assertThat(eval("0 && 1 || 1")).isEqualTo(1L); // (0 && 1) || 1
        assertThat(eval("1 || 0 && 0")).isEqualTo(1L); // 1 || (0 && 0)
        assertThat(eval("-3 * -2")).isEqualTo(6L);
        assertThat(eval("- -3")).isEqualTo(3L);
        assertThat(eval("!0 + !7")).isEqualTo(1L);
        assertThat(eval("1_000 * 2")).isEqualTo(2_000L);
        assertThat(eval("  ( 1 )  ")).isEqualTo(1L);
    }

    @Test
    void comparisonsAndLogicGiveOneOrZero() {
        assertThat(eval("3 <= 3")).isEqualTo(1L);
        assertThat(eval("3 < 3")).isEqualTo(0L);
        assertThat(eval("4 >= 5")).isEqualTo(0L);
        assertThat(eval("5 > 4")).isEqualTo(1L);
        assertThat(eval("3 != 4")).isEqualTo(1L);
        assertThat(eval("3 == 4")).isEqualTo(0L);
        assertThat(eval("7 && 9")).isEqualTo(1L);
        assertThat(eval("0 || 0")).isEqualTo(0L);
    }

    @Test
    void divisionAndRemainderAreJavas() {
        assertThat(eval("7 / 2")).isEqualTo(3L);
        assertThat(eval("7 % 4")).isEqualTo(3L);
        // Toward zero, so that (a / b) * b + a % b == a: -7 / 2 = -3 and -7 % 2 = -1.
        assertThat(eval("-7 / 2")).isEqualTo(-3L);
        assertThat(eval("-7 % 2")).isEqualTo(-1L);
        assertThat(eval("(-7 / 2) * 2 + -7 % 2")).isEqualTo(-7L);
    }

    @Test
    void namesAreBoundByTheScope() {
        Map<String, Long> names = Map.of("width", 64L, "stride", 2L, "in", 256L);
        assertThat(eval("width * 4", names)).isEqualTo(256L);
        assertThat(eval("stride != 1 || in != width * 4", names)).isEqualTo(1L);
        assertThat(eval("in / stride", names)).isEqualTo(128L);
        assertThat(Expression.parse("in != width * 4 && width > in").names()).containsExactly("in", "width").inOrder();
    }

    @Test
    void logicShortCircuitsAsJavasDoes() {
        // The right side is never evaluated, so neither divides by zero.
        assertThat(eval("0 && 1 / 0")).isEqualTo(0L);
        assertThat(eval("1 || 1 / 0")).isEqualTo(1L);
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        assertThat(error("1 +", Map.of())).isEqualTo("a value expected at position 4 of \"1 +\"");
        assertThat(error("(1 + 2", Map.of())).isEqualTo("')' expected at position 7 of \"(1 + 2\"");
        assertThat(error("1 2", Map.of())).isEqualTo("unexpected '2' at position 3 of \"1 2\"");
        assertThat(error("2 * #", Map.of())).contains("unexpected '#' at position 5");
        assertThat(error("1 << 2", Map.of())).contains("unexpected '<' at position 3");
        assertThat(error("", Map.of())).isEqualTo("a value expected at position 1 of \"\"");
        assertThat(error("99999999999999999999", Map.of())).contains("number too large");
    }

    @Test
    void numbersAreJavasDecimalLiterals() {
        assertThat(eval("0")).isEqualTo(0L);
        assertThat(eval("10")).isEqualTo(10L);
        assertThat(eval("1__0")).isEqualTo(10L); // Java allows several underscores between digits
        assertThat(eval("0 + 7")).isEqualTo(7L);
        // Arabic-Indic three and Devanagari one are digits to Character.isDigit, not to Java.
        assertThat(error("\u0663", Map.of()))
                .isEqualTo("unexpected '\u0663' (numbers are written with the digits 0 to 9) at position 1 of \"\u0663\"");
        assertThat(error("1\u0967", Map.of())).startsWith("unexpected '\u0967' (numbers are written with the digits");
        // Java reads 011 as octal nine; eleven would silently differ from it.
        assertThat(error("011", Map.of()))
                .isEqualTo("leading zero in 011 (Java would read it as octal, which is not supported; write 11) at "
                        + "position 1 of \"011\"");
        assertThat(error("2 * 00", Map.of())).startsWith("leading zero in 00 (Java would read it as octal, which is "
                + "not supported; write 0) at position 5");
        assertThat(error("0_7", Map.of())).startsWith("leading zero in 0_7 (");
        assertThat(error("9_", Map.of())).isEqualTo("'_' must stand between digits at position 2 of \"9_\"");
        assertThat(error("1_000_ * 2", Map.of())).startsWith("'_' must stand between digits at position 6");
    }

    @Test
    void anUnknownNameSuggestsACloseOne() {
        assertThat(error("widht * 4", Map.of("width", 64L, "in", 3L)))
                .isEqualTo("unknown name 'widht' (did you mean 'width'?); known here: in, width");
        assertThat(error("depth", Map.of("width", 64L, "in", 3L)))
                .isEqualTo("unknown name 'depth'; known here: in, width");
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        assertThat(error("wdth", Map.of("size", 64L, "in", 3L))).isEqualTo("unknown name 'wdth'; known here: in, size");
        assertThat(error("width", Map.of())).startsWith("unknown name 'width'; known here: none");
    }

    @Test
    void divisionByZeroAndOverflowAreErrorsNotExceptions() {
        assertThat(error("8 / (in - in)", Map.of("in", 3L))).isEqualTo("division by zero (/ 0)");
        assertThat(error("8 % 0", Map.of())).isEqualTo("division by zero (% 0)");
        assertThat(error("9223372036854775807 + 1", Map.of())).isEqualTo("overflow in 9223372036854775807 + 1");
        assertThat(error("3037000500 * 3037000500", Map.of())).startsWith("overflow in");
        // The smallest long has no positive counterpart: neither -x nor x / -1 fits.
        assertThat(error("-(0 - 9223372036854775807 - 1)", Map.of())).startsWith("overflow in");
        assertThat(error("(0 - 9223372036854775807 - 1) / -1", Map.of())).startsWith("overflow in");
    }

    @Test
    void listsSplitAtTopLevelCommasOnly() {
        assertThat(Expression.splitTopLevel("1, (k - 1) / 2", ',')).containsExactly("1", " (k - 1) / 2").inOrder();
        assertThat(Expression.splitTopLevel("width = (a, b), s = 2", ','))
                .containsExactly("width = (a, b)", " s = 2").inOrder();
        assertThat(Expression.parseList("3, 1 + 1").stream().map(e -> e.evaluate(Map.of())).toList())
                .containsExactly(3L, 2L).inOrder();
    }
}
