package dev.modelcost;

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
        StringBuilder text = new StringBuilder(digits.length() + 6).append(digits, 0, first);
        for (int i = first; i < digits.length(); i++) {
            if (i > first && (digits.length() - i) % 3 == 0) {
                text.append(separator);
            }
            text.append(digits.charAt(i));
        }
        return text.toString();
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

    /** Divides by {@code base} while the figure, rounded, reaches it: 999.5 k is 1.00 M, 1,023 bytes stay bytes. */
    private static String scaled(long value, int base, String[] prefixes, String unit) {
        double magnitude = Math.abs((double) value);
        int step = 0;
        while (step < prefixes.length - 1 && magnitude >= base - 0.5) {
            magnitude /= base;
            step++;
        }
        String number = step == 0 ? Long.toString(Math.abs(value))
                : String.format(java.util.Locale.ROOT, magnitude >= 99.95 ? "%.0f" : magnitude >= 9.995 ? "%.1f"
                        : "%.2f", magnitude);
        String prefix = prefixes[step];
        return (value < 0 ? "-" : "") + number + (prefix.isEmpty() && unit.isEmpty() ? "" : " ") + prefix + unit;
    }
}
