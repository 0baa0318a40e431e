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
}
