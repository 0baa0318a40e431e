package dev.modelcost.sample;

import static dev.modelcost.ActivationFunction.RELU;

import dev.modelcost.Activation;
import dev.modelcost.Add;
import dev.modelcost.BatchNorm;
import dev.modelcost.Block;
import dev.modelcost.Conv;
import dev.modelcost.Dense;
import dev.modelcost.From;
import dev.modelcost.GlobalAvgPool;
import dev.modelcost.Layer;
import dev.modelcost.MaxPool;
import dev.modelcost.Network;
import dev.modelcost.Param;
import dev.modelcost.Shape;
import dev.modelcost.Stage;
import dev.modelcost.When;

/**
 * ResNet-50 as torchvision defines it ({@code torchvision.models.resnet50}, "v1.5": the stride is on the 3x3
 * convolution) at a 3x224x224 input: the stem of {@link ResNet18}, then 3, 4, 6 and 3 bottleneck blocks of
 * widths 64 to 512 (outputs four times as wide), a global average pool and a 2048 to 1000 fully connected layer.
 */
@Network(name = "ResNet-50", input = @Shape(channels = 3, size = {224, 224}))
public final class ResNet50 {
    @Conv(out = 64, kernel = 7, stride = 2, padding = 3, bias = false) Layer conv1;
    @BatchNorm Layer bn1;
    @Activation(RELU) Layer relu;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer maxpool;
    @Stage(block = Bottleneck.class, repeat = 3, with = "width = 64") Layer layer1;
    @Stage(block = Bottleneck.class, repeat = 4, with = "width = 128", first = "stride = 2") Layer layer2;
    @Stage(block = Bottleneck.class, repeat = 6, with = "width = 256", first = "stride = 2") Layer layer3;
    @Stage(block = Bottleneck.class, repeat = 3, with = "width = 512", first = "stride = 2") Layer layer4;
    @GlobalAvgPool Layer avgpool;
    @Dense(out = 1000) Layer fc;

    /** 1x1 down to the width, 3x3 (strided), 1x1 up to four times the width; a projection where needed. */
    @Block
    static final class Bottleneck {
        @Param int width;
        @Param("1") int stride;
        @Conv(outExpr = "width", kernel = 1, bias = false) Layer conv1;
        @BatchNorm Layer bn1;
        @Activation(RELU) Layer relu1;
        @Conv(outExpr = "width", kernel = 3, strideExpr = "stride", padding = 1, bias = false) Layer conv2;
        @BatchNorm Layer bn2;
        @Activation(RELU) Layer relu2;
        @Conv(outExpr = "width * 4", kernel = 1, bias = false) Layer conv3;
        @BatchNorm Layer bn3;
        @From(From.INPUT) @When("stride != 1 || in != width * 4")
        @Conv(outExpr = "width * 4", kernel = 1, strideExpr = "stride", bias = false) Layer downsample;
        @When("stride != 1 || in != width * 4") @BatchNorm Layer downsampleBn;
        @Add({"bn3", "downsampleBn"}) Layer sum;
        @Activation(RELU) Layer relu3;
    }
}
