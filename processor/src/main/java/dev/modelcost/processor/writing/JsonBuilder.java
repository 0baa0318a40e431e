package dev.modelcost.processor.writing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Writes JSON text in a fixed layout (two-space indent, keys in the order written), so that the same report
 * is the same bytes on every machine and diffs line by line.
 */
final class JsonBuilder {
    private final StringBuilder text = new StringBuilder();
    private int depth;
    private boolean first = true;
    private boolean afterKey;

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
        text.append(quote(key)).append(": ");
        afterKey = true;
        return this;
    }

    JsonBuilder value(String value) {
        separate();
        text.append(value == null ? "null" : quote(value));
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

    /**
     * The ratio of two counts with three digits after the point, rounded half up: exact, where a {@code double}
     * could round twice, and without {@code String.format}, which took a tenth of the processor's time.
     */
    JsonBuilder ratio(long numerator, long denominator) {
        separate();
        BigDecimal ratio = denominator == 0 ? BigDecimal.ZERO.setScale(3)
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 3, RoundingMode.HALF_UP);
        text.append(ratio.toPlainString());
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
        return text + "\n";
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
        text.append("  ".repeat(depth));
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c)); // also safe inside <script>
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
