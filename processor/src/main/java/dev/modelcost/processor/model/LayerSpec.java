package dev.modelcost.processor.model;

/** The settings of one layer kind, as written. */
public sealed interface LayerSpec permits ConvSpec, DenseSpec {
}
