package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import org.junit.jupiter.api.Test;

/**
 * R(2+1)D-18's stem and first stage on a 3x16x112x112 clip. Per-dimension kernels: a 1x7x7 kernel has 49 taps,
 * a 3x1x1 kernel 3, a 1x3x3 kernel 9. Every layer after the first runs over 16 * 56*56 = 50,176 positions.
 */
class R2Plus1dStage1Test {

    @Test
    void stemHalvesOnlyHeightAndWidth() {
        LayerCost stem = layer("stemSpatial");
        // time: (16 + 0 - 0 - 1)/1 + 1 = 16; height and width: (112 + 6 - 6 - 1)/2 + 1 = 56
        assertArrayEquals(new int[] {45, 16, 56, 56}, stem.outputShape());
        // 45 * 50,176 * 3 * 49 = 331,914,240
        assertEquals(331_914_240L, stem.macs());
        // 45 * 3 * 49 = 6,615
        assertEquals(6_615L, stem.params());
    }

    @Test
    void factoredPairHasAsManyWeightsAsA3x3x3Convolution() {
        // 64*144*9 + 144*64*3 = 82,944 + 27,648 = 110,592 = 64*64*27
        assertEquals(64 * 64 * 27L,
                layer("block1Conv1Spatial").params() + layer("block1Conv1Temporal").params());
    }

    @Test
    void macsByHand() {
        // stem:    45 * 50,176 * 3 * 49 + 64 * 50,176 * 45 * 3 = 331,914,240 + 433,520,640 =    765,434,880
        // 4 pairs: 144 * 50,176 * 64 * 9 + 64 * 50,176 * 144 * 3 = 50,176 * 110,592 = 5,549,064,192 each
        //          * 4                                                                = 22,196,256,768
        // total                                                                       = 22,961,691,648
        assertEquals(22_961_691_648L, R2Plus1dStage1Cost.MACS);
        assertEquals(0L, R2Plus1dStage1Cost.BIAS_ADDS);
        assertEquals(2 * 22_961_691_648L, R2Plus1dStage1Cost.FLOPS);
    }

    @Test
    void paramsByHand() {
        // 6,615 + 45*64*3 = 8,640, then 4 * 110,592 = 442,368: 457,623 (no biases)
        assertEquals(457_623L, R2Plus1dStage1Cost.PARAMS);
    }

    @Test
    void shapes() {
        assertEquals("3x16x112x112", R2Plus1dStage1Cost.INPUT_SHAPE);
        assertEquals("64x16x56x56", R2Plus1dStage1Cost.OUTPUT_SHAPE);
        assertEquals(10, R2Plus1dStage1Cost.LAYERS);
        assertArrayEquals(new int[] {144, 16, 56, 56}, layer("block2Conv2Spatial").outputShape());
    }

    private static LayerCost layer(String name) {
        return R2Plus1dStage1Cost.MODEL.layer(name);
    }
}
