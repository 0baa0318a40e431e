package dev.modelcost.cli.diff;

import static dev.modelcost.Reports.grouped;

import dev.modelcost.cli.Text;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;

/**
 * The comparison as GitHub-flavoured Markdown for a pull-request comment: a heading, a warning when the reports
 * may be of two networks, the totals, the stages that changed, "n of m layers changed" with the largest changes, every change folded in
 * {@code <details>} when there are more than the largest shown, and the gate's decision. The whole stays within
 * {@link #LIMIT} characters, or a smaller limit when it is one part of a longer comment: rows that do not fit are
 * left out, with a line saying how many.
 */
final class MarkdownFormat implements DiffFormat {
    /** GitHub's limit on a comment's length, in characters. */
    static final int LIMIT = 65_536;
    /** Room kept for what follows the tables: the lines saying what was left out, the gate's decision. */
    static final int RESERVE = 1_000;
    private static final int NAME_LENGTH = 200;
    private static final String HEADER = "| before | after | change | % |\n|:---|---:|---:|---:|---:|\n";

    /** The most characters written: {@link #LIMIT} for a comment of its own, less as a part of a longer one. */
    private final int limit;

    MarkdownFormat() {
        this(LIMIT);
    }

    /** @param limit the most characters to write, {@link #RESERVE} of them kept for the lines after the tables */
    MarkdownFormat(int limit) {
        this.limit = limit;
    }

    @Override
    public void print(Diff diff, int top, Verdict verdict, PrintWriter out) {
        StringBuilder text = new StringBuilder();
        text.append("### modelcost diff of ").append(escape(diff.networkAfter())).append(": `")
                .append(escape(diff.metric())).append("`\n\n");
        if (diff.warning() != null) {
            text.append("> [!WARNING]\n> ").append(escape(diff.warning())).append("\n\n");
        }
        text.append("| total ").append(HEADER);
        for (Change total : diff.totals()) {
            String name = total.name().equals(diff.metric()) ? "**" + escape(total.name()) + "**" : escape(total.name());
            text.append(row(name, total));
        }
        text.append('\n');
        if (!diff.stageChanges().isEmpty()) {
            text.append("**").append(diff.stagesChanged()).append("**, in network order:\n\n| stage ").append(HEADER);
            for (Change stage : diff.stageChanges()) {
                text.append(row(escape(stage.name()), stage));
            }
            text.append('\n');
        }
        List<Change> changes = diff.changes();
        if (changes.isEmpty()) {
            text.append(escape(diff.noLayerMessage())).append(".\n");
        } else {
            int shown = Math.min(top, changes.size());
            text.append("**").append(diff.layersChanged()).append("**");
            if (shown == 0) {
                text.append(".\n");
            } else {
                text.append(shown < changes.size() ? "; the " + shown + " largest:" : ", largest first:")
                        .append("\n\n");
                table(text, changes.subList(0, shown), "largest changes");
            }
            if (shown < changes.size()) {
                text.append("\n<details>\n<summary>All ").append(grouped(changes.size())).append(" changed layer")
                        .append(changes.size() == 1 ? "" : "s").append(", largest first</summary>\n\n");
                table(text, changes, "changed layers");
                text.append("\n</details>\n");
            }
        }
        if (verdict != null && verdict.failed()) {
            text.append("\n**").append(escape(verdict.failure(diff.metric()))).append("**\n");
        }
        out.print(text);
    }

    /** A table of the changes, as many rows as fit in the limit, and a line saying how many did not. */
    private void table(StringBuilder text, List<Change> changes, String what) {
        text.append("| layer ").append(HEADER);
        int written = 0;
        for (Change change : changes) {
            String row = row(escape(change.name()), change);
            if (text.length() + row.length() + RESERVE > limit) {
                break;
            }
            text.append(row);
            written++;
        }
        int left = changes.size() - written;
        if (left > 0) {
            text.append("\n_").append(grouped(left)).append(" more ").append(what)
                    .append(" left out, to keep this comment within GitHub's limit of ").append(grouped(LIMIT))
                    .append(" characters; the JSON output (`--format json`) lists them all._\n");
        }
    }

    private static String row(String name, Change change) {
        long delta = change.delta();
        BigDecimal percent = change.percent();
        String sign = delta > 0 ? "+" : "";
        return "| " + name + " | " + value(change.before(), "added") + " | " + value(change.after(), "removed")
                + " | " + sign + grouped(delta) + " | " + (percent == null ? "" : sign + percent.toPlainString() + "%")
                + " |\n";
    }

    /** The value, or what its absence means: the layer was added (no value before) or removed (none after). */
    private static String value(Long value, String absent) {
        return value == null ? "_" + absent + "_" : grouped(value);
    }

    /**
     * Text from a report made inert in Markdown: on one line, cut to {@value #NAME_LENGTH} characters, HTML's
     * special characters as entities and Markdown's punctuation escaped, so a name cannot end a table cell,
     * start a link or emphasis, or bring in HTML.
     */
    static String escape(String text) {
        String line = Text.oneLine(text, NAME_LENGTH);
        StringBuilder escaped = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '!', '(', ')', '{', '}' ->
                        escaped.append('\\').append(c);
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
