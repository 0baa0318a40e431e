package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * ResNet-50 against torchvision's published figures (4.09 "GFLOPS", which are MACs, and 25,557,032 parameters)
 * and by hand. A bottleneck of width w costs {@code in*w*S^2 + 9*w^2*O^2 + 4*w^2*O^2}, plus {@code in*4w*O^2}
 * with a projection, for input size S and output size O.
 */
class ResNet50Test {

    @Test
    void macsAreTorchvisionsFigure() {
        // The 12 blocks after the first of each stage take 4w channels and keep the size, so each costs
        // 4w^2*S^2 + 9w^2*S^2 + 4w^2*S^2 = 17 * 64^2 * 56^2 (w*S is the same in every stage)
        //                                                                   = 12 * 218,365,952 = 2,620,391,424
        // First blocks of layer2..4 (in = 2w, S = 2O): 8w^2O^2 + 9w^2O^2 + 4w^2O^2 + 8w^2O^2
        //   = 29 * 128^2 * 28^2                                           =  3 * 372,506,624 = 1,117,519,872
        // layer1's first block (in = w, S = O = 56): (1 + 9 + 4 + 4) * 64^2 * 56^2           =   231,211,008
        // conv1 64 * 112*112 * 3 * 49                                                        =   118,013,952
        // fc 2,048 * 1,000                                                                   =     2,048,000
        // total                                                                                4,089,184,256
        assertEquals(4_089_184_256L, ResNet50Cost.MACS);
        assertEquals(218_365_952L, Layers.macs(ResNet50Cost.MODEL, "layer3.4."));
        assertEquals(372_506_624L, Layers.macs(ResNet50Cost.MODEL, "layer4.0."));
    }

    @Test
    void paramsAreTorchvisionsCount() {
        // Per stage, weights + batch norm (torchvision's per-stage counts):
        // layer1   215,808 = 73,728 + 1,280 (first block) + 2 * (69,632 + 768)
        // layer2 1,219,584 = 376,832 + 2,560 + 3 * (278,528 + 1,536)
        // layer3 7,098,368 = 1,507,328 + 5,120 + 5 * (1,114,112 + 3,072)
        // layer4 14,964,736 = 6,029,312 + 10,240 + 2 * (4,456,448 + 6,144)
        // conv1 9,408 + bn1 128 + fc 2,049,000; total 25,557,032
        assertEquals(25_557_032L, ResNet50Cost.PARAMS);
        assertEquals(215_808L, Layers.params(ResNet50Cost.MODEL, "layer1."));
        assertEquals(1_219_584L, Layers.params(ResNet50Cost.MODEL, "layer2."));
        assertEquals(7_098_368L, Layers.params(ResNet50Cost.MODEL, "layer3."));
        assertEquals(14_964_736L, Layers.params(ResNet50Cost.MODEL, "layer4."));
    }

    @Test
    void strideIsOnTheThreeByThreeConvolution() {
        LayerCost conv2 = layer("layer2.0.conv2");
        assertArrayEquals(new int[] {128, 56, 56}, conv2.inputShape());
        assertArrayEquals(new int[] {128, 28, 28}, conv2.outputShape());
        // 128 * 28*28 * 128 * 9 = 115,605,504
        assertEquals(115_605_504L, conv2.macs());
        // conv1 before it keeps 56x56: 256 * 128 * 56*56 = 102,760,448
        assertArrayEquals(new int[] {128, 56, 56}, layer("layer2.0.conv1").outputShape());
        assertEquals(102_760_448L, layer("layer2.0.conv1").macs());
    }

    @Test
    void firstBlockOfEveryStageProjectsItsInput() {
        // layer1.0 keeps the size but widens 64 to 256 channels, so it projects too
        LayerCost downsample = layer("layer1.0.downsample");
        assertArrayEquals(new int[] {256, 56, 56}, downsample.outputShape());
        // 256 * 56*56 * 64 = 51,380,224
        assertEquals(51_380_224L, downsample.macs());
        assertFalse(Layers.has(ResNet50Cost.MODEL, "layer1.1.downsample"));
        assertTrue(Layers.has(ResNet50Cost.MODEL, "layer4.0.downsampleBn"));
        // 3 + 4 + 6 + 3 blocks, 3 convolutions each, 4 projections, the stem
        assertEquals(16, Layers.count(ResNet50Cost.MODEL, LayerKind.ADD));
        assertEquals(53, Layers.count(ResNet50Cost.MODEL, LayerKind.CONV));
        assertArrayEquals(new int[] {2048, 7, 7}, layer("layer4.2.relu3").outputShape());
    }

    @Test
    void declarationIsAtMost60Lines() throws IOException {
        // Maven runs the tests in the module directory and names it in "basedir"
        Path source = Path.of(System.getProperty("basedir", ""), "src/main/java/dev/modelcost/sample/ResNet50.java");
        assertTrue(Files.readAllLines(source).size() <= 60, source + " is longer than the issue allows");
    }

    private static LayerCost layer(String name) {
        return ResNet50Cost.MODEL.layer(name);
    }
}
