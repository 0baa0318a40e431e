package dev.modelcost.processor.writing;

import static com.google.common.truth.Truth.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every character makes a literal of printable ASCII on one line. */
class JavaLiteralsTest {
    private static final Pattern ONE_LINE_OF_ASCII = Pattern.compile("\"[\\x20-\\x7e]+\"");
    /** A Unicode escape is translated before the literal is read: it must not make a line end, quote or backslash. */
    private static final Pattern BREAKING_ESCAPE = Pattern.compile("\\\\u(000[aAdD]|0022|005[cC])");

    @Test
    void everyCharacterIsPrintableAsciiOnOneLine() {
        List<String> wrong = new ArrayList<>();
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            String literal = JavaLiterals.string(String.valueOf((char) c));
            if (!ONE_LINE_OF_ASCII.matcher(literal).matches() || BREAKING_ESCAPE.matcher(literal).find()) {
                wrong.add(Integer.toHexString(c) + ": " + literal);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void textWithLineFeedsIsOneLiteralOnOneLine() {
        assertThat(JavaLiterals.string("a\nb\n")).isEqualTo("\"a\\nb\\n\"");
    }
}
