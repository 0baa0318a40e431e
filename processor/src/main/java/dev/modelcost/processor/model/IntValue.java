package dev.modelcost.processor.model;

import dev.modelcost.processor.diag.Position;

/**
 * An {@code int} attribute as written, with where to report a problem with it.
 *
 * @param label what it is, for messages, e.g. {@code "out of layer 'stem'"}
 * @param value the value
 * @param position the value's source position
 */
public record IntValue(String label, int value, Position position) {
}
