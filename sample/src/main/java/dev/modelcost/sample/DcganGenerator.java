package dev.modelcost.sample;

import dev.modelcost.Deconv;
import dev.modelcost.Layer;
import dev.modelcost.Network;
import dev.modelcost.Shape;

/**
 * The generator of DCGAN (Radford, Metz and Chintala, 2015) as defined in the PyTorch examples
 * ({@code dcgan/main.py}) with {@code nz = 100}, {@code ngf = 64}, {@code nc = 3}: a 100-value noise vector,
 * as a 100x1x1 map, grown into a 3x64x64 image by five transposed convolutions with 4x4 kernels and no bias.
 *
 * <p>Left out because they cannot be declared yet: the batch normalization after each of the first four
 * layers (which would add 2 x (512 + 256 + 128 + 64) = 1,920 parameters), the ReLUs and the final Tanh.
 * They add no multiply-accumulates.
 */
@Network(name = "DCGAN generator", input = @Shape(channels = 100, size = {1, 1}))
public final class DcganGenerator {
    /** 100x1x1 to 512x4x4. */
    @Deconv(out = 512, kernel = 4, stride = 1, padding = 0, bias = false) Layer project;
    /** 512x4x4 to 256x8x8. */
    @Deconv(out = 256, kernel = 4, stride = 2, padding = 1, bias = false) Layer up1;
    /** 256x8x8 to 128x16x16. */
    @Deconv(out = 128, kernel = 4, stride = 2, padding = 1, bias = false) Layer up2;
    /** 128x16x16 to 64x32x32. */
    @Deconv(out = 64, kernel = 4, stride = 2, padding = 1, bias = false) Layer up3;
    /** 64x32x32 to the 3x64x64 image. */
    @Deconv(out = 3, kernel = 4, stride = 2, padding = 1, bias = false) Layer toImage;
}
