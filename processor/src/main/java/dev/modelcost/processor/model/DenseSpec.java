package dev.modelcost.processor.model;

/**
 * The settings of a fully connected layer, as written.
 *
 * @param out output features
 * @param bias whether it has a bias
 */
public record DenseSpec(IntValue out, boolean bias) implements LayerSpec {
}
