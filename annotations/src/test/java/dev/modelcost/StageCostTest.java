package dev.modelcost;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelCost#stages()} and {@link StageCost} on a hand-built network with a block inside a block:
 *
 * <pre>
 * index  layer               MACs     params  latency
 *   0    stem                     1        2        3
 *   1    enc.0.conv              10       20       30
 *   2    enc.0.inner.0.a        100      200      300
 *   3    enc.0.inner.1.a      1,000    2,000    3,000
 *   4    enc.0.sum                0        0        0
 *   5    enc.1.conv          10,000   20,000   30,000
 *   6    head               100,000  200,000  300,000
 * </pre>
 *
 * Every layer also has 1 bias addition, FLOPs {@code 2 * MACs + 1}, 5 activations, 20 activation bytes and
 * {@code 100 + index} bytes moved, so each sum below is read off the table by hand.
 */
class StageCostTest {
    private static final String[] NAMES =
            {"stem", "enc.0.conv", "enc.0.inner.0.a", "enc.0.inner.1.a", "enc.0.sum", "enc.1.conv", "head"};
    private static final long[] MACS = {1, 10, 100, 1_000, 0, 10_000, 100_000};

    @Test
    void everyGroupInPreOrderWithItsDepthAndLayers() {
        List<StageCost> stages = network(true).stages();
        List<String> names = new ArrayList<>();
        stages.forEach(stage -> names.add(stage.name()));
        assertThat(names).containsExactly("enc", "enc.0", "enc.0.inner", "enc.0.inner.0", "enc.0.inner.1", "enc.1")
                .inOrder();
        StageCost enc = stages.get(0);
        assertThat(enc.depth()).isEqualTo(1);
        assertThat(enc.isStage()).isTrue();
        assertThat(enc.first()).isEqualTo(1);
        assertThat(enc.last()).isEqualTo(5);
        assertThat(enc.layerCount()).isEqualTo(5);
        StageCost inner = network(true).stage("enc.0.inner");
        assertThat(inner.depth()).isEqualTo(3);
        assertThat(inner.isStage()).isTrue();
        assertThat(inner.first()).isEqualTo(2);
        assertThat(inner.last()).isEqualTo(3);
        assertThat(network(true).stage("enc.0.inner.1").depth()).isEqualTo(4);
        assertThat(network(true).stage("enc.0.inner.1").isStage()).isFalse();
        assertThat(network(true).stage("enc.1").layerCount()).isEqualTo(1);
    }

    @Test
    void sumsOfTheLayersItHolds() {
        ModelCost network = network(true);
        StageCost enc = network.stage("enc");
        // layers 1 to 5: 10 + 100 + 1,000 + 0 + 10,000
        assertThat(enc.macs()).isEqualTo(11_110);
        assertThat(enc.params()).isEqualTo(22_220);
        assertThat(enc.biasAdds()).isEqualTo(5);
        // 2 * 11,110 + 5 bias additions
        assertThat(enc.flops()).isEqualTo(22_225);
        assertThat(enc.activations()).isEqualTo(25);
        assertThat(enc.activationBytes()).isEqualTo(100);
        // (100 + 1) + (100 + 2) + ... + (100 + 5) = 500 + 15
        assertThat(enc.bytesMoved()).isEqualTo(515);
        assertThat(enc.latencyNanos()).isEqualTo(33_330);
        StageCost block = network.stage("enc.0");
        // layers 1 to 4: 10 + 100 + 1,000 + 0
        assertThat(block.macs()).isEqualTo(1_110);
        assertThat(block.figure(Convention.MACS)).isEqualTo(1_110);
        assertThat(block.figure(Convention.BYTES_MOVED)).isEqualTo(101 + 102 + 103 + 104);
        assertThat(network.stage("enc.0.inner").macs()).isEqualTo(1_100);
        assertThat(network.stage("enc.0.inner.0").macs()).isEqualTo(100);
    }

    @Test
    void sharesOfTheNetworksTotals() {
        ModelCost network = network(true);
        StageCost enc = network.stage("enc");
        // network: 111,111 MACs, 222,222 params, 7 bias additions, 2 * 111,111 + 7 = 222,229 FLOPs, 35
        // activations, 140 activation bytes, 7 * 100 + (0 + 1 + ... + 6) = 721 bytes moved, 333,333 ns
        assertThat(enc.macsShare()).isEqualTo(11_110 / 111_111.0);
        assertThat(enc.paramsShare()).isEqualTo(22_220 / 222_222.0);
        assertThat(enc.flopsShare()).isEqualTo(22_225 / 222_229.0);
        assertThat(enc.biasAddsShare()).isEqualTo(5 / 7.0);
        assertThat(enc.activationsShare()).isEqualTo(25 / 35.0);
        assertThat(enc.activationBytesShare()).isEqualTo(100 / 140.0);
        assertThat(enc.bytesMovedShare()).isEqualTo(515 / 721.0);
        assertThat(enc.latencyShare()).isEqualTo(33_330 / 333_333.0);
        assertThat(enc.share(Convention.MACS)).isEqualTo(enc.macsShare());
        assertThat(network.stage("enc.0.inner.0").macsShare()).isEqualTo(100 / 111_111.0);
    }

    @Test
    void theStagesAndTheLayersOutsideThemAddUpToTheTotals() {
        ModelCost network = network(true);
        long macs = 0;
        long params = 0;
        for (StageCost stage : network.stages(1)) {
            macs += stage.macs();
            params += stage.params();
        }
        for (LayerCost layer : network.layers()) {
            if (layer.depth() == 0) {
                macs += layer.macs();
                params += layer.params();
            }
        }
        assertThat(macs).isEqualTo(network.macs());
        assertThat(params).isEqualTo(network.params());
        // the two repetitions at depth 2 hold every layer of enc: 1,110 + 10,000
        assertThat(network.stages(2).stream().mapToLong(StageCost::macs).sum()).isEqualTo(11_110);
    }

    @Test
    void byDepth() {
        ModelCost network = network(true);
        assertThat(network.stages(1)).containsExactly(network.stage("enc"));
        assertThat(network.stages(2)).containsExactly(network.stage("enc.0"), network.stage("enc.1")).inOrder();
        assertThat(network.stages(4)).hasSize(2);
        assertThat(network.stages(5)).isEmpty();
        assertThrows(IllegalArgumentException.class, () -> network.stages(0));
    }

    @Test
    void withoutADeviceTheLatencyIsMinusOneAndItsShareNaN() {
        StageCost enc = network(false).stage("enc");
        assertThat(enc.latencyNanos()).isEqualTo(-1);
        assertThat(enc.latencyShare()).isNaN();
        assertThat(enc.macs()).isEqualTo(11_110);
    }

    @Test
    void aShareOfATotalOfZeroIsZero() {
        List<LayerCost> layers = List.of(new LayerCost(0, "s.0.relu", LayerKind.ACTIVATION, "relu", new int[] {4},
                new int[] {4}, 0, 0, 4, 0, 4, 16, 32, -1));
        ModelCost network = new ModelCost("relu only", new int[] {4}, new int[] {4}, 0, 0, 4, 0, 4, "FP32", 0, 16,
                32, 32, -1, layers);
        assertThat(network.stage("s").macsShare()).isEqualTo(0.0);
        assertThat(network.stage("s").flopsShare()).isEqualTo(1.0);
    }

    @Test
    void unknownNamesAndFiguresThatAreNotSumsAreErrors() {
        ModelCost network = network(true);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> network.stage("dec"));
        assertThat(error).hasMessageThat().contains("'dec'");
        // a layer is not a group, nor is a prefix that stops inside a name
        assertThrows(IllegalArgumentException.class, () -> network.stage("enc.1.conv"));
        assertThrows(IllegalArgumentException.class, () -> network.stage("en"));
        StageCost enc = network.stage("enc");
        assertThrows(IllegalArgumentException.class, () -> enc.figure(Convention.PEAK_ACTIVATION_BYTES));
        assertThrows(IllegalArgumentException.class, () -> enc.share(Convention.INTENSITY));
    }

    @Test
    void immutableAndComputedOnce() {
        ModelCost network = network(true);
        assertThat(network.stages()).isSameInstanceAs(network.stages());
        assertThat(network.stage("enc")).isSameInstanceAs(network.stages().get(0));
        assertThrows(UnsupportedOperationException.class, () -> network.stages().clear());
        assertThrows(UnsupportedOperationException.class, () -> network.stages(2).clear());
        assertThat(network.stage("enc").toString()).isEqualTo("enc: layers 1 to 5 (5 layers)");
    }

    @Test
    void aNetworkWithoutStagesHasNone() {
        List<LayerCost> layers = List.of(layer(0, "fc", 6, 7, 8));
        ModelCost network = new ModelCost("one", new int[] {3}, new int[] {2}, 6, 1, 13, 7, 5, "FP32", 28, 20, 20,
                100, 8, layers);
        assertThat(network.stages()).isEmpty();
        assertThat(network.stages(1)).isEmpty();
    }

    @Test
    void aLayerNamesItsInnermostGroupAndDepth() {
        ModelCost network = network(true);
        assertThat(network.layer("stem").stage()).isEmpty();
        assertThat(network.layer("stem").depth()).isEqualTo(0);
        assertThat(network.layer("enc.0.conv").stage()).isEqualTo("enc.0");
        assertThat(network.layer("enc.0.conv").depth()).isEqualTo(2);
        assertThat(network.layer("enc.0.inner.1.a").stage()).isEqualTo("enc.0.inner.1");
        assertThat(network.layer("enc.0.inner.1.a").depth()).isEqualTo(4);
    }

    @Test
    void aBlockThatReturnsAfterAnotherIsOneGroupAsInTheReports() {
        // Not what the processor generates, but the rule of Stages and the JSON report's stages merge them.
        List<LayerCost> layers = List.of(layer(0, "a.0.x", 1, 0, 0), layer(1, "b.0.x", 10, 0, 0),
                layer(2, "a.0.y", 100, 0, 0));
        ModelCost network = new ModelCost("odd", new int[] {1}, new int[] {1}, 111, 3, 225, 0, 15, "FP32", 0, 60,
                20, 303, 0, layers);
        assertThat(network.stages().stream().map(StageCost::name).toList())
                .containsExactly("a", "a.0", "b", "b.0").inOrder();
        assertThat(network.stage("a.0").macs()).isEqualTo(101);
        assertThat(network.stage("a.0").layerCount()).isEqualTo(2);
        assertThat(network.stage("a.0").last()).isEqualTo(2);
    }

    @Test
    void aMillionLayersInLinearTime() {
        // 1,000 stages of 100 repetitions of 10 layers; a pass that compared every layer with every group, or
        // built each group's name per layer from scratch, would take far longer than the limit.
        int count = 1_000_000;
        List<LayerCost> layers = new ArrayList<>(count);
        int[] shape = {1};
        for (int i = 0; i < count; i++) {
            String name = "s" + i / 1_000 + "." + i / 10 % 100 + ".l" + i % 10;
            layers.add(new LayerCost(i, name, LayerKind.LINEAR, "", shape, shape, 1, 0, 2, 1, 1, 4, 12, -1));
        }
        ModelCost network = new ModelCost("big", shape, shape, count, 0, 2L * count, count, count, "FP32",
                4L * count, 4L * count, 8, 12L * count, -1, layers);
        List<StageCost> stages = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> network.stages());
        // 1,000 stages, each followed by its 100 repetitions
        assertThat(stages).hasSize(101_000);
        assertThat(stages.get(1).name()).isEqualTo("s0.0");
        assertThat(network.stage("s999").first()).isEqualTo(999_000);
        assertThat(network.stage("s999").macs()).isEqualTo(1_000);
        assertThat(network.stage("s999.99").layerCount()).isEqualTo(10);
        assertThat(network.stage("s500").macsShare()).isEqualTo(0.001);
    }

    /** The network of the class comment, with latency bounds or, without a device, none. */
    private static ModelCost network(boolean device) {
        List<LayerCost> layers = new ArrayList<>();
        long latency = 0;
        for (int i = 0; i < NAMES.length; i++) {
            layers.add(layer(i, NAMES[i], MACS[i], 2 * MACS[i], device ? 3 * MACS[i] : -1));
            latency += 3 * MACS[i];
        }
        return new ModelCost("nested", new int[] {3, 8, 8}, new int[] {10}, 111_111, 7, 222_229, 222_222, 35,
                "FP32", 888_888, 140, 40, 721, device ? latency : -1, layers);
    }

    private static LayerCost layer(int index, String name, long macs, long params, long latencyNanos) {
        return new LayerCost(index, name, LayerKind.CONV, "k=1", new int[] {3, 8, 8}, new int[] {3, 8, 8}, macs, 1,
                2 * macs + 1, params, 5, 20, 100 + index, latencyNanos);
    }
}
