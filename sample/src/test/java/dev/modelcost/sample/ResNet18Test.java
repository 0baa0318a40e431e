package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import org.junit.jupiter.api.Test;

/**
 * ResNet-18 against torchvision's published figures (1.81 "GFLOPS", which are MACs, and 11,689,512 parameters)
 * and by hand. Stages 2 to 4 cost the same: each halves the size and doubles the channels.
 */
class ResNet18Test {

    @Test
    void macsAreTorchvisionsFigure() {
        // conv1 64 * 112*112 * 3 * 49                                           =   118,013,952
        // layer1: four 3x3 convolutions 64 -> 64 at 56x56, 64*64*9*3,136 each   =   462,422,016
        // layer2: 64*128*9*784 + three times 128*128*9*784 + projection 64*128*784
        //       = 57,802,752 + 346,816,512 + 6,422,528 = 411,041,792; layer3 and layer4 the same
        //                                                                       = 1,233,125,376
        // fc 512 * 1,000                                                        =       512,000
        // total                                                                   1,814,073,344
        assertEquals(1_814_073_344L, ResNet18Cost.MACS);
        assertEquals(411_041_792L, Layers.macs(ResNet18Cost.MODEL, "layer2."));
        assertEquals(411_041_792L, Layers.macs(ResNet18Cost.MODEL, "layer4."));
    }

    @Test
    void paramsAreTorchvisionsCount() {
        // conv1 9,408 + bn1 128; layer1 4*36,864 + 4*128 = 147,968;
        // layer2 73,728 + 3*147,456 + 8,192 + 5*256 = 525,568; layer3 294,912 + 3*589,824 + 32,768 + 5*512
        // = 2,099,712; layer4 1,179,648 + 3*2,359,296 + 131,072 + 5*1,024 = 8,393,728; fc 513,000
        // total 11,689,512
        assertEquals(11_689_512L, ResNet18Cost.PARAMS);
        assertEquals(525_568L, Layers.params(ResNet18Cost.MODEL, "layer2."));
    }

    @Test
    void stemQuartersTheSize() {
        // conv1: floor((224 + 6 - 7) / 2) + 1 = 112; maxpool: floor((112 + 2 - 3) / 2) + 1 = 56
        assertArrayEquals(new int[] {64, 112, 112}, layer("conv1").outputShape());
        assertArrayEquals(new int[] {64, 56, 56}, layer("maxpool").outputShape());
        // batch norm: 2 parameters per channel, 2 operations per element: 2 * 64*112*112 = 1,605,632
        assertEquals(128L, layer("bn1").params());
        assertEquals(1_605_632L, layer("bn1").flops());
    }

    @Test
    void onlyTheFirstBlockOfAStridedStageProjects() {
        assertFalse(Layers.has(ResNet18Cost.MODEL, "layer1.0.downsample"));
        assertFalse(Layers.has(ResNet18Cost.MODEL, "layer2.1.downsample"));
        LayerCost downsample = layer("layer2.0.downsample");
        assertArrayEquals(new int[] {64, 56, 56}, downsample.inputShape());
        assertArrayEquals(new int[] {128, 28, 28}, downsample.outputShape());
        // 128 * 28*28 * 64 = 6,422,528; weights 64*128 = 8,192
        assertEquals(6_422_528L, downsample.macs());
        assertEquals(8_192L, downsample.params());
        // conv1, 8 blocks of two, and the projections of layer2, layer3 and layer4
        assertEquals(20, Layers.count(ResNet18Cost.MODEL, LayerKind.CONV));
    }

    @Test
    void everyBlockAddsItsShortcut() {
        assertEquals(8, Layers.count(ResNet18Cost.MODEL, LayerKind.ADD));
        // one addition per element of 128x28x28
        assertEquals(100_352L, layer("layer2.0.sum").flops());
    }

    private static LayerCost layer(String name) {
        return ResNet18Cost.MODEL.layer(name);
    }
}
