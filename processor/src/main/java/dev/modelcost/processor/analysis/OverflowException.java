package dev.modelcost.processor.analysis;

/** A figure that does not fit its type; says which figure, for the message. */
final class OverflowException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String limit;

    OverflowException(String figure, String limit) {
        super(figure, null, false, false);
        this.limit = limit;
    }

    /** What was being computed, e.g. {@code "MACs of layer 'stem'"}. */
    String figure() {
        return getMessage();
    }

    /** The bound exceeded, in words. */
    String limit() {
        return limit;
    }
}
