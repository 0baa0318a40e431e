package dev.modelcost.processor.kinds;

import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.IntValue;

/**
 * A layer's {@code @Grouped}, as written.
 *
 * @param count the group count, or null when not written
 * @param depthwise whether {@code depthwise = true} was written
 * @param depthwisePosition where {@code depthwise} is, or the annotation
 * @param annotation the annotation
 */
public record Grouping(IntValue count, boolean depthwise, Position depthwisePosition, Position annotation) {

    /** The group count for a layer with this many input channels. */
    public long groupsFor(long inputChannels) {
        return depthwise ? inputChannels : count.value();
    }
}
