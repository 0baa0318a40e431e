package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import org.junit.jupiter.api.Test;

/**
 * MobileNet V1 against the arithmetic of the MobileNets paper's Table 1, and against the totals the paper
 * publishes for 1.0 MobileNet-224 (569 million mult-adds, 4.2 million parameters) once the classifier that
 * cannot be declared yet is added back.
 */
class MobileNetV1Test {
    /** The 1024 to 1000 fully connected classifier: 1024 * 1000 multiply-accumulates. */
    private static final long CLASSIFIER_MACS = 1_024_000L;
    /** Its 1024 * 1000 weights and 1000 biases. */
    private static final long CLASSIFIER_PARAMS = 1_025_000L;

    @Test
    void macsByHand() {
        // Output sizes 112, 56, 28, 14, 7; "same" padding gives ceil(S / s).
        // conv1: 32 * 112*112 * 3 * 9                                                   =  10,838,016
        // depthwise, 9 * C * O*O: 9 * (32*12,544 + 64*3,136 + 128*3,136 + 128*784 + 256*784 + 256*196
        //                              + 5 * 512*196 + 512*49 + 1024*49) = 9 * 1,931,776  =  17,385,984
        // pointwise, Cin * Cout * O*O: the five that double the channels (pw1, pw2, pw4, pw6, pw12) each
        //   32*64*12,544 = 64*128*3,136 = ... = 25,690,112, the eight that keep them twice that, 51,380,224:
        //   5 * 25,690,112 + 8 * 51,380,224                                             = 539,492,352
        // total                                                                         = 567,716,352
        assertEquals(567_716_352L, MobileNetV1Cost.MACS);
    }

    @Test
    void paramsByHand() {
        // conv1 3*32*9 = 864; depthwise 9 * (32 + 64 + 128 + 128 + 256 + 256 + 5*512 + 512 + 1024) = 9 * 4,960
        //   = 44,640; pointwise 2,048 + 8,192 + 16,384 + 32,768 + 65,536 + 131,072 + 5*262,144 + 524,288
        //   + 1,048,576 = 3,139,584; no biases. 864 + 44,640 + 3,139,584 = 3,185,088
        assertEquals(3_185_088L, MobileNetV1Cost.PARAMS);
        assertEquals(0L, MobileNetV1Cost.BIAS_ADDS);
        assertEquals(2 * 567_716_352L, MobileNetV1Cost.FLOPS);
    }

    @Test
    void withTheClassifierTheTotalsAreThePapers() {
        // 567,716,352 + 1,024,000 = 568,740,352: "569 million"
        assertEquals(569, Math.round((MobileNetV1Cost.MACS + CLASSIFIER_MACS) / 1e6));
        // 3,185,088 + 1,025,000 = 4,210,088: "4.2 million"
        assertEquals(4.2, Math.round((MobileNetV1Cost.PARAMS + CLASSIFIER_PARAMS) / 1e5) / 10.0);
    }

    @Test
    void shapes() {
        assertEquals("3x224x224", MobileNetV1Cost.INPUT_SHAPE);
        assertEquals("1024x7x7", MobileNetV1Cost.OUTPUT_SHAPE);
        // conv1 and 13 blocks of two
        assertEquals(27, MobileNetV1Cost.LAYERS);
        // SAME with stride 2 on an even size: ceil(224 / 2) = 112
        assertArrayEquals(new int[] {32, 112, 112}, MobileNetV1Cost.MODEL.layer("conv1").outputShape());
    }

    @Test
    void stridedDepthwiseLayerIsWorkedExampleThree() {
        LayerCost dw2 = MobileNetV1Cost.MODEL.layer("dw2");
        // 64 channels, 112 -> 56 (docs/FORMULAS.md#convolutions example 3 has 32: 903,168; twice that here)
        assertArrayEquals(new int[] {64, 56, 56}, dw2.outputShape());
        // 64 * 56*56 * 1 * 9 = 1,806,336; weights 64 * 9 = 576
        assertEquals(1_806_336L, dw2.macs());
        assertEquals(576L, dw2.params());
        assertEquals("k=3 s=2 p=same g=64 no-bias", dw2.settings());
    }

    @Test
    void lastPointwiseLayerHoldsAThirdOfTheWeights() {
        LayerCost pw13 = MobileNetV1Cost.MODEL.layer("pw13");
        // 1024 * 1024 * 1 = 1,048,576 weights; 1024 * 7*7 * 1024 = 51,380,224 MACs
        assertEquals(1_048_576L, pw13.params());
        assertEquals(51_380_224L, pw13.macs());
    }
}
