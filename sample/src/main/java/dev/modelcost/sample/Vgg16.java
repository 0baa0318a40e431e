package dev.modelcost.sample;

import static dev.modelcost.ActivationFunction.RELU;

import dev.modelcost.Activation;
import dev.modelcost.AdaptivePool;
import dev.modelcost.Block;
import dev.modelcost.Conv;
import dev.modelcost.Dense;
import dev.modelcost.Dropout;
import dev.modelcost.Layer;
import dev.modelcost.MaxPool;
import dev.modelcost.Network;
import dev.modelcost.Param;
import dev.modelcost.Shape;
import dev.modelcost.Stage;

/**
 * VGG-16 (Simonyan and Zisserman, 2014, configuration D) as torchvision defines it ({@code torchvision.models.vgg16},
 * without batch normalization) at a 3x224x224 input: five stages of 3x3 convolutions with bias, each followed by
 * a ReLU, with 2, 2, 3, 3 and 3 convolutions of 64, 128, 256, 512 and 512 channels, each stage ending in a 2x2
 * max pool; an adaptive average pool to 7x7; then three fully connected layers, the first two followed by a ReLU
 * and dropout.
 */
@Network(name = "VGG-16", input = @Shape(channels = 3, size = {224, 224}))
public final class Vgg16 {
    @Stage(block = ConvRelu.class, repeat = 2, with = "width = 64") Layer stage1;
    @MaxPool(kernel = 2) Layer pool1;
    @Stage(block = ConvRelu.class, repeat = 2, with = "width = 128") Layer stage2;
    @MaxPool(kernel = 2) Layer pool2;
    @Stage(block = ConvRelu.class, repeat = 3, with = "width = 256") Layer stage3;
    @MaxPool(kernel = 2) Layer pool3;
    @Stage(block = ConvRelu.class, repeat = 3, with = "width = 512") Layer stage4;
    @MaxPool(kernel = 2) Layer pool4;
    @Stage(block = ConvRelu.class, repeat = 3, with = "width = 512") Layer stage5;
    /** 512x14x14 to 512x7x7. */
    @MaxPool(kernel = 2) Layer pool5;
    /** The identity at a 224x224 input; it makes the classifier's input 512x7x7 at any input size. */
    @AdaptivePool(size = {7, 7}) Layer avgpool;
    @Dense(out = 4096) Layer fc1;
    @Activation(RELU) Layer relu1;
    @Dropout(0.5) Layer dropout1;
    @Dense(out = 4096) Layer fc2;
    @Activation(RELU) Layer relu2;
    @Dropout(0.5) Layer dropout2;
    @Dense(out = 1000) Layer fc3;

    /** A 3x3 convolution that keeps the size, and its ReLU. */
    @Block
    static final class ConvRelu {
        @Param int width;
        @Conv(outExpr = "width", kernel = 3, padding = 1) Layer conv;
        @Activation(RELU) Layer relu;
    }
}
