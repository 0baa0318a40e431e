package dev.modelcost.processor.kinds;

import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerSpec;

/**
 * The settings of a fully connected layer, as written.
 *
 * @param out output features
 * @param bias whether it has a bias
 */
public record DenseSpec(IntValue out, boolean bias) implements LayerSpec {
}
