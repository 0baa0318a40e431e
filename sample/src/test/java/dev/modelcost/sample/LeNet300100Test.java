package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import org.junit.jupiter.api.Test;

/** LeNet-300-100: dense layers on a flattened 28x28 digit. */
class LeNet300100Test {

    @Test
    void paramsAreThePublished267Thousand() {
        // 784*300 + 300 + 300*100 + 100 + 100*10 + 10 = 235,500 + 30,100 + 1,010 = 266,610
        // (Han et al. 2015, Table 1: "267K")
        assertEquals(266_610L, LeNet300100Cost.PARAMS);
    }

    @Test
    void macsAndBiasAddsByHand() {
        // 784*300 + 300*100 + 100*10 = 235,200 + 30,000 + 1,000 = 266,200
        assertEquals(266_200L, LeNet300100Cost.MACS);
        // 300 + 100 + 10
        assertEquals(410L, LeNet300100Cost.BIAS_ADDS);
        // 2 * 266,200 + 410
        assertEquals(532_810L, LeNet300100Cost.FLOPS);
    }

    @Test
    void firstLayerFlattensTheImage() {
        LayerCost hidden1 = LeNet300100Cost.MODEL.layer("hidden1");
        assertEquals(LayerKind.DENSE, hidden1.kind());
        assertArrayEquals(new int[] {1, 28, 28}, hidden1.inputShape());
        assertArrayEquals(new int[] {300}, hidden1.outputShape());
        // 28*28 = 784 inputs
        assertEquals("in=784", hidden1.settings());
        assertEquals(235_200L, hidden1.macs());
    }

    @Test
    void shapes() {
        assertEquals("1x28x28", LeNet300100Cost.INPUT_SHAPE);
        assertEquals("10", LeNet300100Cost.OUTPUT_SHAPE);
        assertEquals(3, LeNet300100Cost.LAYERS);
    }
}
