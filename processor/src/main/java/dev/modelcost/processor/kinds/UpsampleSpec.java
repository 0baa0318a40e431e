package dev.modelcost.processor.kinds;

import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerSpec;

/** Upsampling by a scale or to a size. */
public sealed interface UpsampleSpec extends LayerSpec {

    /** The scale or the size, as written. */
    IntsValue given();

    /** Whether values are interpolated (else copied from the nearest). */
    boolean bilinear();

    /**
     * Upsampling by a scale factor.
     *
     * @param given the scale factor per spatial dimension
     * @param bilinear whether values are interpolated
     */
    record ByScale(IntsValue given, boolean bilinear) implements UpsampleSpec {
    }

    /**
     * Upsampling to a size.
     *
     * @param given the output size
     * @param bilinear whether values are interpolated
     */
    record ToSize(IntsValue given, boolean bilinear) implements UpsampleSpec {
    }
}
