package dev.modelcost.processor.analysis;

/** A figure that does not fit its type; says which figure, and from what, for the message. */
public final class OverflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String terms;
    private final String limit;

    OverflowException(String figure, String terms, String limit) {
        super(figure, null, false, false);
        this.terms = terms;
        this.limit = limit;
    }

    /** What was being computed, e.g. {@code "MACs of layer 'stem'"}. */
    public String figure() {
        return getMessage();
    }

    /** The numbers it was computed from, e.g. {@code "64 x 50,176 x 3 x 9"}, or the value itself. */
    public String terms() {
        return terms;
    }

    /** The bound exceeded, in words. */
    public String limit() {
        return limit;
    }
}
