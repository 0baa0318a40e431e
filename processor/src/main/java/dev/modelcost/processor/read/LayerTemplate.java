package dev.modelcost.processor.read;

import dev.modelcost.processor.kinds.LayerRule;
import dev.modelcost.processor.model.BudgetDecl;
import javax.lang.model.element.VariableElement;

/**
 * One layer field as written, before its values are resolved: in a network its values are fixed, in a block
 * they may be expressions of the block's parameters, resolved each time the block is used.
 *
 * @param name the field's name
 * @param field the field
 * @param declares one layer of a kind, or a use of a block
 * @param annotation the layer annotation's qualified name
 * @param values the layer annotation's values
 * @param grouped {@code @Grouped}'s values, or null
 * @param from {@code @From}'s values, or null
 * @param when {@code @When}'s values, or null
 */
public record LayerTemplate(String name, VariableElement field, Declares declares, String annotation,
        AnnotationValues values, AnnotationValues grouped, AnnotationValues from, AnnotationValues when) {

    /** What a field declares: one layer of a kind, or a use of a block. */
    public sealed interface Declares {
    }

    /**
     * One layer.
     *
     * @param rule its kind's rule
     * @param budget its own {@code @Budget}, or null
     */
    public record OneLayer(LayerRule<?> rule, BudgetDecl budget) implements Declares {
    }

    /** A {@code @Stage}: its block's layers, once per repetition. */
    public record BlockUse() implements Declares {
    }

    /** Whether the field uses a block rather than declaring one layer. */
    public boolean isStage() {
        return declares instanceof BlockUse;
    }

    /** Whether it takes the layers it names as inputs ({@code @Add}, {@code @Multiply}, {@code @Concat}). */
    public boolean takesNamedInputs() {
        return declares instanceof OneLayer layer && layer.rule().takesNamedInputs();
    }

    /** The annotation's simple name, as written after {@code @}. */
    public String simpleName() {
        return AnnotationNames.simpleName(annotation);
    }
}
