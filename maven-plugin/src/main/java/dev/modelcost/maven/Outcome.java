package dev.modelcost.maven;

import static dev.modelcost.Reports.grouped;

import dev.modelcost.cli.Text;
import dev.modelcost.cli.diff.ReportComparison;
import java.math.BigDecimal;
import java.nio.file.Path;

/**
 * One figure of one network compared with its baseline, and the gate's decision.
 *
 * @param report the current report
 * @param baseline the baseline report it was compared with
 * @param comparison what the diff found
 * @param threshold the growth allowed, in percent
 */
record Outcome(Path report, Path baseline, ReportComparison comparison, BigDecimal threshold) {

    /** Whether the figure grew by more than the threshold. */
    boolean failed() {
        return comparison.grewBeyond(threshold);
    }

    /** Whether the total or any layer's figure differs from the baseline. */
    boolean changed() {
        return comparison.before() != comparison.after() || comparison.layersChanged() > 0;
    }

    /**
     * What grew, by how much, from what to what, against which threshold and baseline, e.g. {@code ResNet-50
     * (dev.modelcost.sample.ResNet50.json): macs grew by 19.8%, from 4,089,184,256 in the baseline to
     * 4,900,028,416, more than the threshold of 10% (baseline src/test/baseline/...)}.
     */
    String failure() {
        BigDecimal growth = comparison.growth();
        return Text.oneLine(comparison.network(), 200) + " (" + report.getFileName() + "): " + comparison.metric() + " grew "
                + (growth == null ? "from 0" : "by " + growth.toPlainString() + "%, from " + grouped(comparison.before())
                        + " in the baseline")
                + " to " + grouped(comparison.after()) + ", more than the threshold of " + threshold.toPlainString()
                + "% (baseline " + baseline + ")";
    }

    /** One line for the log when nothing changed. */
    String unchanged() {
        return Text.oneLine(comparison.network(), 200) + ": " + comparison.metric() + " " + grouped(comparison.after())
                + ", as in the baseline";
    }
}
