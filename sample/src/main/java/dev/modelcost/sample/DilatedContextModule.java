package dev.modelcost.sample;

import dev.modelcost.Conv;
import dev.modelcost.Layer;
import dev.modelcost.Network;
import dev.modelcost.Shape;

/**
 * The basic context module of Yu and Koltun (2016, "Multi-Scale Context Aggregation by Dilated Convolutions",
 * Table 1): seven 3x3 convolutions with dilations 1, 1, 2, 4, 8, 16, 1, whose receptive field grows
 * exponentially to 67x67 without losing resolution, then a 1x1 convolution; C channels throughout, so
 * {@code 7 * 9 * C^2 + C^2 = 64 C^2} weights. Declared with C = 21, the classes of Pascal VOC, on a 64x64
 * score map (the size is this example's choice). Each layer pads by its dilation, which keeps the size.
 *
 * <p>The ReLU after each of the first seven layers is left out, so that the figures are the convolutions' own;
 * {@code @Activation(RELU)} would add one FLOP per element and nothing to MACs or parameters.
 */
@Network(name = "Dilated context module (basic, C=21)", input = @Shape(channels = 21, size = {64, 64}))
public final class DilatedContextModule {
    @Conv(out = 21, kernel = 3, padding = 1) Layer layer1;
    @Conv(out = 21, kernel = 3, padding = 1) Layer layer2;
    @Conv(out = 21, kernel = 3, padding = 2, dilation = 2) Layer layer3;
    @Conv(out = 21, kernel = 3, padding = 4, dilation = 4) Layer layer4;
    @Conv(out = 21, kernel = 3, padding = 8, dilation = 8) Layer layer5;
    @Conv(out = 21, kernel = 3, padding = 16, dilation = 16) Layer layer6;
    @Conv(out = 21, kernel = 3, padding = 1) Layer layer7;
    @Conv(out = 21, kernel = 1) Layer output;
}
