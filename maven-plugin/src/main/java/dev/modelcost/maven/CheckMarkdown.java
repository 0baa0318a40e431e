package dev.modelcost.maven;

import static dev.modelcost.Reports.grouped;
import static dev.modelcost.cli.diff.ReportComparison.markdownText;

import dev.modelcost.cli.diff.ReportComparison;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The check as one pull-request comment in GitHub-flavoured Markdown: a heading with the decision, a table of
 * every network and figure compared, the networks without a baseline, then the diff's own comment for each
 * comparison that changed, those that failed first. The whole stays within GitHub's limit: a diff that does not
 * fit is left out with a line saying so (the JSON has them all).
 */
final class CheckMarkdown {
    /** The most characters of the summary table; the rest of the limit is for the diffs. */
    static final int TABLE_LIMIT = ReportComparison.COMMENT_LIMIT / 4;
    /** Room kept for the closing lines. */
    static final int RESERVE = 1_000;
    /** Below this many characters left, a diff is not started. */
    static final int SMALLEST_DIFF = 2_000;

    private CheckMarkdown() {
    }

    static String of(List<Outcome> outcomes, List<Path> withoutBaseline, int top) {
        StringBuilder text = new StringBuilder();
        long failed = outcomes.stream().filter(Outcome::failed).count();
        text.append("## modelcost check: ");
        if (outcomes.isEmpty()) {
            text.append("nothing compared\n");
        } else if (failed == 0) {
            text.append(outcomes.size() == 1 ? "the comparison is" : "all " + outcomes.size() + " comparisons are")
                    .append(" within the threshold\n");
        } else {
            text.append(failed).append(" of ").append(outcomes.size()).append(" comparison")
                    .append(outcomes.size() == 1 ? "" : "s").append(" grew beyond the threshold\n");
        }
        if (!outcomes.isEmpty()) {
            summary(text, outcomes);
        }
        if (!withoutBaseline.isEmpty()) {
            text.append("\n_No baseline for ").append(withoutBaseline.size()).append(" report")
                    .append(withoutBaseline.size() == 1 ? "" : "s").append(": ")
                    .append(names(withoutBaseline, true)).append("._\n");
        }
        List<Outcome> changed = new ArrayList<>(outcomes.stream().filter(Outcome::changed).toList());
        changed.sort(Comparator.comparing((Outcome outcome) -> !outcome.failed())); // stable: failures first
        int omitted = 0;
        for (Outcome outcome : changed) {
            int room = ReportComparison.COMMENT_LIMIT - RESERVE - text.length() - 1;
            String diff = room < SMALLEST_DIFF ? null
                    : outcome.comparison().markdown(top, outcome.threshold(), room);
            if (diff == null || diff.length() > room) {
                omitted++;
            } else {
                text.append('\n').append(diff);
            }
        }
        if (omitted > 0) {
            text.append("\n_").append(omitted).append(" more diff").append(omitted == 1 ? "" : "s")
                    .append(" left out, to keep this comment within GitHub's limit of ")
                    .append(grouped(ReportComparison.COMMENT_LIMIT)).append(" characters; the JSON lists them._\n");
        }
        return text.toString();
    }

    private static void summary(StringBuilder text, List<Outcome> outcomes) {
        text.append("\n| network | figure | baseline | now | change | % | threshold | |\n")
                .append("|:---|:---|---:|---:|---:|---:|---:|:---|\n");
        int written = 0;
        for (Outcome outcome : outcomes) {
            ReportComparison comparison = outcome.comparison();
            long delta = comparison.after() - comparison.before();
            String sign = delta > 0 ? "+" : "";
            BigDecimal growth = comparison.growth();
            String row = "| " + markdownText(comparison.network()) + " | `" + markdownText(comparison.metric()) + "` | "
                    + grouped(comparison.before()) + " | " + grouped(comparison.after()) + " | " + sign + grouped(delta)
                    + " | " + (growth == null ? "" : sign + growth.toPlainString() + "%") + " | "
                    + outcome.threshold().toPlainString() + "% | " + (outcome.failed() ? "**FAIL**" : "ok") + " |\n";
            if (text.length() + row.length() > TABLE_LIMIT) {
                break;
            }
            text.append(row);
            written++;
        }
        if (written < outcomes.size()) {
            text.append("\n_").append(outcomes.size() - written)
                    .append(" more rows left out, to keep this comment within GitHub's limit; the JSON lists them._\n");
        }
    }

    /** The reports' file names, comma-separated, the first 20. */
    static String names(List<Path> reports) {
        return names(reports, false);
    }

    /** The reports' file names, comma-separated, the first 20; each made inert in Markdown if asked. */
    private static String names(List<Path> reports, boolean markdown) {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < reports.size(); i++) {
            if (i == 20) {
                return names.append(", ... (").append(reports.size()).append(" in all)").toString();
            }
            String name = reports.get(i).getFileName().toString();
            names.append(i == 0 ? "" : ", ").append(markdown ? markdownText(name) : name);
        }
        return names.toString();
    }
}
