package dev.modelcost.sample;

import static dev.modelcost.PaddingMode.SAME;

import dev.modelcost.Budget;
import dev.modelcost.Conv;
import dev.modelcost.Grouped;
import dev.modelcost.Layer;
import dev.modelcost.Network;
import dev.modelcost.Shape;

/**
 * MobileNet V1 (Howard et al., 2017, "MobileNets: Efficient Convolutional Neural Networks for Mobile Vision
 * Applications", Table 1) at width multiplier 1.0 and a 224x224 input: a strided 3x3 convolution, then 13
 * depthwise-separable blocks, each a 3x3 depthwise convolution followed by a 1x1 pointwise convolution. The
 * paddings are TensorFlow's "same", as in the original implementation; the convolutions have no bias, as
 * each is followed by batch normalization.
 *
 * <p>Declared up to the last pointwise convolution (output 1024x7x7), convolutions only: batch normalization
 * and ReLU after every convolution are left out (see {@link MobileNetV2} for a network declared with them), and
 * so is the classifier, a 7x7 average pool and a 1024 to 1000 fully connected layer (1,024,000 multiply-accumulates, 1,025,000 parameters); with it,
 * the network has the paper's 569 million mult-adds and 4.2 million parameters. Table 1 prints the 13th
 * depthwise layer with stride 2, which would shrink 7x7 to 4x4; the stride is 1 in the implementations and
 * in the paper's own cost figures.
 *
 * <p>The budget is the "mobile setting" of the NASNet and ShuffleNet papers, at most 600 million
 * multiply-accumulates, and a parameter limit for the declared layers.
 */
@Network(name = "MobileNet V1 (without classifier)", input = @Shape(channels = 3, size = {224, 224}))
@Budget(macs = 600_000_000L, params = 3_300_000L)
public final class MobileNetV1 {
    @Conv(out = 32, kernel = 3, stride = 2, paddingMode = SAME, bias = false) Layer conv1;
    @Conv(out = 32, kernel = 3, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw1;
    @Conv(out = 64, kernel = 1, bias = false) Layer pw1;
    @Conv(out = 64, kernel = 3, stride = 2, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw2;
    @Conv(out = 128, kernel = 1, bias = false) Layer pw2;
    @Conv(out = 128, kernel = 3, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw3;
    @Conv(out = 128, kernel = 1, bias = false) Layer pw3;
    @Conv(out = 128, kernel = 3, stride = 2, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw4;
    @Conv(out = 256, kernel = 1, bias = false) Layer pw4;
    @Conv(out = 256, kernel = 3, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw5;
    @Conv(out = 256, kernel = 1, bias = false) Layer pw5;
    @Conv(out = 256, kernel = 3, stride = 2, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw6;
    @Conv(out = 512, kernel = 1, bias = false) Layer pw6;
    @Conv(out = 512, kernel = 3, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw7;
    @Conv(out = 512, kernel = 1, bias = false) Layer pw7;
    @Conv(out = 512, kernel = 3, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw8;
    @Conv(out = 512, kernel = 1, bias = false) Layer pw8;
    @Conv(out = 512, kernel = 3, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw9;
    @Conv(out = 512, kernel = 1, bias = false) Layer pw9;
    @Conv(out = 512, kernel = 3, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw10;
    @Conv(out = 512, kernel = 1, bias = false) Layer pw10;
    @Conv(out = 512, kernel = 3, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw11;
    @Conv(out = 512, kernel = 1, bias = false) Layer pw11;
    @Conv(out = 512, kernel = 3, stride = 2, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw12;
    @Conv(out = 1024, kernel = 1, bias = false) Layer pw12;
    @Conv(out = 1024, kernel = 3, paddingMode = SAME, bias = false) @Grouped(depthwise = true) Layer dw13;
    @Conv(out = 1024, kernel = 1, bias = false) Layer pw13;
}
