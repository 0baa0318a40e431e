package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import org.junit.jupiter.api.Test;

/**
 * The basic context module with C = 21 on 64x64. Padding equal to the dilation keeps the size:
 * {@code (64 + 2d - 2d - 1) / 1 + 1 = 64}. Every 3x3 layer costs {@code 21 * 4096 * 21 * 9 = 16,257,024} MACs.
 */
class DilatedContextModuleTest {

    @Test
    void weightsAreThePapers64CSquared() {
        // 64 * 21^2 = 28,224 weights, plus one bias per channel in each of the 8 layers: 8 * 21 = 168
        assertEquals(64 * 21 * 21 + 8 * 21L, DilatedContextModuleCost.PARAMS);
        assertEquals(28_392L, DilatedContextModuleCost.PARAMS);
    }

    @Test
    void macsByHand() {
        // 7 * 16,257,024 + 21 * 4096 * 21 = 113,799,168 + 1,806,336 = 115,605,504
        assertEquals(115_605_504L, DilatedContextModuleCost.MACS);
        // 8 layers * 21 * 4096 = 688,128
        assertEquals(688_128L, DilatedContextModuleCost.BIAS_ADDS);
        // 2 * 115,605,504 + 688,128
        assertEquals(231_899_136L, DilatedContextModuleCost.FLOPS);
    }

    @Test
    void widestDilationKeepsTheSize() {
        LayerCost layer6 = DilatedContextModuleCost.MODEL.layer("layer6");
        // (64 + 32 - 16*2 - 1) / 1 + 1 = 64
        assertArrayEquals(new int[] {21, 64, 64}, layer6.outputShape());
        // dilation does not change the taps: 21 * 4096 * 21 * 9
        assertEquals(16_257_024L, layer6.macs());
        assertEquals("k=3 s=1 p=16 d=16", layer6.settings());
    }

    @Test
    void shapes() {
        assertEquals("21x64x64", DilatedContextModuleCost.INPUT_SHAPE);
        assertEquals("21x64x64", DilatedContextModuleCost.OUTPUT_SHAPE);
        assertEquals(8, DilatedContextModuleCost.LAYERS);
    }
}
