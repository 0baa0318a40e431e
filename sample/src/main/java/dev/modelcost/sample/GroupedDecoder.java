package dev.modelcost.sample;

import dev.modelcost.Conv;
import dev.modelcost.Deconv;
import dev.modelcost.Grouped;
import dev.modelcost.Layer;
import dev.modelcost.Network;
import dev.modelcost.PaddingMode;
import dev.modelcost.Shape;

/**
 * A small image decoder built from grouped transposed convolutions: it doubles the size of a 128x8x8 latent
 * map three times, into a 3x64x64 image. Each grouped upsampling is followed by a 1x1 convolution that mixes
 * the groups' channels again, the way ShuffleNet and ResNeXt pair grouped layers with a channel mix; the last
 * upsampling is depthwise. An illustration of the layer kinds, not a published network.
 *
 * <p>The second layer pair repeats example 5 of docs/FORMULAS.md#transposed-convolution.
 */
@Network(name = "Grouped decoder", input = @Shape(channels = 128, size = {8, 8}))
public final class GroupedDecoder {
    /** 128x8x8 to 128x16x16 in 4 groups of 32 channels. */
    @Deconv(out = 128, kernel = 4, stride = 2, padding = 1) @Grouped(4) Layer up1;
    /** Mixes the 4 groups, halving the channels. */
    @Conv(out = 64, kernel = 1) Layer mix1;
    /** 64x16x16 to 32x32x32 in 2 groups; the output padding makes the size exactly double. */
    @Deconv(out = 32, kernel = 3, stride = 2, padding = 1, outputPadding = 1) @Grouped(2) Layer up2;
    /** Mixes the 2 groups. */
    @Conv(out = 32, kernel = 1) Layer mix2;
    /** 32x32x32 to 32x64x64, one group per channel; "same" padding makes the output twice the input. */
    @Deconv(out = 32, kernel = 4, stride = 2, paddingMode = PaddingMode.SAME) @Grouped(depthwise = true)
    Layer up3;
    /** To the 3x64x64 image, keeping the size. */
    @Conv(out = 3, kernel = 3, paddingMode = PaddingMode.SAME) Layer toImage;
}
