package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.modelcost.Convention;
import dev.modelcost.LayerCost;
import dev.modelcost.ModelCost;
import dev.modelcost.StageCost;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stages of the sample networks at run time, {@link ModelCost#stages()}: ResNet's against sums worked out by
 * hand from torchvision's definitions, and every network's stages against its totals.
 */
class NetworkStagesTest {
    /** The figures that are sums over layers, so over the stages and the layers outside them too. */
    private static final List<Convention> SUMS = List.of(Convention.MACS, Convention.BIAS_ADDS, Convention.FLOPS,
            Convention.PARAMS, Convention.ACTIVATIONS, Convention.ACTIVATION_BYTES, Convention.BYTES_MOVED);

    @Test
    void resNet50sFirstStageIsItsThreeBottlenecks() {
        // torchvision's layer1: three bottlenecks of width 64 at 56x56, the first widening 64 to 256 channels
        // with a projection. A 1x1 convolution of c to d channels at 56x56 costs c * d * 56^2 MACs, a 3x3 one 9x.
        // layer1.0: conv1 64 -> 64          64 *  64 * 3,136 =  12,845,056
        //           conv2 3x3 64 -> 64  9 * 64 *  64 * 3,136 = 115,605,504
        //           conv3 64 -> 256         64 * 256 * 3,136 =  51,380,224
        //           downsample 64 -> 256    64 * 256 * 3,136 =  51,380,224
        //                                                      231,211,008
        // layer1.1 and layer1.2: conv1 256 -> 64 51,380,224 + conv2 115,605,504 + conv3 51,380,224
        //                                                    = 218,365,952 each
        // layer1 = 231,211,008 + 2 * 218,365,952             = 667,942,912
        ModelCost network = ResNet50Cost.MODEL;
        StageCost layer1 = network.stage("layer1");
        assertEquals(231_211_008L, network.stage("layer1.0").macs());
        assertEquals(218_365_952L, network.stage("layer1.1").macs());
        assertEquals(218_365_952L, network.stage("layer1.2").macs());
        assertEquals(667_942_912L, layer1.macs());
        assertEquals(667_942_912 / 4_089_184_256.0, layer1.macsShare());
        // Weights 4,096 + 36,864 + 16,384 + 16,384 = 73,728 and batch norms 2 * (64 + 64 + 256 + 256) = 1,280 in
        // the first block; 16,384 + 36,864 + 16,384 = 69,632 and 2 * (64 + 64 + 256) = 768 in each other one:
        // 75,008 + 2 * 70,400 = 215,808, torchvision's count for layer1
        assertEquals(75_008L, network.stage("layer1.0").params());
        assertEquals(215_808L, layer1.params());
        // after the stem's conv1, bn1, relu and maxpool (layers 0 to 3): 12 layers in the first block (its
        // projection and its batch norm), 10 in each other one
        assertEquals(4, layer1.first());
        assertEquals(35, layer1.last());
        assertEquals(32, layer1.layerCount());
        assertEquals(1, layer1.depth());
        assertEquals("layer1.2.relu3", network.layers().get(layer1.last()).name());
    }

    @Test
    void resNet50sStagesAndTheLayersOutsideThemMakeItsTotal() {
        // A first block that halves the size (width w, input 2w channels at 2O, output O): conv1 2w * w * (2O)^2,
        // conv2 9 * w^2 * O^2, conv3 w * 4w * O^2, projection 2w * 4w * O^2 = 29 w^2 O^2 = 372,506,624 whatever the
        // stage, since w * O is 128 * 28 in each; every later block 17 * 64^2 * 56^2 = 218,365,952 (ResNet50Test).
        ModelCost network = ResNet50Cost.MODEL;
        assertEquals(List.of("layer1", "layer2", "layer3", "layer4"),
                network.stages(1).stream().map(StageCost::name).toList());
        assertEquals(3 + 4 + 6 + 3, network.stages(2).size());
        assertEquals(372_506_624L + 3 * 218_365_952L, network.stage("layer2").macs());
        assertEquals(1_027_604_480L, network.stage("layer2").macs());
        assertEquals(1_464_336_384L, network.stage("layer3").macs());
        assertEquals(809_238_528L, network.stage("layer4").macs());
        // conv1 118,013,952 and fc 2,048,000 outside the stages:
        // 667,942,912 + 1,027,604,480 + 1,464,336,384 + 809,238,528 + 118,013,952 + 2,048,000 = 4,089,184,256
        long stages = network.stages(1).stream().mapToLong(StageCost::macs).sum();
        assertEquals(3_969_122_304L, stages);
        assertEquals(4_089_184_256L, stages + network.layer("conv1").macs() + network.layer("fc").macs());
        // torchvision's per-stage parameter counts (see ResNet50Test)
        assertEquals(14_964_736L, network.stage("layer4").params());
        assertEquals(14_964_736 / 25_557_032.0, network.stage("layer4").paramsShare());
    }

    @Test
    void resNet18sFirstStageIsFourThreeByThreeConvolutions() {
        // two basic blocks of two 3x3 convolutions, 64 -> 64 at 56x56, no projection:
        // 4 * 9 * 64 * 64 * 56^2 = 4 * 115,605,504 = 462,422,016
        assertEquals(462_422_016L, ResNet18Cost.MODEL.stage("layer1").macs());
        assertEquals(231_211_008L, ResNet18Cost.MODEL.stage("layer1.1").macs());
    }

    @Test
    void everyNetworksStagesAndOutsideLayersAddUpToItsTotalsExactly() {
        for (Map.Entry<String, ModelCost> entry : PrintCosts.NETWORKS.entrySet()) {
            ModelCost network = entry.getValue();
            for (Convention figure : SUMS) {
                long sum = 0;
                double shares = 0;
                for (StageCost stage : network.stages(1)) {
                    sum += stage.figure(figure);
                    shares += stage.share(figure);
                }
                for (LayerCost layer : network.layers()) {
                    if (layer.depth() == 0) {
                        sum += figure(layer, figure);
                        shares += total(network, figure) == 0 ? 0 : (double) figure(layer, figure)
                                / total(network, figure);
                    }
                }
                assertEquals(total(network, figure), sum, entry.getKey() + " " + figure);
                // a total of 0 has shares of 0
                assertEquals(total(network, figure) == 0 ? 0.0 : 1.0, shares, 1e-9, entry.getKey() + " " + figure);
            }
        }
    }

    @Test
    void everyStageIsTheSumOfItsRepetitions() {
        for (ModelCost network : PrintCosts.NETWORKS.values()) {
            for (StageCost stage : network.stages(1)) {
                long macs = 0;
                long params = 0;
                int layers = 0;
                for (StageCost repetition : network.stages(2)) {
                    if (repetition.name().startsWith(stage.name() + ".")) {
                        macs += repetition.macs();
                        params += repetition.params();
                        layers += repetition.layerCount();
                        assertTrue(repetition.first() >= stage.first() && repetition.last() <= stage.last());
                    }
                }
                assertEquals(stage.macs(), macs, stage.name());
                assertEquals(stage.params(), params, stage.name());
                assertEquals(stage.layerCount(), layers, stage.name());
                assertEquals(stage.last() - stage.first() + 1, stage.layerCount(), "a stage's layers are contiguous");
            }
        }
    }

    private static long figure(LayerCost layer, Convention figure) {
        return switch (figure) {
            case MACS -> layer.macs();
            case BIAS_ADDS -> layer.biasAdds();
            case FLOPS -> layer.flops();
            case PARAMS -> layer.params();
            case ACTIVATIONS -> layer.activations();
            case ACTIVATION_BYTES -> layer.activationBytes();
            case BYTES_MOVED -> layer.bytesMoved();
            default -> throw new IllegalArgumentException(figure.name());
        };
    }

    private static long total(ModelCost network, Convention figure) {
        return switch (figure) {
            case MACS -> network.macs();
            case BIAS_ADDS -> network.biasAdds();
            case FLOPS -> network.flops();
            case PARAMS -> network.params();
            case ACTIVATIONS -> network.activations();
            case ACTIVATION_BYTES -> network.activationBytes();
            case BYTES_MOVED -> network.bytesMoved();
            default -> throw new IllegalArgumentException(figure.name());
        };
    }
}
