package dev.modelcost.cli.diff;

/** The output formats of {@code diff --format}. */
public enum Format {
    /** Aligned columns for a terminal or a CI log. */
    TEXT(new TextFormat()),
    /** GitHub-flavoured Markdown for a pull-request comment, within GitHub's comment limit. */
    MARKDOWN(new MarkdownFormat()),
    /** JSON for scripts, every change listed. */
    JSON(new JsonFormat());

    private final DiffFormat printer;

    Format(DiffFormat printer) {
        this.printer = printer;
    }

    DiffFormat printer() {
        return printer;
    }
}
