package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import org.junit.jupiter.api.Test;

/**
 * AlexNet against torchvision's published figures (0.71 "GFLOPS", which are MACs, and 61,100,840 parameters)
 * and by hand. A convolution's MACs are {@code Cout * O*O * Cin * k*k}.
 */
class AlexNetTest {

    @Test
    void macsAreTorchvisionsFigure() {
        // conv1  64 * 55*55 * 3 * 121      =  70,276,800
        // conv2 192 * 27*27 * 64 * 25      = 223,948,800
        // conv3 384 * 13*13 * 192 * 9      = 112,140,288
        // conv4 256 * 13*13 * 384 * 9      = 149,520,384
        // conv5 256 * 13*13 * 256 * 9      =  99,680,256
        // fc1   9,216 * 4,096              =  37,748,736
        // fc2   4,096 * 4,096              =  16,777,216
        // fc3   4,096 * 1,000              =   4,096,000
        // total                              714,188,480
        assertEquals(714_188_480L, AlexNetCost.MACS);
    }

    @Test
    void paramsAreTorchvisionsCount() {
        // weights + biases: 23,232 + 64, 307,200 + 192, 663,552 + 384, 884,736 + 256, 589,824 + 256,
        // 37,748,736 + 4,096, 16,777,216 + 4,096, 4,096,000 + 1,000 = 61,100,840
        assertEquals(61_100_840L, AlexNetCost.PARAMS);
    }

    @Test
    void firstConvolutionAndPoolShrinkTo27() {
        // conv1: floor((224 + 2*2 - 11) / 4) + 1 = 55; pool1: floor((55 - 3) / 2) + 1 = 27
        assertArrayEquals(new int[] {64, 55, 55}, layer("conv1").outputShape());
        assertArrayEquals(new int[] {64, 27, 27}, layer("pool1").outputShape());
        // one comparison per window tap: 64 * 27*27 * 9 = 419,904
        assertEquals(419_904L, layer("pool1").flops());
        // bias additions 64 * 55*55 = 193,600
        assertEquals(193_600L, layer("conv1").biasAdds());
    }

    @Test
    void classifierSeesTheFlattened256x6x6Map() {
        // pool5: floor((13 - 3) / 2) + 1 = 6; the adaptive pool to 6x6 then has windows of one element
        assertArrayEquals(new int[] {256, 6, 6}, layer("avgpool").outputShape());
        assertEquals(256 * 36L, layer("avgpool").flops());
        LayerCost fc1 = layer("fc1");
        // 256*6*6 = 9,216 inputs: 9,216 * 4,096 = 37,748,736 weights, plus 4,096 biases
        assertEquals(37_748_736L, fc1.macs());
        assertEquals(37_752_832L, fc1.params());
    }

    @Test
    void dropoutAndReluAddNoParameters() {
        assertEquals(0L, layer("dropout1").flops() + layer("dropout1").params());
        // one comparison per element of fc1's 4,096 outputs
        assertEquals(4_096L, layer("relu6").flops());
        assertEquals(0L, layer("relu6").params());
    }

    private static LayerCost layer(String name) {
        return AlexNetCost.MODEL.layer(name);
    }
}
