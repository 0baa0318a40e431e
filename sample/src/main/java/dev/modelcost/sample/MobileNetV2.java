package dev.modelcost.sample;

import static dev.modelcost.ActivationFunction.RELU6;

import dev.modelcost.Activation;
import dev.modelcost.Add;
import dev.modelcost.BatchNorm;
import dev.modelcost.Block;
import dev.modelcost.Budget;
import dev.modelcost.Conv;
import dev.modelcost.Dense;
import dev.modelcost.Dropout;
import dev.modelcost.From;
import dev.modelcost.GlobalAvgPool;
import dev.modelcost.Grouped;
import dev.modelcost.Layer;
import dev.modelcost.Network;
import dev.modelcost.Param;
import dev.modelcost.Shape;
import dev.modelcost.Stage;
import dev.modelcost.When;

/**
 * MobileNet V2 (Sandler et al., 2018, "MobileNetV2: Inverted Residuals and Linear Bottlenecks", Table 2) as
 * torchvision defines it ({@code torchvision.models.mobilenet_v2}, width multiplier 1.0) at a 3x224x224 input:
 * a 3x3 stride-2 convolution, 17 inverted residual blocks in seven stages (expansion t, output channels c,
 * repeats n, first stride s as in the paper's table), a 1x1 convolution to 1280 channels, a global average pool,
 * dropout and a 1280 to 1000 fully connected layer. Every convolution has no bias and is followed by batch norm,
 * and by ReLU6 except the linear bottleneck's projection.
 *
 * <p>The budget is the "mobile setting" of the NASNet and ShuffleNet papers: at most 600 million
 * multiply-accumulates.
 */
@Network(name = "MobileNet V2", input = @Shape(channels = 3, size = {224, 224}))
@Budget(macs = 600_000_000L)
public final class MobileNetV2 {
    @Conv(out = 32, kernel = 3, stride = 2, padding = 1, bias = false) Layer stem;
    @BatchNorm Layer stemBn;
    @Activation(RELU6) Layer stemRelu;
    /** t = 1: no expansion. */
    @Stage(block = InvertedResidual.class, with = "expand = 1, out = 16") Layer stage1;
    @Stage(block = InvertedResidual.class, repeat = 2, with = "out = 24", first = "stride = 2") Layer stage2;
    @Stage(block = InvertedResidual.class, repeat = 3, with = "out = 32", first = "stride = 2") Layer stage3;
    @Stage(block = InvertedResidual.class, repeat = 4, with = "out = 64", first = "stride = 2") Layer stage4;
    @Stage(block = InvertedResidual.class, repeat = 3, with = "out = 96") Layer stage5;
    @Stage(block = InvertedResidual.class, repeat = 3, with = "out = 160", first = "stride = 2") Layer stage6;
    @Stage(block = InvertedResidual.class, with = "out = 320") Layer stage7;
    @Conv(out = 1280, kernel = 1, bias = false) Layer last;
    @BatchNorm Layer lastBn;
    @Activation(RELU6) Layer lastRelu;
    @GlobalAvgPool Layer pool;
    @Dropout(0.2) Layer dropout;
    @Dense(out = 1000) Layer classifier;

    /**
     * An inverted residual block: a 1x1 expansion to {@code expand} times the input channels (absent when
     * {@code expand} is 1), a 3x3 depthwise convolution carrying the stride, and a linear 1x1 projection to
     * {@code out} channels; the input is added back when the shapes allow it (stride 1, as many channels).
     */
    @Block
    static final class InvertedResidual {
        @Param int out;
        @Param("1") int stride;
        @Param("6") int expand;
        @Param("in * expand") int hidden;
        @When("expand != 1") @Conv(outExpr = "hidden", kernel = 1, bias = false) Layer expansion;
        @When("expand != 1") @BatchNorm Layer expansionBn;
        @When("expand != 1") @Activation(RELU6) Layer expansionRelu;
        @Conv(outExpr = "hidden", kernel = 3, strideExpr = "stride", padding = 1, bias = false)
        @Grouped(depthwise = true) Layer depthwise;
        @BatchNorm Layer depthwiseBn;
        @Activation(RELU6) Layer depthwiseRelu;
        @Conv(outExpr = "out", kernel = 1, bias = false) Layer projection;
        @BatchNorm Layer projectionBn;
        @When("stride == 1 && in == out") @Add({"projectionBn", From.INPUT}) Layer residual;
    }
}
