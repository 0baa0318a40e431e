package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Position;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Block} class as written: its parameters and its layer fields.
 *
 * @param type the class
 * @param params its parameters, in declaration order
 * @param layers its layer fields, in declaration order
 */
public record BlockTemplate(TypeElement type, List<Param> params, List<LayerTemplate> layers) {

    public BlockTemplate {
        params = List.copyOf(params);
        layers = List.copyOf(layers);
    }

    /**
     * One {@code @Param} field.
     *
     * @param name the field's name
     * @param defaultExpression its default, or null when it must be given
     * @param position where its {@code @Param} is
     */
    public record Param(String name, String defaultExpression, Position position) {
    }
}
