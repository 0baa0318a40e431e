package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Position;

/**
 * An annotation that lacks an attribute the processor reads, or holds a value of another type than the
 * processor expects, although javac resolved it: the annotations on the class path are not the version the
 * processor was built with.
 */
public final class MalformedAnnotationException extends UnreadableValueException {
    private static final long serialVersionUID = 1L;

    private final String expected;

    MalformedAnnotationException(Position position, String annotation, String attribute, String expected) {
        super("@" + annotation + " has no " + expected + " attribute " + attribute, position, annotation, attribute);
        this.expected = expected;
    }

    /** What the processor expected the attribute to hold, e.g. {@code "int"}, or {@code "such"} when it is absent. */
    public String expected() {
        return expected;
    }
}
