package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import org.junit.jupiter.api.Test;

/**
 * VGG-16 against torchvision's published figures (15.47 "GFLOPS", which are MACs, and 138,357,544 parameters)
 * and by hand. Every convolution is 3x3 and keeps the size: {@code Cin * Cout * 9 * S*S} MACs.
 */
class Vgg16Test {

    @Test
    void macsAreTorchvisionsFigure() {
        // Doubling the channels at half the size costs half as much as keeping them; at each size S:
        //   3*64*9*224^2                                   =     86,704,128
        //   64*64*9*224^2 = 128*128*9*112^2 = ... = 512*512*9*28^2 = 1,849,688,064, six times
        //                                                  = 11,098,128,384
        //   64*128*9*112^2 = 128*256*9*56^2 = 256*512*9*28^2 = 924,844,032, three times
        //                                                  =  2,774,532,096
        //   512*512*9*14^2 = 462,422,016, three times      =  1,387,266,048
        //   fc 25,088*4,096 + 4,096*4,096 + 4,096*1,000    =    123,633,664
        // total                                              15,470,264,320
        assertEquals(15_470_264_320L, Vgg16Cost.MACS);
    }

    @Test
    void paramsAreTorchvisionsCount() {
        // conv weights 9 * (3*64 + 64*64 + 64*128 + 128*128 + 128*256 + 2*256*256 + 256*512 + 5*512*512)
        //   = 9 * 1,634,496 = 14,710,464, biases 2*64 + 2*128 + 3*256 + 6*512 = 4,224
        // fc 102,760,448 + 4,096 + 16,777,216 + 4,096 + 4,096,000 + 1,000 = 123,642,856
        // 14,710,464 + 4,224 + 123,642,856 = 138,357,544
        assertEquals(138_357_544L, Vgg16Cost.PARAMS);
        assertEquals(14_714_688L, Layers.params(Vgg16Cost.MODEL, "stage"));
    }

    @Test
    void firstConvolutionIsWorkedExampleOne() {
        LayerCost conv = layer("stage1.0.conv");
        // docs/FORMULAS.md#convolutions example 1: 64*224*224*3*9 = 86,704,128; bias adds 3,211,264; params 1,792
        assertEquals(86_704_128L, conv.macs());
        assertEquals(3_211_264L, conv.biasAdds());
        assertEquals(1_792L, conv.params());
    }

    @Test
    void fivePoolsHalveTheSizeTo7() {
        assertEquals(13, Layers.count(Vgg16Cost.MODEL, LayerKind.CONV));
        assertEquals(15, Layers.count(Vgg16Cost.MODEL, LayerKind.ACTIVATION));
        // 224 / 2^5 = 7
        assertArrayEquals(new int[] {512, 7, 7}, layer("pool5").outputShape());
        // 512*7*7 = 25,088 inputs: 25,088 * 4,096 weights and 4,096 biases
        assertEquals(102_764_544L, layer("fc1").params());
    }

    @Test
    void stageWidthsComeFromWith() {
        // stage4's three convolutions: 256 -> 512 then 512 -> 512, at 28x28
        assertEquals(256 * 512 * 9 * 784L + 2 * 512 * 512 * 9 * 784L, Layers.macs(Vgg16Cost.MODEL, "stage4."));
        assertArrayEquals(new int[] {512, 28, 28}, layer("stage4.2.relu").outputShape());
    }

    private static LayerCost layer(String name) {
        return Vgg16Cost.MODEL.layer(name);
    }
}
