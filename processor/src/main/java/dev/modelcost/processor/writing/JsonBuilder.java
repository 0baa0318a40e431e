package dev.modelcost.processor.writing;

/**
 * Writes JSON text in a fixed layout (two-space indent, keys in the order written), so that the same report
 * is the same bytes on every machine and diffs line by line.
 */
final class JsonBuilder {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** Two spaces per level, cut to the depth: no string is built per line. */
    private static final String INDENT = "  ".repeat(32);

    private final StringBuilder text;
    private int depth;
    private boolean first = true;
    private boolean afterKey;

    /** A builder whose text starts with room for {@code capacity} characters. */
    JsonBuilder(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    JsonBuilder beginObject() {
        return open('{');
    }

    JsonBuilder endObject() {
        return close('}');
    }

    JsonBuilder beginArray() {
        return open('[');
    }

    JsonBuilder endArray() {
        return close(']');
    }

    /** Starts a member of the current object; the value follows. */
    JsonBuilder key(String key) {
        separate();
        quote(text, key).append(": ");
        afterKey = true;
        return this;
    }

    JsonBuilder value(String value) {
        separate();
        if (value == null) {
            text.append("null");
        } else {
            quote(text, value);
        }
        return this;
    }

    JsonBuilder value(long value) {
        separate();
        text.append(value);
        return this;
    }

    JsonBuilder value(boolean value) {
        separate();
        text.append(value);
        return this;
    }

    /** The ratio of two counts with three digits after the point, rounded half up ({@link Quotients}). */
    JsonBuilder ratio(long numerator, long denominator) {
        separate();
        if (denominator == 0) {
            text.append("0.000");
        } else {
            Quotients.append(text, numerator, denominator, 3);
        }
        return this;
    }

    JsonBuilder nullValue() {
        separate();
        text.append("null");
        return this;
    }

    /** An array of ints on one line, e.g. a shape. */
    JsonBuilder ints(int[] values) {
        separate();
        text.append('[');
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]);
        }
        text.append(']');
        return this;
    }

    @Override
    public String toString() {
        String json = text.append('\n').toString();
        text.setLength(text.length() - 1);
        return json;
    }

    private JsonBuilder open(char bracket) {
        separate();
        text.append(bracket);
        depth++;
        first = true;
        return this;
    }

    private JsonBuilder close(char bracket) {
        depth--;
        if (!first) {
            newline();
        }
        text.append(bracket);
        first = false;
        return this;
    }

    private void separate() {
        if (afterKey) {
            afterKey = false; // the value of a key follows it on its line
            return;
        }
        if (!first) {
            text.append(',');
        }
        if (depth > 0) {
            newline();
        }
        first = false;
    }

    private void newline() {
        text.append('\n');
        if (depth <= INDENT.length() / 2) {
            text.append(INDENT, 0, 2 * depth);
        } else {
            text.append("  ".repeat(depth));
        }
    }

    /** Appends the value as a JSON string to {@code quoted}: the characters up to the first to escape at once. */
    private static StringBuilder quote(StringBuilder quoted, String value) {
        quoted.append('"');
        int plain = 0;
        while (plain < value.length() && !escaped(value.charAt(plain))) {
            plain++;
        }
        quoted.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (escaped(c)) {
                        // As \\u003c: also safe inside <script>.
                        quoted.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"');
    }

    /** Whether a character is written as an escape: a control character, a quote, a backslash, or markup. */
    private static boolean escaped(char c) {
        return c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&';
    }
}
