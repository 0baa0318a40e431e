package dev.modelcost.sample;

import static dev.modelcost.ActivationFunction.RELU;

import dev.modelcost.Activation;
import dev.modelcost.AdaptivePool;
import dev.modelcost.Conv;
import dev.modelcost.Dense;
import dev.modelcost.Dropout;
import dev.modelcost.Layer;
import dev.modelcost.MaxPool;
import dev.modelcost.Network;
import dev.modelcost.Shape;

/**
 * AlexNet as torchvision defines it ({@code torchvision.models.alexnet}, after Krizhevsky's "One weird trick"
 * variant, 2014) at a 3x224x224 input: five convolutions with ReLUs and three 3x3 stride-2 max pools, an adaptive
 * average pool to 6x6, and a classifier of three fully connected layers with dropout before the first two.
 * Field names follow torchvision's modules ({@code features}, {@code avgpool}, {@code classifier}).
 */
@Network(name = "AlexNet", input = @Shape(channels = 3, size = {224, 224}))
public final class AlexNet {
    /** 3x224x224 to 64x55x55. */
    @Conv(out = 64, kernel = 11, stride = 4, padding = 2) Layer conv1;
    @Activation(RELU) Layer relu1;
    @MaxPool(kernel = 3, stride = 2) Layer pool1;
    @Conv(out = 192, kernel = 5, padding = 2) Layer conv2;
    @Activation(RELU) Layer relu2;
    @MaxPool(kernel = 3, stride = 2) Layer pool2;
    @Conv(out = 384, kernel = 3, padding = 1) Layer conv3;
    @Activation(RELU) Layer relu3;
    @Conv(out = 256, kernel = 3, padding = 1) Layer conv4;
    @Activation(RELU) Layer relu4;
    @Conv(out = 256, kernel = 3, padding = 1) Layer conv5;
    @Activation(RELU) Layer relu5;
    /** 256x13x13 to 256x6x6. */
    @MaxPool(kernel = 3, stride = 2) Layer pool5;
    /** The identity at a 224x224 input; it makes the classifier's input 256x6x6 at any input size. */
    @AdaptivePool(size = {6, 6}) Layer avgpool;
    @Dropout(0.5) Layer dropout1;
    @Dense(out = 4096) Layer fc1;
    @Activation(RELU) Layer relu6;
    @Dropout(0.5) Layer dropout2;
    @Dense(out = 4096) Layer fc2;
    @Activation(RELU) Layer relu7;
    @Dense(out = 1000) Layer fc3;
}
