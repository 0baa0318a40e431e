package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import org.junit.jupiter.api.Test;

/**
 * MobileNet V2 against torchvision's published figures (0.30 "GFLOPS", which are MACs, and 3,504,872 parameters)
 * and by hand. A block with input channels {@code in}, hidden channels {@code h = t * in}, input size S and
 * output size O costs {@code in*h*S^2} (expansion, when t > 1) + {@code 9*h*O^2} (depthwise) +
 * {@code h*out*O^2} (projection).
 */
class MobileNetV2Test {

    @Test
    void macsAreTorchvisionsFigure() {
        // stem 32 * 112^2 * 27                                                          =  10,838,016
        // stage1 (t=1, 32 -> 16, 112): 9*32*112^2 + 32*16*112^2                         =  10,035,200
        // stage2 16 -> 24, 112 -> 56: 29,202,432 + 25,740,288                           =  54,942,720
        // stage3 24 -> 32, 56 -> 28: 15,466,752 + 2 * 10,988,544                        =  37,443,840
        // stage4 32 -> 64, 28 -> 14: 7,564,032 + 3 * 10,311,168                         =  38,497,536
        // stage5 64 -> 96, 14: 12,719,616 + 2 * 22,692,096                              =  58,103,808
        // stage6 96 -> 160, 14 -> 7: 15,607,872 + 2 * 15,476,160                        =  46,560,192
        // stage7 160 -> 320, 7: 7,526,400 + 423,360 + 15,052,800                        =  23,002,560
        // last 320 * 1,280 * 7^2                                                        =  20,070,400
        // classifier 1,280 * 1,000                                                      =   1,280,000
        // total                                                                           300,774,272
        assertEquals(300_774_272L, MobileNetV2Cost.MACS);
        assertEquals(54_942_720L, Layers.macs(MobileNetV2Cost.MODEL, "stage2."));
        assertEquals(46_560_192L, Layers.macs(MobileNetV2Cost.MODEL, "stage6."));
    }

    @Test
    void paramsAreTorchvisionsCount() {
        // weights + batch norm: stem 864 + 64; stage1 896; stage2 13,968; stage3 39,696; stage4 183,872;
        // stage5 303,168; stage6 795,264; stage7 473,920; last 409,600 + 2,560; classifier 1,281,000
        // total 3,504,872
        assertEquals(3_504_872L, MobileNetV2Cost.PARAMS);
        // stage7: expansion 160*960 + 2*960, depthwise 9*960 + 2*960, projection 960*320 + 2*320
        //   = 155,520 + 10,560 + 307,840 = 473,920
        assertEquals(473_920L, Layers.params(MobileNetV2Cost.MODEL, "stage7."));
    }

    @Test
    void withoutExpansionTheFirstBlockStartsDepthwise() {
        assertFalse(Layers.has(MobileNetV2Cost.MODEL, "stage1.0.expansion"));
        LayerCost depthwise = layer("stage1.0.depthwise");
        assertArrayEquals(new int[] {32, 112, 112}, depthwise.inputShape());
        // 32 * 112^2 * 1 * 9 = 3,612,672; weights 32 * 9 = 288
        assertEquals(3_612_672L, depthwise.macs());
        assertEquals(288L, depthwise.params());
    }

    @Test
    void stridedDepthwiseConvolutionOfTheExpandedChannels() {
        LayerCost depthwise = layer("stage2.0.depthwise");
        // hidden = 6 * 16 = 96 channels, 112 -> 56
        assertEquals("k=3 s=2 p=1 g=96 no-bias", depthwise.settings());
        assertArrayEquals(new int[] {96, 56, 56}, depthwise.outputShape());
        // 96 * 56^2 * 9 = 2,709,504
        assertEquals(2_709_504L, depthwise.macs());
        // ReLU6: 2 comparisons per element, 2 * 96 * 56^2 = 602,112
        assertEquals(602_112L, layer("stage2.0.depthwiseRelu").flops());
    }

    @Test
    void residualOnlyWhereStrideIsOneAndChannelsMatch() {
        assertFalse(Layers.has(MobileNetV2Cost.MODEL, "stage2.0.residual"));
        assertTrue(Layers.has(MobileNetV2Cost.MODEL, "stage2.1.residual"));
        assertFalse(Layers.has(MobileNetV2Cost.MODEL, "stage5.0.residual"));
        assertFalse(Layers.has(MobileNetV2Cost.MODEL, "stage7.0.residual"));
        // all but the first block of stages 2 to 6: 1 + 2 + 3 + 2 + 2
        assertEquals(10, Layers.count(MobileNetV2Cost.MODEL, LayerKind.ADD));
        assertArrayEquals(new int[] {320, 7, 7}, layer("stage7.0.projectionBn").outputShape());
    }

    private static LayerCost layer(String name) {
        return MobileNetV2Cost.MODEL.layer(name);
    }
}
