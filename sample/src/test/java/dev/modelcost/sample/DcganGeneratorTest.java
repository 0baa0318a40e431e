package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import org.junit.jupiter.api.Test;

/**
 * DCGAN's generator against its known figures. A transposed convolution multiplies once per input position,
 * input channel, output channel and kernel tap: {@code Cin * prod(S) * Cout * 16} here.
 */
class DcganGeneratorTest {

    @Test
    void macsAreThePublishedFigure() {
        // project  100 * (1*1)   * 512 * 16 =     819,200
        // up1      512 * (4*4)   * 256 * 16 =  33,554,432
        // up2      256 * (8*8)   * 128 * 16 =  33,554,432
        // up3      128 * (16*16) *  64 * 16 =  33,554,432
        // toImage   64 * (32*32) *   3 * 16 =   3,145,728
        // total                               104,628,224
        assertEquals(104_628_224L, DcganGeneratorCost.MACS);
    }

    @Test
    void paramsAreTheWeightsAndTheBatchNorms() {
        // weights: 100*512*16 + 512*256*16 + 256*128*16 + 128*64*16 + 64*3*16
        //   = 819,200 + 2,097,152 + 524,288 + 131,072 + 3,072 = 3,574,784 (no biases)
        // batch norm after the first four: 2 * (512 + 256 + 128 + 64) = 1,920
        // total 3,576,704
        assertEquals(3_576_704L, DcganGeneratorCost.PARAMS);
        assertEquals(1_024L, layer("projectBn").params());
    }

    @Test
    void flopsAreTwiceTheMacsPlusTheNormalizationsAndActivations() {
        assertEquals(0L, DcganGeneratorCost.BIAS_ADDS);
        // elements after the first four layers: 8,192 + 16,384 + 32,768 + 65,536 = 122,880
        // 2 * 104,628,224 + batch norm 2 * 122,880 + ReLU 122,880 + Tanh 5 * 3*64*64
        //   = 209,256,448 + 245,760 + 122,880 + 61,440 = 209,686,528
        assertEquals(209_686_528L, DcganGeneratorCost.FLOPS);
        assertEquals(61_440L, layer("tanh").flops());
    }

    @Test
    void shapesGrowFromNoiseToImage() {
        assertEquals("100x1x1", DcganGeneratorCost.INPUT_SHAPE);
        assertEquals("3x64x64", DcganGeneratorCost.OUTPUT_SHAPE);
        // five transposed convolutions, four batch norms and ReLUs, the Tanh
        assertEquals(14, DcganGeneratorCost.LAYERS);
        // (1 - 1)*1 - 0 + 3 + 1 = 4, then (S - 1)*2 - 2 + 3 + 1 = 2S each: 8, 16, 32, 64
        assertArrayEquals(new int[] {512, 4, 4}, layer("project").outputShape());
        assertArrayEquals(new int[] {256, 8, 8}, layer("up1").outputShape());
        assertArrayEquals(new int[] {64, 32, 32}, layer("up3").outputShape());
    }

    @Test
    void firstUpsamplingIsWorkedExampleFour() {
        LayerCost up1 = layer("up1");
        assertEquals(LayerKind.DECONV, up1.kind());
        assertArrayEquals(new int[] {512, 4, 4}, up1.inputShape());
        // 512*16*256*16 = 33,554,432; weights 512*256*16 = 2,097,152
        assertEquals(33_554_432L, up1.macs());
        assertEquals(2_097_152L, up1.params());
        assertEquals(0L, up1.biasAdds());
    }

    @Test
    void activationsAreEveryLayersOutput() {
        // the transposed convolutions: 512*16 + 256*64 + 128*256 + 64*1024 + 3*4096
        //   = 8,192 + 16,384 + 32,768 + 65,536 + 12,288 = 135,168;
        // as much again from each batch norm and ReLU, 2 * 122,880, and the Tanh's 12,288: 393,216
        assertEquals(393_216L, DcganGeneratorCost.ACTIVATIONS);
    }

    private static LayerCost layer(String name) {
        return DcganGeneratorCost.MODEL.layer(name);
    }
}
