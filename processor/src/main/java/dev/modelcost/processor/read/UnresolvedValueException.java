package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Position;

/**
 * An annotation value javac has not resolved (yet): it names a class or constant that does not exist in this
 * round, such as another network's cost class or a class another processor has still to generate. javac hands
 * such a value over as the text {@code <error>}, which must never be read as data; the element is processed
 * again in the next round, when the value may have been generated.
 */
public final class UnresolvedValueException extends UnreadableValueException {
    private static final long serialVersionUID = 1L;

    UnresolvedValueException(Position position, String annotation, String attribute) {
        super("unresolved value of @" + annotation + "(" + attribute + ")", position, annotation, attribute);
    }
}
