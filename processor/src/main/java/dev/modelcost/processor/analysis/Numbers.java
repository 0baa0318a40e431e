package dev.modelcost.processor.analysis;

import java.util.Locale;

/** How numbers appear in messages: grouped by thousands, the same on every machine. */
public final class Numbers {
    private Numbers() {
    }

    /**
     * {@code 86704128} as {@code "86,704,128"}: what {@code String.format(Locale.ROOT, "%,d", value)} gives, without
     * parsing a format for each of the reports' many numbers.
     */
    public static String grouped(long value) {
        String digits = Long.toString(value);
        int first = value < 0 ? 1 : 0;
        StringBuilder text = new StringBuilder(digits.length() + 6).append(digits, 0, first);
        for (int i = first; i < digits.length(); i++) {
            if (i > first && (digits.length() - i) % 3 == 0) {
                text.append(',');
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
    }

    /** A share as a percentage with one decimal, e.g. {@code "46.2%"}. */
    public static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }
}
