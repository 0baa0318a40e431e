package dev.modelcost.cli.report;

/**
 * The names and the version of modelcost's JSON report that the command line reads: the processor's
 * {@code JsonReport} writes them, and {@code report-schema.json} beside it describes them.
 */
public final class ReportKeys {
    /** The value of {@link #SCHEMA} in every report. */
    public static final String SCHEMA_NAME = "modelcost-report";
    /** The one version this reader understands; a report of another version may mean other things. */
    public static final int VERSION_READ = 1;

    public static final String SCHEMA = "schema";
    public static final String VERSION = "version";
    public static final String NETWORK = "network";
    public static final String TOTALS = "totals";
    public static final String LAYERS = "layers";
    /** A layer's name, unique in its report. */
    public static final String LAYER_NAME = "name";

    private ReportKeys() {
    }
}
