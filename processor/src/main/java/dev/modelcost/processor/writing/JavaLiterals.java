package dev.modelcost.processor.writing;

/**
 * Java string literals for generated source, to be emitted with JavaPoet's {@code $L}. JavaPoet's own {@code $S}
 * leaves the line and paragraph separators (U+2028, U+2029) as they are and then breaks the output line on them,
 * in the middle of the literal; here every character beyond printable ASCII is an escape, so the literal is
 * one line of ASCII whatever the text, and javac reads back exactly that text.
 */
final class JavaLiterals {
    private static final String HEX_DIGITS = "0123456789abcdef";

    private JavaLiterals() {
    }

    /**
     * The literal of a text; one that holds line feeds is cut after each into literals joined by {@code +}, one to
     * a source line, indented twice by {@code indent} (as JavaPoet lays out {@code $S}).
     */
    static String string(String text, String indent) {
        StringBuilder literal = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            appendEscaped(literal, c);
            if (c == '\n' && i + 1 < text.length()) {
                literal.append("\"\n").append(indent).append(indent).append("+ \"");
            }
        }
        return literal.append('"').toString();
    }

    /**
     * The literal of a text as one literal on one source line, its line feeds escaped: for the layer table,
     * whose lines javac would otherwise read as one literal each, joined by {@code +} and folded back into one
     * constant, a cost in JavaPoet, javac's tokenizer and its attribution for every layer.
     */
    static String oneLine(String text) {
        StringBuilder literal = new StringBuilder(text.length() + text.length() / 8 + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            appendEscaped(literal, text.charAt(i));
        }
        return literal.append('"').toString();
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
                    literal.append("\\u");
                    for (int shift = 12; shift >= 0; shift -= 4) {
                        literal.append(HEX_DIGITS.charAt((c >> shift) & 0xf));
                    }
                } else {
                    literal.append(c);
                }
            }
        }
    }
}
