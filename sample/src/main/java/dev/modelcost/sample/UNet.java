package dev.modelcost.sample;

import static dev.modelcost.ActivationFunction.RELU;

import dev.modelcost.Activation;
import dev.modelcost.BatchNorm;
import dev.modelcost.Block;
import dev.modelcost.Concat;
import dev.modelcost.Conv;
import dev.modelcost.Deconv;
import dev.modelcost.Layer;
import dev.modelcost.MaxPool;
import dev.modelcost.Network;
import dev.modelcost.Param;
import dev.modelcost.Shape;
import dev.modelcost.Stage;

/**
 * U-Net (Ronneberger, Fischer and Brox, 2015) as the widely used PyTorch implementation defines it (milesial's
 * Pytorch-UNet, {@code unet/unet_model.py} and {@code unet/unet_parts.py}, with {@code bilinear = False}), for
 * 3 input channels and 2 classes at 3x256x256. The encoder is a double convolution to 64 channels, then four
 * steps down, each a 2x2 max pool and a double convolution doubling the channels up to 1024. The decoder has four
 * steps up, each a 2x2 stride-2 transposed convolution with bias halving the channels, a concatenation of the
 * encoder's output at that size (first) with the upsampled map, and a double convolution halving the channels.
 * A 1x1 convolution with bias gives the class scores. At 256x256 every size is even, so the reference's padding
 * of the upsampled map to the skip's size adds nothing. Field names follow the reference's modules: its
 * {@code down1} is {@code down1Pool} and {@code down1} here, its {@code up1} is {@code up1Up}, {@code up1Cat}
 * and {@code up1}.
 */
@Network(name = "U-Net", input = @Shape(channels = 3, size = {256, 256}))
public final class UNet {
    @Stage(block = DoubleConv.class, with = "out = 64") Layer inc;
    @MaxPool(kernel = 2) Layer down1Pool;
    @Stage(block = DoubleConv.class, with = "out = 128") Layer down1;
    @MaxPool(kernel = 2) Layer down2Pool;
    @Stage(block = DoubleConv.class, with = "out = 256") Layer down2;
    @MaxPool(kernel = 2) Layer down3Pool;
    @Stage(block = DoubleConv.class, with = "out = 512") Layer down3;
    @MaxPool(kernel = 2) Layer down4Pool;
    /** The bottom of the U: 1024x16x16. */
    @Stage(block = DoubleConv.class, with = "out = 1024") Layer down4;
    @Deconv(out = 512, kernel = 2, stride = 2) Layer up1Up;
    @Concat({"down3", "up1Up"}) Layer up1Cat;
    @Stage(block = DoubleConv.class, with = "out = 512") Layer up1;
    @Deconv(out = 256, kernel = 2, stride = 2) Layer up2Up;
    @Concat({"down2", "up2Up"}) Layer up2Cat;
    @Stage(block = DoubleConv.class, with = "out = 256") Layer up2;
    @Deconv(out = 128, kernel = 2, stride = 2) Layer up3Up;
    @Concat({"down1", "up3Up"}) Layer up3Cat;
    @Stage(block = DoubleConv.class, with = "out = 128") Layer up3;
    @Deconv(out = 64, kernel = 2, stride = 2) Layer up4Up;
    @Concat({"inc", "up4Up"}) Layer up4Cat;
    @Stage(block = DoubleConv.class, with = "out = 64") Layer up4;
    /** 64x256x256 to the 2 class scores per pixel. */
    @Conv(out = 2, kernel = 1) Layer outc;

    /** Two 3x3 convolutions without bias that keep the size, each followed by batch norm and a ReLU. */
    @Block
    static final class DoubleConv {
        @Param int out;
        @Conv(outExpr = "out", kernel = 3, padding = 1, bias = false) Layer conv1;
        @BatchNorm Layer bn1;
        @Activation(RELU) Layer relu1;
        @Conv(outExpr = "out", kernel = 3, padding = 1, bias = false) Layer conv2;
        @BatchNorm Layer bn2;
        @Activation(RELU) Layer relu2;
    }
}
