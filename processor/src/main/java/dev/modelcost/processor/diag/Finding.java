package dev.modelcost.processor.diag;

/**
 * One thing to report: a catalog entry, where it belongs, and its full message.
 *
 * @param diagnostic the catalog entry
 * @param position where it belongs
 * @param message the message, key first
 */
public record Finding(Diagnostic diagnostic, Position position, String message) {

    /** A finding with the entry's message filled with these arguments. */
    public static Finding of(Diagnostic diagnostic, Position position, Object... arguments) {
        return new Finding(diagnostic, position, diagnostic.format(arguments));
    }
}
