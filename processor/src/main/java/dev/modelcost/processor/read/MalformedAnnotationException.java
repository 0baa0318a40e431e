package dev.modelcost.processor.read;

/**
 * An annotation value that is not of its declared type, which happens only when javac has already reported
 * an error in the source (an unresolved constant, say). The network is then skipped without a report of ours.
 */
public final class MalformedAnnotationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedAnnotationException(String attribute) {
        super("malformed value of " + attribute);
    }
}
