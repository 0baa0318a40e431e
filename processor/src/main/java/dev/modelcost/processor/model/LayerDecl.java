package dev.modelcost.processor.model;

import dev.modelcost.LayerKind;
import dev.modelcost.processor.diag.Position;
import javax.lang.model.element.VariableElement;

/**
 * One layer as declared: a field and its annotations.
 *
 * @param name the field's name
 * @param field the field
 * @param kind what it computes
 * @param annotation where its layer annotation is
 * @param spec its settings
 * @param budget its own {@code @Budget}, or null
 */
public record LayerDecl(String name, VariableElement field, LayerKind kind, Position annotation, LayerSpec spec,
        BudgetDecl budget) {
}
