package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Position;

/** An annotation value the processor cannot read as data: where it is, and which annotation and attribute. */
public abstract sealed class UnreadableValueException extends RuntimeException
        permits UnresolvedValueException, MalformedAnnotationException {
    private static final long serialVersionUID = 1L;

    private final transient Position position;
    private final String annotation;
    private final String attribute;

    UnreadableValueException(String message, Position position, String annotation, String attribute) {
        super(message);
        this.position = position;
        this.annotation = annotation;
        this.attribute = attribute;
    }

    /** Where the value is, or the annotation when the value is missing. */
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
}
