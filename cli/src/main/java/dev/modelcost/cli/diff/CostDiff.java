package dev.modelcost.cli.diff;

import dev.modelcost.Reports;
import dev.modelcost.cli.ExitCodes;
import dev.modelcost.cli.report.BadReportException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Compares two modelcost JSON reports of a network, before and after a change, and prints what changed per
 * layer and in total for one figure, as text, Markdown for a pull request, or JSON ({@link ReportComparison}
 * does the work, for the Maven plugin too). Exits 1 when that figure's total grew by more than a threshold, so
 * that CI can gate a pull request; 2 when an argument or a report is wrong, and so never 1 for a file it cannot
 * read.
 */
@Command(name = "diff",
        description = "Compares one figure of two modelcost JSON reports, per layer and in total.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the total is within the threshold, or no threshold is given",
            "1:the total grew by more than the threshold",
            "2:a wrong argument, or a file that is not a modelcost report of version " + Reports.SCHEMA_VERSION})
public final class CostDiff implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--metric", paramLabel = "TOTAL", defaultValue = "macs",
            description = "the total to compare: macs, flops, params, activations, paramBytes, peakActivationBytes,"
                    + " memoryBytes, bytesMoved, latencyNanos, ... (default: ${DEFAULT-VALUE})")
    String metric;

    @Option(names = "--threshold", paramLabel = "PERCENT", converter = PercentConverter.class,
            description = "exit 1 when the total grew by more than this, e.g. 5 or 2.5%%")
    BigDecimal threshold;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, markdown (for a pull-request comment, within GitHub's 65,536 characters)"
                    + " or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", converter = CountConverter.class,
            description = "how many of the largest layer changes to show before the rest"
                    + " (default: ${DEFAULT-VALUE}); json lists every change")
    int top;

    @Parameters(index = "0", paramLabel = "BEFORE.json", description = "the report before the change")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER.json", description = "the report after the change")
    Path after;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws BadReportException {
        ReportComparison comparison = ReportComparison.of(before, after, metric);
        PrintWriter out = spec.commandLine().getOut();
        out.print(comparison.render(format, top, threshold));
        out.flush();
        return threshold != null && comparison.grewBeyond(threshold) ? ExitCodes.GREW : ExitCodes.OK;
    }

    /** A count of rows: a whole number from 0 to 1,000,000. */
    static final class CountConverter implements ITypeConverter<Integer> {
        private static final Pattern COUNT = Pattern.compile("\\d{1,7}");

        @Override
        public Integer convert(String value) {
            if (!COUNT.matcher(value).matches() || Integer.parseInt(value) > 1_000_000) {
                throw new TypeConversionException("'" + value + "' is not a count from 0 to 1000000");
            }
            return Integer.parseInt(value);
        }
    }

    /** A percentage such as {@code 5}, {@code 2.5} or {@code 5%}. */
    static final class PercentConverter implements ITypeConverter<BigDecimal> {
        private static final Pattern PERCENT = Pattern.compile("\\d{1,9}(\\.\\d{1,6})?%?");

        @Override
        public BigDecimal convert(String value) {
            if (!PERCENT.matcher(value).matches()) {
                throw new TypeConversionException("'" + value + "' is not a percentage such as 5 or 2.5%");
            }
            return new BigDecimal(value.replace("%", ""));
        }
    }
}
