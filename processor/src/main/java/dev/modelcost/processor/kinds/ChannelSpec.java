package dev.modelcost.processor.kinds;

import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerSpec;

/** A layer that rearranges channels without computing: a slice of them, a shuffle, or a flattening to a vector. */
public sealed interface ChannelSpec extends LayerSpec {

    /**
     * The channels from {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param from first channel kept
     * @param to one past the last channel kept
     */
    record Slice(IntValue from, IntValue to) implements ChannelSpec {
    }

    /**
     * A channel shuffle.
     *
     * @param groups the groups, which must divide the channels
     */
    record Shuffle(IntValue groups) implements ChannelSpec {
    }

    /** A flattening of channels and positions to one vector. */
    record Flatten() implements ChannelSpec {
    }
}
