package dev.modelcost.sample;

import static dev.modelcost.ActivationFunction.RELU;
import static dev.modelcost.ActivationFunction.TANH;

import dev.modelcost.Activation;
import dev.modelcost.BatchNorm;
import dev.modelcost.Deconv;
import dev.modelcost.Layer;
import dev.modelcost.Network;
import dev.modelcost.Shape;

/**
 * The generator of DCGAN (Radford, Metz and Chintala, 2015) as defined in the PyTorch examples
 * ({@code dcgan/main.py}, class {@code Generator}) with {@code nz = 100}, {@code ngf = 64}, {@code nc = 3}: a
 * 100-value noise vector, as a 100x1x1 map, grown into a 3x64x64 image by five transposed convolutions with 4x4
 * kernels and no bias, the first four each followed by batch norm and a ReLU, the last by a Tanh.
 */
@Network(name = "DCGAN generator", input = @Shape(channels = 100, size = {1, 1}))
public final class DcganGenerator {
    /** 100x1x1 to 512x4x4. */
    @Deconv(out = 512, kernel = 4, stride = 1, padding = 0, bias = false) Layer project;
    @BatchNorm Layer projectBn;
    @Activation(RELU) Layer projectRelu;
    /** 512x4x4 to 256x8x8. */
    @Deconv(out = 256, kernel = 4, stride = 2, padding = 1, bias = false) Layer up1;
    @BatchNorm Layer up1Bn;
    @Activation(RELU) Layer up1Relu;
    /** 256x8x8 to 128x16x16. */
    @Deconv(out = 128, kernel = 4, stride = 2, padding = 1, bias = false) Layer up2;
    @BatchNorm Layer up2Bn;
    @Activation(RELU) Layer up2Relu;
    /** 128x16x16 to 64x32x32. */
    @Deconv(out = 64, kernel = 4, stride = 2, padding = 1, bias = false) Layer up3;
    @BatchNorm Layer up3Bn;
    @Activation(RELU) Layer up3Relu;
    /** 64x32x32 to the 3x64x64 image. */
    @Deconv(out = 3, kernel = 4, stride = 2, padding = 1, bias = false) Layer toImage;
    @Activation(TANH) Layer tanh;
}
