package dev.modelcost.cli.diff;

import dev.modelcost.cli.report.BadReportException;
import dev.modelcost.cli.report.ReportReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * The diff as a library, for a gate in a build tool (the Maven plugin's {@code check} goal): two reports of a
 * network compared on one figure, the gate's decision on a threshold, and the comparison in each format of
 * {@code modelcost diff}, which prints exactly these.
 */
public final class ReportComparison {
    /** GitHub's limit on a comment's length, in characters; the Markdown stays within it. */
    public static final int COMMENT_LIMIT = MarkdownFormat.LIMIT;

    private final Diff diff;

    private ReportComparison(Diff diff) {
        this.diff = diff;
    }

    /**
     * Reads the figure {@code metric} (a key of the reports' totals, e.g. {@code macs}) of both reports and
     * compares them.
     *
     * @throws BadReportException when either file is not a report of the version read, or has no such total
     */
    public static ReportComparison of(Path before, Path after, String metric) throws BadReportException {
        ReportReader reader = new ReportReader(metric);
        return new ReportComparison(Comparison.of(reader.read(before), reader.read(after)));
    }

    /** The network's display name in the report after, e.g. {@code ResNet-50}. */
    public String network() {
        return diff.networkAfter();
    }

    /** The figure compared. */
    public String metric() {
        return diff.metric();
    }

    /** The figure's total before. */
    public long before() {
        return diff.total().before();
    }

    /** The figure's total after. */
    public long after() {
        return diff.total().after();
    }

    /** The total's change as a percentage of before, one decimal (HALF_UP); null when before is 0. */
    public BigDecimal growth() {
        return diff.total().percent();
    }

    /** How many layers' figure changed, were added or were removed. */
    public int layersChanged() {
        return diff.changes().size();
    }

    /** Why the two reports may be of different networks; null when they look like one network. */
    public String warning() {
        return diff.warning();
    }

    /** Whether the total grew by more than {@code threshold} percent; any growth from 0 does. */
    public boolean grewBeyond(BigDecimal threshold) {
        return Verdict.of(diff.total(), threshold).failed();
    }

    /**
     * The comparison as {@code modelcost diff --format FORMAT --top TOP [--threshold THRESHOLD]} prints it.
     *
     * @param threshold the growth allowed in percent; null for no gate (no decision printed)
     */
    public String render(Format format, int top, BigDecimal threshold) {
        return render(format.printer(), top, threshold);
    }

    /**
     * The Markdown comment in at most {@code limit} characters, to be one part of a longer comment; rows that do
     * not fit are left out with a line saying how many. A limit below 1,000 (the room kept for the lines after
     * the tables) shows no rows.
     */
    public String markdown(int top, BigDecimal threshold, int limit) {
        return render(new MarkdownFormat(limit), top, threshold);
    }

    private String render(DiffFormat printer, int top, BigDecimal threshold) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            printer.print(diff, top, threshold == null ? null : Verdict.of(diff.total(), threshold), out);
        }
        return text.toString();
    }

    /**
     * A percentage as the command line reads it, e.g. {@code 5}, {@code 2.5} or {@code 5%}.
     *
     * @throws IllegalArgumentException when it is not one, with a message saying so
     */
    public static BigDecimal percent(String value) {
        try {
            return new CostDiff.PercentConverter().convert(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Text from a report made inert in Markdown (one line, HTML and Markdown punctuation escaped), for a table cell. */
    public static String markdownText(String text) {
        return MarkdownFormat.escape(text);
    }
}
