package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.BudgetDecl;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.Target;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A network as declared: its class, its input and its layer fields in declaration order.
 *
 * @param type the annotated class
 * @param displayName the name for reports
 * @param packageName the class's package, where the cost class goes
 * @param costClassName the simple name of the cost class
 * @param costClassPosition where {@code costClass} is written, else where {@code @Network} is
 * @param annotation where {@code @Network} is
 * @param channels input channels
 * @param size input spatial sizes
 * @param layers the layer fields, in declaration order
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
        List<LayerTemplate> layers,
        BudgetDecl budget,
        Target target) {

    public NetworkDecl {
        layers = List.copyOf(layers);
    }
}
