package dev.modelcost.maven;

import dev.modelcost.cli.diff.Format;
import dev.modelcost.cli.diff.ReportComparison;
import dev.modelcost.cli.report.BadReportException;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Fails the build when a network's cost grew beyond a threshold against a baseline report: compares each of
 * the build's modelcost reports with the baseline of its name, on each figure asked for, with the same code as
 * {@code modelcost diff}; logs the comparison as text and writes it as Markdown (a pull-request comment within
 * GitHub's limit) and as JSON. A baseline is a copy of a report, kept in the repository.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {
    /** The build's reports: the processor's folder of them, or one report file. */
    @Parameter(property = "modelcost.reports", defaultValue = "${project.build.outputDirectory}/META-INF/modelcost")
    File reports;

    /** The baseline: a folder of reports matched by file name (the network's class name), or one report file. */
    @Parameter(property = "modelcost.baseline", defaultValue = "${project.basedir}/modelcost-baseline")
    File baseline;

    /** The figures compared, totals of the report: macs, flops, params, activations, bytesMoved, ... */
    @Parameter(property = "modelcost.metrics", defaultValue = "macs")
    List<String> metrics;

    /** The growth allowed in percent for every figure without a threshold of its own, e.g. 5 or 2.5. */
    @Parameter(property = "modelcost.threshold", defaultValue = "0")
    String threshold;

    /** Thresholds of their own by figure, e.g. {@code <params>0</params>}; a figure named here is compared too. */
    @Parameter
    Map<String, String> thresholds;

    /** Whether a growth beyond the threshold fails the build; if not, it is logged as a warning. */
    @Parameter(property = "modelcost.failOnGrowth", defaultValue = "true")
    boolean failOnGrowth;

    /**
     * Whether a missing baseline fails the build. If not, no baseline at all is a warning saying how to create
     * one, and reports without one in the baseline folder are listed at info level: they are not gated.
     */
    @Parameter(property = "modelcost.failOnMissingBaseline", defaultValue = "false")
    boolean failOnMissingBaseline;

    /** How many of the largest layer changes each diff shows first. */
    @Parameter(property = "modelcost.top", defaultValue = "10")
    int top;

    /** Where the Markdown comment is written. */
    @Parameter(property = "modelcost.markdownFile", defaultValue = "${project.build.directory}/modelcost/diff.md")
    File markdownFile;

    /** Where the JSON is written. */
    @Parameter(property = "modelcost.jsonFile", defaultValue = "${project.build.directory}/modelcost/diff.json")
    File jsonFile;

    /** Skips the check. */
    @Parameter(property = "modelcost.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("modelcost: check skipped");
            return;
        }
        if (top < 0) {
            throw new MojoExecutionException("modelcost: top is " + top + "; give a count of 0 or more");
        }
        Thresholds limits = Thresholds.of(metrics, threshold, thresholds);
        Path reportPath = reports.toPath();
        Path baselinePath = baseline.toPath();
        if (!Files.exists(baselinePath)) {
            missing("no baseline at " + baselinePath + "; to create one, copy the reports: mkdir -p " + baselinePath
                    + " && cp " + reportPath + (Files.isDirectory(reportPath) ? File.separator + "*.json " : " ")
                    + baselinePath);
            write(List.of(), new Pairing(List.of(), List.of(), List.of()));
            return;
        }
        Pairing pairing;
        try {
            pairing = Pairing.of(reportPath, baselinePath);
        } catch (IOException e) {
            throw new MojoExecutionException("modelcost: cannot list the reports: " + e, e);
        }
        if (pairing.pairs().isEmpty() && pairing.withoutBaseline().isEmpty()) {
            getLog().warn("modelcost: no report at " + reportPath + ": does this module compile networks with the"
                    + " processor?");
        }
        if (!pairing.withoutReport().isEmpty()) {
            getLog().warn("modelcost: " + pairing.withoutReport().size() + " baseline(s) with no current report"
                    + " (a network removed or renamed?): " + CheckMarkdown.names(pairing.withoutReport()));
        }
        List<Outcome> outcomes = compare(pairing, limits);
        log(outcomes);
        write(outcomes, pairing);
        if (!pairing.withoutBaseline().isEmpty()) {
            // A baseline folder that holds some networks gates those: the others are said, not warned about.
            String problem = "no baseline for " + pairing.withoutBaseline().size() + " report(s), not gated: "
                    + CheckMarkdown.names(pairing.withoutBaseline()) + "; to gate a network, copy its report from "
                    + reportPath + " to " + baselinePath;
            if (failOnMissingBaseline) {
                throw new MojoFailureException("modelcost: " + problem);
            }
            getLog().info("modelcost: " + problem);
        }
        List<String> failures = outcomes.stream().filter(Outcome::failed).map(Outcome::failure).toList();
        if (failures.isEmpty()) {
            return;
        }
        String message = "modelcost: " + failures.size() + " figure(s) grew beyond the threshold against the"
                + " baseline:\n  " + String.join("\n  ", failures) + "\nThe comparison is in " + markdownFile
                + ". If the growth is intended, copy the new report over its baseline.";
        if (failOnGrowth) {
            throw new MojoFailureException(message);
        }
        getLog().warn(message + " (failOnGrowth is false: the build goes on)");
    }

    private List<Outcome> compare(Pairing pairing, Thresholds limits) throws MojoExecutionException {
        List<Outcome> outcomes = new ArrayList<>();
        for (Pairing.Pair pair : pairing.pairs()) {
            for (Map.Entry<String, BigDecimal> limit : limits.byMetric().entrySet()) {
                try {
                    outcomes.add(new Outcome(pair.report(), pair.baseline(),
                            ReportComparison.of(pair.baseline(), pair.report(), limit.getKey()), limit.getValue()));
                } catch (BadReportException e) {
                    throw new MojoExecutionException("modelcost: " + e.getMessage(), e);
                }
            }
        }
        return outcomes;
    }

    /** The text summary: one line per unchanged figure, the diff's text for one that changed. */
    private void log(List<Outcome> outcomes) {
        for (Outcome outcome : outcomes) {
            if (!outcome.changed()) {
                getLog().info("modelcost: " + outcome.unchanged());
                continue;
            }
            String text = outcome.comparison().render(Format.TEXT, top, outcome.threshold());
            for (String line : text.split("\\R")) {
                if (outcome.failed()) {
                    getLog().warn(line);
                } else {
                    getLog().info(line);
                }
            }
        }
    }

    private void write(List<Outcome> outcomes, Pairing pairing) throws MojoExecutionException {
        try {
            write(markdownFile, CheckMarkdown.of(outcomes, pairing.withoutBaseline(), top));
            write(jsonFile, CheckJson.of(outcomes, pairing, top));
        } catch (IOException e) {
            throw new MojoExecutionException("modelcost: cannot write the comparison: " + e, e);
        }
        getLog().info("modelcost: comparison written to " + markdownFile + " and " + jsonFile);
    }

    private static void write(File file, String text) throws IOException {
        Path path = file.toPath();
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        Files.writeString(path, text, StandardCharsets.UTF_8);
    }

    private void missing(String problem) throws MojoFailureException {
        if (failOnMissingBaseline) {
            throw new MojoFailureException("modelcost: " + problem);
        }
        getLog().warn("modelcost: " + problem + " (failOnMissingBaseline is false: the build goes on)");
    }
}
