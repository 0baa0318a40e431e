package dev.modelcost.processor.kinds;

import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerSpec;

/**
 * A layer that only gives its input's elements another shape: between feature maps and sequences of tokens,
 * reshaped, permuted, or moved between channels and sizes. None computes or has parameters.
 */
public sealed interface ShapeSpec extends LayerSpec {

    /** A feature map's positions as tokens. */
    record Tokens() implements ShapeSpec {
    }

    /**
     * A sequence back to a feature map.
     *
     * @param size the map's sizes, whose product must be the tokens
     */
    record ToMap(IntsValue size) implements ShapeSpec {
    }

    /**
     * One token of a sequence.
     *
     * @param index the token, from 0 at the start or from -1 at the end
     */
    record SelectToken(IntValue index) implements ShapeSpec {
    }

    /**
     * The same elements as {@code channels x size}.
     *
     * @param channels the output's channels, or -1 to infer them
     * @param size the output's sizes, one of which may be -1
     */
    record Reshape(IntValue channels, IntsValue size) implements ShapeSpec {
    }

    /**
     * The dimensions reordered.
     *
     * @param order the input dimension (0 the channels) of each output dimension
     */
    record Permute(IntsValue order) implements ShapeSpec {
    }

    /**
     * Channels moved into the sizes ({@code @PixelShuffle}) or back ({@code @PixelUnshuffle}).
     *
     * @param factor the factor {@code r} of every size
     */
    record PixelShuffle(IntValue factor) implements ShapeSpec {
    }
}
