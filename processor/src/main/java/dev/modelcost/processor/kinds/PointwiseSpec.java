package dev.modelcost.processor.kinds;

import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerSpec;

/**
 * A layer applied element by element without parameters: an activation, another element-wise operation,
 * dropout.
 *
 * @param flopsPerElement operations per element, counted in FLOPs
 * @param settings the settings in short form, e.g. {@code "relu"}
 */
public record PointwiseSpec(IntValue flopsPerElement, String settings) implements LayerSpec {
}
