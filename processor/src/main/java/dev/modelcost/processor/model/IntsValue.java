package dev.modelcost.processor.model;

import dev.modelcost.processor.diag.Position;
import java.util.Arrays;
import java.util.List;
import javax.lang.model.element.AnnotationValue;

/**
 * An {@code int[]} attribute as written: one value for every spatial dimension, or one value each.
 *
 * @param label what it is, for messages, e.g. {@code "kernel of layer 'stem'"}
 * @param values the values as written
 * @param position the value's source position
 */
public record IntsValue(String label, int[] values, Position position) {

    public IntsValue {
        values = values.clone();
    }

    /** The values as written; a copy. */
    @Override
    public int[] values() {
        return values.clone();
    }

    /** Whether it can apply to an input of this many spatial dimensions. */
    public boolean fits(int rank) {
        return values.length == 1 || values.length == rank;
    }

    /** One value per dimension; requires {@link #fits(int)}. */
    public int[] forRank(int rank) {
        if (values.length == rank) {
            return values.clone();
        }
        int[] expanded = new int[rank];
        Arrays.fill(expanded, values[0]);
        return expanded;
    }

    /**
     * Where the value for spatial dimension {@code i} (from 0) is: the element itself when one value per
     * dimension was written, else the whole value.
     */
    public Position position(int i) {
        if (values.length > 1 && position.value() != null
                && position.value().getValue() instanceof List<?> items && items.size() == values.length
                && items.get(i) instanceof AnnotationValue item) {
            return new Position(position.element(), position.annotation(), item);
        }
        return position;
    }

    /** Whether every value is this one (as the default is). */
    public boolean isAll(int value) {
        return Arrays.stream(values).allMatch(v -> v == value);
    }
}
