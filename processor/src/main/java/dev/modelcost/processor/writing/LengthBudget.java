package dev.modelcost.processor.writing;

/**
 * What is left of a text's length limit as it is written: GitHub refuses a comment of more than 65,536
 * characters, so the Markdown report keeps within that, less a margin for what a CI job writes around it.
 */
final class LengthBudget {
    /** GitHub's limit on a comment (and an issue's or pull request's body), in characters. */
    static final int GITHUB_COMMENT = 65_536;
    /** Room left under the limit for a heading or a link that a workflow adds to the posted report. */
    static final int MARGIN = 1_536;

    private final int limit;

    /** A budget of {@code limit} characters. */
    LengthBudget(int limit) {
        this.limit = limit;
    }

    /** The budget of a report meant to be posted as a GitHub comment. */
    static LengthBudget githubComment() {
        return new LengthBudget(GITHUB_COMMENT - MARGIN);
    }

    /** Whether what is {@code written} fits, keeping {@code reserve} for what follows. */
    boolean fits(StringBuilder written, int reserve) {
        return (long) written.length() + reserve <= limit;
    }

    int limit() {
        return limit;
    }
}
