package dev.modelcost.processor.model;

import dev.modelcost.processor.diag.Position;
import javax.lang.model.element.TypeElement;

/**
 * A network as declared on its class: its names, its input, its budget and its target (its layer fields are
 * read beside it, see {@code read.NetworkTemplate}).
 *
 * @param type the annotated class
 * @param displayName the name for reports
 * @param packageName the class's package, where the cost class goes
 * @param costClassName the simple name of the cost class
 * @param costClassPosition where {@code costClass} is written, else where {@code @Network} is
 * @param annotation where {@code @Network} is
 * @param channels input channels
 * @param size input spatial sizes
 * @param budget the network's {@code @Budget}, or null
 * @param target the precision and device its byte and latency figures are for
 */
public record NetworkDecl(
        TypeElement type,
        String displayName,
        String packageName,
        String costClassName,
        Position costClassPosition,
        Position annotation,
        IntValue channels,
        IntsValue size,
        BudgetDecl budget,
        Target target) {
}
