package dev.modelcost.maven;

import dev.modelcost.cli.diff.ReportComparison;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The figures compared and the growth each may have, in percent: one threshold for all, or one of a figure's
 * own. A figure given a threshold of its own is compared even when it is not in the list of figures.
 */
final class Thresholds {
    private final Map<String, BigDecimal> byMetric;

    private Thresholds(Map<String, BigDecimal> byMetric) {
        this.byMetric = byMetric;
    }

    /**
     * @param metrics the figures to compare, in order
     * @param all the threshold of every figure without one of its own, e.g. {@code 5} or {@code 2.5%}
     * @param own thresholds by figure; may be null
     */
    static Thresholds of(List<String> metrics, String all, Map<String, String> own) throws MojoExecutionException {
        Map<String, BigDecimal> byMetric = new LinkedHashMap<>();
        BigDecimal common = percent("threshold", all);
        for (String metric : metrics == null ? List.<String>of() : metrics) {
            if (!metric.isBlank()) {
                byMetric.put(metric.strip(), common);
            }
        }
        // Sorted, so that the figures named only here come in one order whatever the map Maven built.
        for (Map.Entry<String, String> entry : new TreeMap<>(own == null ? Map.of() : own).entrySet()) {
            byMetric.put(entry.getKey().strip(), percent("thresholds." + entry.getKey(), entry.getValue()));
        }
        if (byMetric.isEmpty()) {
            throw new MojoExecutionException("modelcost: no figure to compare: set metrics, e.g. macs,params");
        }
        return new Thresholds(byMetric);
    }

    /** The figures compared with their thresholds, in order. */
    Map<String, BigDecimal> byMetric() {
        return byMetric;
    }

    private static BigDecimal percent(String parameter, String value) throws MojoExecutionException {
        if (value == null) {
            throw new MojoExecutionException("modelcost: " + parameter + " is empty; give a percentage such as 5");
        }
        try {
            return ReportComparison.percent(value);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("modelcost: " + parameter + ": " + e.getMessage(), e);
        }
    }
}
