package dev.modelcost.processor.kinds;

import dev.modelcost.processor.model.LayerSpec;

/**
 * Batch normalization.
 *
 * @param folded whether it is merged into the preceding layer for inference
 */
public record NormSpec(boolean folded) implements LayerSpec {
}
