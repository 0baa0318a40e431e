package dev.modelcost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How modelcost's reports are written, for programs that read them: the JSON report's schema name, version and
 * the keys a reader finds its way by (each figure's own key is its {@link Convention#key()}), and numbers
 * grouped by thousands as every report and table prints them.
 */
public final class Reports {
    /** The value of {@link #SCHEMA} in every JSON report. */
    public static final String SCHEMA_NAME = "modelcost-report";
    /** The JSON report's version; it changes only when a field changes meaning or disappears. */
    public static final int SCHEMA_VERSION = 1;

    /** The key of the schema's name. */
    public static final String SCHEMA = "schema";
    /** The key of the schema's version. */
    public static final String VERSION = "version";
    /** The key of the network's display name. */
    public static final String NETWORK = "network";
    /** The key of the object of {@link Convention} texts, by figure key. */
    public static final String CONVENTIONS = "conventions";
    /** The key of the object of the network's totals, by figure key. */
    public static final String TOTALS = "totals";
    /** The key of the array of layers, one object each, in declaration order; and of the count in the totals. */
    public static final String LAYERS = "layers";
    /** The key of a layer's name, unique in its report. */
    public static final String LAYER_NAME = "name";

    private Reports() {
    }

    /** {@code 86704128} as {@code "86,704,128"}, the same on every machine whatever its locale. */
    public static String grouped(long value) {
        return grouped(value, ',');
    }

    /**
     * The digits of a number in groups of three from the right, {@code separator} between groups: {@code '_'}
     * gives a Java literal's digits, {@code 86_704_128}.
     */
    public static String grouped(long value, char separator) {
        String digits = Long.toString(value);
        int first = value < 0 ? 1 : 0;
        int separators = (digits.length() - first - 1) / 3;
        if (separators == 0) {
            return digits;
        }
        // Filled from the right: three digits, a separator, and so on.
        char[] text = new char[digits.length() + separators];
        int to = text.length;
        for (int from = digits.length() - 1, written = 0; from >= first; from--, written++) {
            if (written > 0 && written % 3 == 0) {
                text[--to] = separator;
            }
            text[--to] = digits.charAt(from);
        }
        if (first == 1) {
            text[0] = '-';
        }
        return new String(text);
    }

    /**
     * A count in SI units with three significant digits and the unit after it: {@code 4,089,184,256} with unit
     * {@code "FLOPs"} as {@code "4.09 GFLOPs"}, {@code 25,557,032} with unit "" as {@code "25.6 M"}; below 1,000
     * the count itself. Shown beside an exact figure, never in its place.
     */
    public static String scaled(long value, String unit) {
        return scaled(value, 1000, SI, unit);
    }

    /** Bytes in binary units with three significant digits: {@code 102,760,448} as {@code "98.0 MiB"}. */
    public static String scaledBytes(long bytes) {
        return scaled(bytes, 1024, BINARY, "B");
    }

    /** Nanoseconds in the unit that suits them, up to seconds: {@code 1,974,141} as {@code "1.97 ms"}. */
    public static String scaledNanos(long nanos) {
        return scaled(nanos, 1000, TIME, "s");
    }

    private static final String[] SI = {"", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final String[] TIME = {"n", "\u00b5", "m", ""};

    /**
     * Divides by {@code base} while the figure, rounded, reaches it: 999.5 k is 1.00 M, 1,023 bytes stay bytes.
     * In exact integer arithmetic, rounded half up as {@link RoundingMode#HALF_UP}: no {@code double}
     * rounds twice, and no {@code String.format}, whose first call loads the formatter, its patterns and locale
     * data into every compilation.
     */
    private static String scaled(long value, int base, String[] prefixes, String unit) {
        long magnitude = Math.abs(value); // unsigned: Long.MIN_VALUE's magnitude is 2^63
        int step = 0;
        long divisor = 1;
        // A figure of step s reaches the next prefix at base^(s+1) - base^s / 2, i.e. base - 0.5 of its own unit.
        while (step < prefixes.length - 1
                && Long.compareUnsigned(magnitude, divisor * base - (step == 0 ? 0 : divisor / 2)) >= 0) {
            divisor *= base;
            step++;
        }
        StringBuilder text = new StringBuilder(16);
        if (value < 0) {
            text.append('-');
        }
        if (step == 0) {
            text.append(magnitude);
        } else {
            // Two decimals below 9.995 of the unit, one below 99.95, none above: three significant digits.
            int decimals = 2;
            long rounded = roundedHalfUp(magnitude, divisor, 100);
            if (rounded >= 1_000) {
                decimals = 1;
                rounded = roundedHalfUp(magnitude, divisor, 10);
                if (rounded >= 1_000) {
                    decimals = 0;
                    rounded = roundedHalfUp(magnitude, divisor, 1);
                }
            }
            long unitPart = decimals == 2 ? 100 : decimals == 1 ? 10 : 1;
            text.append(rounded / unitPart);
            if (decimals > 0) {
                long fraction = rounded % unitPart;
                text.append('.');
                if (decimals == 2 && fraction < 10) {
                    text.append('0');
                }
                text.append(fraction);
            }
        }
        String prefix = prefixes[step];
        if (!prefix.isEmpty() || !unit.isEmpty()) {
            text.append(' ');
        }
        return text.append(prefix).append(unit).toString();
    }

    /**
     * {@code magnitude / divisor} in units of {@code 1 / scale}, rounded half up; {@code magnitude} unsigned, the
     * divisor above 1. What could overflow a long (an exa-anything, or 2^63) is done in {@link BigDecimal}.
     */
    private static long roundedHalfUp(long magnitude, long divisor, int scale) {
        if (magnitude < 0 || divisor > Long.MAX_VALUE / 200) {
            return new BigDecimal(Long.toUnsignedString(magnitude)).multiply(BigDecimal.valueOf(scale))
                    .divide(BigDecimal.valueOf(divisor), 0, RoundingMode.HALF_UP).longValueExact();
        }
        long quotient = magnitude / divisor;
        long remainder = (magnitude % divisor) * scale;
        long extra = remainder / divisor;
        long left = remainder % divisor;
        return quotient * scale + extra + (left >= divisor - left ? 1 : 0);
    }
}
