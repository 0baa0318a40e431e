package dev.modelcost.processor.read;

import dev.modelcost.processor.model.NetworkDecl;
import java.util.List;

/**
 * A network as written: its declaration and its layer fields in declaration order, before their values are
 * resolved.
 *
 * @param declaration what its class declares
 * @param layers the layer fields, in declaration order
 */
public record NetworkTemplate(NetworkDecl declaration, List<LayerTemplate> layers) {

    public NetworkTemplate {
        layers = List.copyOf(layers);
    }
}
