package dev.modelcost.processor.model;

import dev.modelcost.processor.diag.Position;
import java.util.List;

/**
 * A {@code @Budget}: the limits that were written (an attribute left out sets none).
 *
 * @param limits the limits, in attribute order
 * @param position where the annotation is
 */
public record BudgetDecl(List<Limit> limits, Position position) {

    public BudgetDecl {
        limits = List.copyOf(limits);
    }

    /**
     * One limit.
     *
     * @param metric the figure limited
     * @param value the largest value allowed
     * @param position where the limit is written
     */
    public record Limit(Metric metric, long value, Position position) {
    }
}
