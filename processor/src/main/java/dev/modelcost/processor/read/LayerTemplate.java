package dev.modelcost.processor.read;

import dev.modelcost.LayerKind;
import dev.modelcost.processor.model.BudgetDecl;
import javax.lang.model.element.VariableElement;

/**
 * One layer field as written, before its values are resolved: in a network its values are fixed, in a block
 * they may be expressions of the block's parameters, resolved each time the block is used.
 *
 * @param name the field's name
 * @param field the field
 * @param kind what it computes; null for a {@code @Stage}
 * @param annotation the layer annotation's qualified name
 * @param values the layer annotation's values
 * @param grouped {@code @Grouped}'s values, or null
 * @param from {@code @From}'s values, or null
 * @param when {@code @When}'s values, or null
 * @param budget its {@code @Budget}, or null
 */
public record LayerTemplate(String name, VariableElement field, LayerKind kind, String annotation,
        AnnotationValues values, AnnotationValues grouped, AnnotationValues from, AnnotationValues when,
        BudgetDecl budget) {

    /** Whether the field uses a block rather than declaring one layer. */
    public boolean isStage() {
        return annotation.equals(AnnotationNames.STAGE);
    }

    /** The annotation's simple name, as written after {@code @}. */
    public String simpleName() {
        return AnnotationNames.simpleName(annotation);
    }
}
