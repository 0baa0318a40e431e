package dev.modelcost.processor.expand;

/** An expression that cannot be parsed or evaluated; the message says why, for a diagnostic. */
public final class ExpressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ExpressionException(String message) {
        super(message, null, false, false);
    }
}
