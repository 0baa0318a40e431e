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
 * ResNet-18 (He, Zhang, Ren and Sun, 2015, "Deep Residual Learning for Image Recognition") as torchvision defines
 * it ({@code torchvision.models.resnet18}) at a 3x224x224 input: a 7x7 stride-2 stem with batch norm, ReLU and a
 * 3x3 stride-2 max pool, four stages of two basic blocks (64, 128, 256 and 512 channels, the last three starting
 * with stride 2), a global average pool (torchvision's {@code AdaptiveAvgPool2d((1, 1))}) and a 512 to 1000 fully
 * connected layer. Field names follow torchvision's.
 */
@Network(name = "ResNet-18", input = @Shape(channels = 3, size = {224, 224}))
public final class ResNet18 {
    @Conv(out = 64, kernel = 7, stride = 2, padding = 3, bias = false) Layer conv1;
    @BatchNorm Layer bn1;
    @Activation(RELU) Layer relu;
    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer maxpool;
    @Stage(block = BasicBlock.class, repeat = 2, with = "width = 64") Layer layer1;
    @Stage(block = BasicBlock.class, repeat = 2, with = "width = 128", first = "stride = 2") Layer layer2;
    @Stage(block = BasicBlock.class, repeat = 2, with = "width = 256", first = "stride = 2") Layer layer3;
    @Stage(block = BasicBlock.class, repeat = 2, with = "width = 512", first = "stride = 2") Layer layer4;
    @GlobalAvgPool Layer avgpool;
    @Dense(out = 1000) Layer fc;

    /**
     * Two 3x3 convolutions, each with batch norm, added to the block's input; where the stride or the channels
     * change, the input goes through a strided 1x1 projection with batch norm first.
     */
    @Block
    static final class BasicBlock {
        @Param int width;
        @Param("1") int stride;
        @Conv(outExpr = "width", kernel = 3, strideExpr = "stride", padding = 1, bias = false) Layer conv1;
        @BatchNorm Layer bn1;
        @Activation(RELU) Layer relu1;
        @Conv(outExpr = "width", kernel = 3, padding = 1, bias = false) Layer conv2;
        @BatchNorm Layer bn2;
        @From(From.INPUT) @When("stride != 1 || in != width")
        @Conv(outExpr = "width", kernel = 1, strideExpr = "stride", bias = false) Layer downsample;
        @When("stride != 1 || in != width") @BatchNorm Layer downsampleBn;
        @Add({"bn2", "downsampleBn"}) Layer sum;
        @Activation(RELU) Layer relu2;
    }
}
