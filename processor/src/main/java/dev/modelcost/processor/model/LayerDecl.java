package dev.modelcost.processor.model;

import dev.modelcost.LayerKind;
import dev.modelcost.processor.diag.Position;
import javax.lang.model.element.VariableElement;

/**
 * One layer with its values resolved: a field of the network, or a field of a block in one use of that block.
 *
 * @param name its full name: the field's name, prefixed by the stage and repetition for a block's layer
 *     ({@code layer2.0.conv1})
 * @param field the field that declares it
 * @param kind what it computes
 * @param annotation where to report a problem of the layer as a whole
 * @param spec its settings
 * @param budget its own {@code @Budget}, or null
 */
public record LayerDecl(String name, VariableElement field, LayerKind kind, Position annotation, LayerSpec spec,
        BudgetDecl budget) {
}
