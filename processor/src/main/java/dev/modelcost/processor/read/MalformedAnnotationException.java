package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Position;

/**
 * An annotation that lacks an attribute the processor reads, or holds a value of another type than the
 * processor expects, although javac resolved it: the annotations on the class path are not the version the
 * processor was built with.
 */
public final class MalformedAnnotationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Position position;
    private final String annotation;
    private final String attribute;
    private final String expected;

    MalformedAnnotationException(Position position, String annotation, String attribute, String expected) {
        super("@" + annotation + " has no " + expected + " attribute " + attribute);
        this.position = position;
        this.annotation = annotation;
        this.attribute = attribute;
        this.expected = expected;
    }

    /** Where the annotation is. */
    public Position position() {
        return position;
    }

    /** The simple name of the annotation's type. */
    public String annotation() {
        return annotation;
    }

    /** The attribute the processor could not read. */
    public String attribute() {
        return attribute;
    }

    /** What the processor expected the attribute to hold, e.g. {@code "int"}. */
    public String expected() {
        return expected;
    }
}
