package dev.modelcost.processor.kinds;

import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerSpec;

/**
 * The settings of a multi-head attention layer, as written.
 *
 * @param heads query heads
 * @param kvHeads key/value heads, 0 for as many as the heads
 * @param headSize features per head, 0 for the features divided by the heads
 * @param causal whether a causal mask is applied
 * @param projections whether it has its Q, K, V and output projections
 * @param bias whether the projections have biases
 * @param keys the layer giving keys and values, "" for self-attention
 * @param rotary dimensions of each head rotated on Q and K, 0 for none
 * @param window the window on a feature map, empty for global attention
 * @param shift the shift of the windows, empty for none
 * @param relativePositionBias whether a relative position bias table is added to the scores
 * @param at where the boolean and string settings are written, for messages
 */
record AttentionSpec(IntValue heads, IntValue kvHeads, IntValue headSize, boolean causal, boolean projections,
        boolean bias, String keys, IntValue rotary, IntsValue window, IntsValue shift, boolean relativePositionBias,
        Positions at) implements LayerSpec {

    /** Where the settings that are not numbers are written. */
    record Positions(Position causal, Position projections, Position keys, Position relativePositionBias) {
    }

    boolean isCross() {
        return !keys.isEmpty();
    }

    boolean isWindowed() {
        return window.values().length > 0;
    }

    /** The key/value heads, resolved. */
    long keyValueHeads() {
        return kvHeads.value() == 0 ? heads.value() : kvHeads.value();
    }
}
