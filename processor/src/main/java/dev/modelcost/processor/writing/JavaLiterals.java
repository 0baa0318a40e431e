package dev.modelcost.processor.writing;

/**
 * Java string literals for generated source: every character beyond printable ASCII is an escape, so the literal
 * is one line of ASCII whatever the text (line feeds, the line and paragraph separators U+2028 and U+2029, a lone
 * surrogate), and javac reads back exactly that text.
 */
final class JavaLiterals {
    private static final String HEX_DIGITS = "0123456789abcdef";

    private JavaLiterals() {
    }

    /** The literal of a text, quotes included, on one source line. */
    static String string(CharSequence text) {
        return appendString(new StringBuilder(text.length() + text.length() / 8 + 2), text).toString();
    }

    /** Appends the literal of a text, quotes included, on one source line. */
    static StringBuilder appendString(StringBuilder literal, CharSequence text) {
        literal.append('"');
        for (int i = 0; i < text.length(); i++) {
            appendEscaped(literal, text.charAt(i));
        }
        return literal.append('"');
    }

    /**
     * Appends a character as a Unicode escape: a backslash, {@code u} and four hexadecimal digits, which Java
     * reads as that character anywhere in a source file, before it reads anything else.
     */
    static StringBuilder appendUnicodeEscape(StringBuilder text, char c) {
        text.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            text.append(HEX_DIGITS.charAt((c >> shift) & 0xf));
        }
        return text;
    }

    private static void appendEscaped(StringBuilder literal, char c) {
        switch (c) {
            case '\b' -> literal.append("\\b");
            case '\t' -> literal.append("\\t");
            case '\n' -> literal.append("\\n");
            case '\f' -> literal.append("\\f");
            case '\r' -> literal.append("\\r");
            case '"' -> literal.append("\\\"");
            case '\\' -> literal.append("\\\\");
            default -> {
                // A Unicode escape is read before anything else: never one for a line feed, carriage return,
                // quote or backslash, all handled above.
                if (c < 0x20 || c >= 0x7f) {
                    appendUnicodeEscape(literal, c);
                } else {
                    literal.append(c);
                }
            }
        }
    }
}
