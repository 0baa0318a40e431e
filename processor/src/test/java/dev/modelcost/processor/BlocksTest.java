package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.LayerCost;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.testing.Compiled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reusable blocks: parameters required and defaulted (defaults are expressions of earlier parameters and
 * {@code in}), {@code with} for every repetition and {@code first} for the first, repeat counts, {@code @When}
 * and what an absent layer passes on, {@code From.INPUT} inside a block, nested blocks, and the
 * {@code stage.repetition.layer} names. Expected figures are derived by hand in the comments.
 */
class BlocksTest {

    /** Compiles {@code b.N}: a network with this input, these fields and these nested classes. */
    private static ModelCost network(String input, String... members) {
        List<String> lines = new ArrayList<>(List.of(
                "package b;",
                "import dev.modelcost.*;",
                "@Network(input = " + input + ")",
                "public class N {"));
        lines.addAll(List.of(members));
        lines.add("}");
        Compiled compiled = Compiled.source(lines.toArray(String[]::new));
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        return compiled.model("b.NCost");
    }

    private static List<String> names(ModelCost model) {
        return model.layers().stream().map(LayerCost::name).toList();
    }

    private static long macsUnder(ModelCost model, String prefix) {
        return model.layers().stream().filter(l -> l.name().startsWith(prefix)).mapToLong(LayerCost::macs).sum();
    }

    /** ResNet-50's bottleneck (v1.5: the stride on the 3x3), without batch norm to keep the sums short. */
    private static final String[] BOTTLENECK = {
        "@Block static class Bottleneck {",
        "    @Param int width;",
        "    @Param(\"1\") int stride;",
        "    @Param(\"width * 4\") int out;",
        "    @Param(\"stride != 1 || in != out\") int project;",
        "    @Conv(outExpr = \"width\", kernel = 1, bias = false) Layer reduce;",
        "    @Conv(outExpr = \"width\", kernel = 3, strideExpr = \"stride\", padding = 1, bias = false) Layer conv;",
        "    @Conv(outExpr = \"out\", kernel = 1, bias = false) Layer expand;",
        "    @From(From.INPUT) @When(\"project\")",
        "    @Conv(outExpr = \"out\", kernel = 1, strideExpr = \"stride\", bias = false) Layer shortcut;",
        "    @Add({\"expand\", \"shortcut\"}) Layer sum;",
        "}",
    };

    private static String[] with(String[] block, String... fields) {
        List<String> members = new ArrayList<>(List.of(fields));
        members.addAll(List.of(block));
        return members.toArray(String[]::new);
    }

    @Test
    void stageRepeatsABlockWithDefaultsThatDependOnParametersAndTheInput() {
        ModelCost model = network("@Shape(channels = 64, size = {56, 56})", with(BOTTLENECK,
                "@Stage(block = Bottleneck.class, repeat = 3, with = \"width = 64\") Layer layer1;"));
        // Repetition 0: in = 64, out = 4 * 64 = 256, project = (64 != 256) = 1, so the shortcut exists.
        // Repetitions 1 and 2: in = 256 = out and stride 1: no shortcut, and the sum adds the block's input.
        assertThat(names(model)).containsExactly(
                "layer1.0.reduce", "layer1.0.conv", "layer1.0.expand", "layer1.0.shortcut", "layer1.0.sum",
                "layer1.1.reduce", "layer1.1.conv", "layer1.1.expand", "layer1.1.sum",
                "layer1.2.reduce", "layer1.2.conv", "layer1.2.expand", "layer1.2.sum").inOrder();
        // 56 x 56 = 3,136 positions throughout.
        assertThat(model.layer("layer1.0.reduce").macs()).isEqualTo(12_845_056L); // 64 * 3,136 * 64
        assertThat(model.layer("layer1.0.conv").macs()).isEqualTo(115_605_504L); // 64 * 3,136 * 64 * 9
        assertThat(model.layer("layer1.0.expand").macs()).isEqualTo(51_380_224L); // 256 * 3,136 * 64
        assertThat(model.layer("layer1.0.shortcut").macs()).isEqualTo(51_380_224L); // 256 * 3,136 * 64
        assertThat(model.layer("layer1.1.reduce").inputShape()).isEqualTo(new int[] {256, 56, 56});
        assertThat(model.layer("layer1.1.reduce").macs()).isEqualTo(51_380_224L); // 64 * 3,136 * 256
        // Repetition 0: 12,845,056 + 115,605,504 + 2 * 51,380,224 = 231,211,008;
        // repetitions 1 and 2: 51,380,224 + 115,605,504 + 51,380,224 = 218,365,952 each.
        assertThat(model.macs()).isEqualTo(231_211_008L + 2 * 218_365_952L);
        // Weights: 4,096 + 36,864 + 16,384 + 16,384 = 73,728; then 16,384 + 36,864 + 16,384 = 69,632 twice.
        assertThat(model.params()).isEqualTo(73_728L + 2 * 69_632L);
        // Each sum adds 256 x 56 x 56 once: 802,816 additions.
        assertThat(model.layer("layer1.2.sum").flops()).isEqualTo(802_816L);
        assertThat(model.outputShape()).isEqualTo(new int[] {256, 56, 56});
    }

    @Test
    void firstOverridesParametersForTheFirstRepetitionOnly() {
        ModelCost model = network("@Shape(channels = 256, size = {56, 56})", with(BOTTLENECK,
                "@Stage(block = Bottleneck.class, repeat = 2, with = \"width = 128\", first = \"stride = 2\")",
                "Layer layer2;"));
        // Repetition 0 has stride 2 (and so a projection); repetition 1 the default stride 1, and in = 512 = out.
        assertThat(model.layer("layer2.0.conv").settings()).isEqualTo("k=3 s=2 p=1 no-bias");
        assertThat(model.layer("layer2.0.conv").outputShape()).isEqualTo(new int[] {128, 28, 28});
        // Shortcut: floor((56 - 1) / 2) + 1 = 28.
        assertThat(model.layer("layer2.0.shortcut").outputShape()).isEqualTo(new int[] {512, 28, 28});
        assertThat(model.layer("layer2.1.conv").settings()).isEqualTo("k=3 s=1 p=1 no-bias");
        assertThat(model.layer("layer2.1.conv").outputShape()).isEqualTo(new int[] {128, 28, 28});
        assertThat(names(model)).doesNotContain("layer2.1.shortcut");
        // Repetition 0: reduce 128 * 3,136 * 256 = 102,760,448; conv 128 * 784 * 128 * 9 = 115,605,504;
        // expand 512 * 784 * 128 = 51,380,224; shortcut 512 * 784 * 256 = 102,760,448: 372,506,624.
        assertThat(macsUnder(model, "layer2.0.")).isEqualTo(372_506_624L);
        // Repetition 1: 128 * 784 * 512 + 115,605,504 + 51,380,224 = 218,365,952.
        assertThat(macsUnder(model, "layer2.1.")).isEqualTo(218_365_952L);
        assertThat(model.outputShape()).isEqualTo(new int[] {512, 28, 28});
    }

    @Test
    void anAbsentLayerPassesItsInputToTheLayersThatNameIt() {
        ModelCost model = network("@Shape(channels = 8, size = {4, 4})",
                "@Stage(block = Gated.class) Layer off;",
                "@From(From.INPUT) @Stage(block = Gated.class, with = \"extra = 1\") Layer on;",
                "@Block static class Gated {",
                "    @Param(\"0\") int extra;",
                "    @Conv(outExpr = \"in * 2\", kernel = 1) Layer conv;",
                // `in` is the block's input channels (8), not the previous layer's (16).
                "    @When(\"extra\") @Conv(outExpr = \"in * 3\", kernel = 1) Layer widen;",
                "    @When(\"extra == 1\") @BatchNorm Layer bn;",
                "    @Concat({\"bn\", From.INPUT}) Layer joined;",
                "    @From(From.INPUT) @When(\"extra > 0\") @Conv(outExpr = \"in\", kernel = 1) Layer side;",
                "    @Concat({\"joined\", \"side\"}) Layer all;",
                "}");
        // extra = 0: 'widen' stands for its input, conv's 16 channels; 'bn' for its input, 'widen', so 16 too;
        // joined = 16 + 8 = 24; 'side' stands for the block's input, 8: all = 24 + 8 = 32.
        assertThat(names(model)).containsExactly("off.0.conv", "off.0.joined", "off.0.all",
                "on.0.conv", "on.0.widen", "on.0.bn", "on.0.joined", "on.0.side", "on.0.all").inOrder();
        assertThat(model.layer("off.0.joined").outputShape()).isEqualTo(new int[] {24, 4, 4});
        assertThat(model.layer("off.0.all").outputShape()).isEqualTo(new int[] {32, 4, 4});
        // extra = 1: widen 16 -> 24, bn on 24, joined 24 + 8 = 32; side 8 -> 8; all 32 + 8 = 40.
        assertThat(model.layer("on.0.widen").outputShape()).isEqualTo(new int[] {24, 4, 4});
        assertThat(model.layer("on.0.joined").outputShape()).isEqualTo(new int[] {32, 4, 4});
        assertThat(model.layer("on.0.side").inputShape()).isEqualTo(new int[] {8, 4, 4});
        assertThat(model.layer("on.0.all").outputShape()).isEqualTo(new int[] {40, 4, 4});
        // 16 positions. MACs: conv 16 * 16 * 8 = 2,048 twice; widen 24 * 16 * 16 = 6,144; side 8 * 16 * 8 = 1,024.
        assertThat(model.macs()).isEqualTo(2 * 2_048L + 6_144 + 1_024);
        // Parameters: conv 16 * 8 + 16 = 144 twice; widen 24 * 16 + 24 = 408; bn 2 * 24 = 48; side 8 * 8 + 8 = 72.
        assertThat(model.params()).isEqualTo(2 * 144L + 408 + 48 + 72);
    }

    @Test
    void nestedBlocksPassTheirParametersThroughWith() {
        ModelCost model = network("@Shape(channels = 8, size = {8, 8})",
                "@Stage(block = Outer.class, repeat = 2, with = \"width = 16\") Layer stage;",
                // A network layer naming a stage takes its last repetition's output.
                "@From(\"stage\") @GlobalAvgPool Layer gap;",
                "@Block static class Outer {",
                "    @Param int width;",
                "    @Conv(outExpr = \"width\", kernel = 1) Layer pre;",
                "    @Stage(block = Inner.class, repeat = 2, with = \"w = width / 2\", first = \"s = 2\") Layer inner;",
                "    @Upsample(scale = 2) Layer up;",
                "    @Concat({\"up\", \"pre\"}) Layer joined;",
                "}",
                "@Block static class Inner {",
                "    @Param int w;",
                "    @Param(\"1\") int s;",
                "    @Conv(outExpr = \"w\", kernel = 3, padding = 1, strideExpr = \"s\") Layer conv;",
                "}");
        assertThat(names(model)).containsExactly(
                "stage.0.pre", "stage.0.inner.0.conv", "stage.0.inner.1.conv", "stage.0.up", "stage.0.joined",
                "stage.1.pre", "stage.1.inner.0.conv", "stage.1.inner.1.conv", "stage.1.up", "stage.1.joined",
                "gap").inOrder();
        // w = 16 / 2 = 8; the inner stage's first repetition has stride 2: 8 x 8 -> 4 x 4, then stride 1.
        assertThat(model.layer("stage.0.inner.0.conv").outputShape()).isEqualTo(new int[] {8, 4, 4});
        assertThat(model.layer("stage.0.inner.0.conv").settings()).isEqualTo("k=3 s=2 p=1");
        assertThat(model.layer("stage.0.inner.1.conv").settings()).isEqualTo("k=3 s=1 p=1");
        // joined: 8 + 16 = 24 channels, so the second repetition's pre takes 24.
        assertThat(model.layer("stage.0.joined").outputShape()).isEqualTo(new int[] {24, 8, 8});
        assertThat(model.layer("stage.1.pre").inputShape()).isEqualTo(new int[] {24, 8, 8});
        assertThat(model.layer("gap").inputShape()).isEqualTo(new int[] {24, 8, 8});
        // pre 16 * 64 * 8 = 8,192, then 16 * 64 * 24 = 24,576; inner 8 * 16 * 16 * 9 = 18,432 and
        // 8 * 16 * 8 * 9 = 9,216 in each repetition.
        assertThat(model.macs()).isEqualTo(8_192L + 24_576 + 2 * (18_432L + 9_216));
    }

    @Test
    void inIsTheInputChannelsOfEachRepetition() {
        ModelCost model = network("@Shape(channels = 8, size = {4, 4})",
                "@Stage(block = Keep.class, repeat = 3) Layer keep;",
                "@Stage(block = Keep.class, repeat = 3, first = \"factor = 2\") Layer grow;",
                "@Block static class Keep {",
                "    @Param(\"1\") int factor;",
                "    @Param(\"in * factor\") int out;",
                "    @Conv(outExpr = \"out\", kernel = 1, bias = false) Layer conv;",
                "}");
        // keep: 8 -> 8 three times; grow: 8 -> 16 first (out = 8 * 2), then in = 16 and out = 16 * 1.
        assertThat(model.layer("keep.2.conv").outputShape()).isEqualTo(new int[] {8, 4, 4});
        assertThat(model.layer("grow.0.conv").outputShape()).isEqualTo(new int[] {16, 4, 4});
        assertThat(model.layer("grow.1.conv").inputShape()).isEqualTo(new int[] {16, 4, 4});
        assertThat(model.layer("grow.2.conv").outputShape()).isEqualTo(new int[] {16, 4, 4});
        // 16 positions: 3 * (8 * 16 * 8) + 16 * 16 * 8 + 2 * (16 * 16 * 16) = 3,072 + 2,048 + 8,192.
        assertThat(model.macs()).isEqualTo(13_312L);
        assertThat(model.layers()).hasSize(6);
    }

    @Test
    void perDimensionValuesFromExpressions() {
        // Inception's 1 x k factorized convolution with k = 7: padding 0 x 3 keeps 17 x 17;
        // 64 * 289 * 64 * 7 = 8,286,208 MACs.
        ModelCost model = network("@Shape(channels = 64, size = {17, 17})",
                "@Stage(block = Row.class, with = \"k = 7\") Layer row;",
                "@Block static class Row {",
                "    @Param int k;",
                "    @Conv(outExpr = \"in\", kernelExpr = \"1, k\", paddingExpr = \"0, (k - 1) / 2\", bias = false)",
                "    Layer conv;",
                "}");
        LayerCost conv = model.layer("row.0.conv");
        assertThat(conv.outputShape()).isEqualTo(new int[] {64, 17, 17});
        assertThat(conv.settings()).isEqualTo("k=1x7 s=1 p=0x3 no-bias");
        assertThat(conv.macs()).isEqualTo(8_286_208L);
    }

    @Test
    void resNet18MatchesTorchvisionsPublishedFigures() {
        // torchvision publishes 1.81 GFLOPS (MACs of convolutions and the fc layer) and 11,689,512 parameters
        // (weights, the fc's bias, batch norm's scale and shift) for resnet18 at 3 x 224 x 224.
        Compiled compiled = Compiled.source(
                "package arch;",
                "import dev.modelcost.*;",
                "import static dev.modelcost.ActivationFunction.RELU;",
                "@Network(input = @Shape(channels = 3, size = {224, 224}))",
                "public class ResNet18 {",
                "    @Conv(out = 64, kernel = 7, stride = 2, padding = 3, bias = false) Layer conv1;",
                "    @BatchNorm Layer bn1;",
                "    @Activation(RELU) Layer relu;",
                "    @MaxPool(kernel = 3, stride = 2, padding = 1) Layer maxpool;",
                "    @Stage(block = Basic.class, repeat = 2, with = \"width = 64\") Layer layer1;",
                "    @Stage(block = Basic.class, repeat = 2, with = \"width = 128\", first = \"stride = 2\") Layer layer2;",
                "    @Stage(block = Basic.class, repeat = 2, with = \"width = 256\", first = \"stride = 2\") Layer layer3;",
                "    @Stage(block = Basic.class, repeat = 2, with = \"width = 512\", first = \"stride = 2\") Layer layer4;",
                "    @GlobalAvgPool Layer avgpool;",
                "    @Dense(out = 1000) Layer fc;",
                "    @Block",
                "    static class Basic {",
                "        @Param int width;",
                "        @Param(\"1\") int stride;",
                "        @Conv(outExpr = \"width\", kernel = 3, strideExpr = \"stride\", padding = 1, bias = false)",
                "        Layer conv1;",
                "        @BatchNorm Layer bn1;",
                "        @Activation(RELU) Layer relu1;",
                "        @Conv(outExpr = \"width\", kernel = 3, padding = 1, bias = false) Layer conv2;",
                "        @BatchNorm Layer bn2;",
                "        @From(From.INPUT) @When(\"stride != 1 || in != width\")",
                "        @Conv(outExpr = \"width\", kernel = 1, strideExpr = \"stride\", bias = false) Layer downsample;",
                "        @When(\"stride != 1 || in != width\") @BatchNorm Layer downsampleBn;",
                "        @Add({\"bn2\", \"downsampleBn\"}) Layer sum;",
                "        @Activation(RELU) Layer relu2;",
                "    }",
                "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.constant("arch.ResNet18Cost", "MACS")).isEqualTo(1_814_073_344L);
        assertThat(compiled.constant("arch.ResNet18Cost", "PARAMS")).isEqualTo(11_689_512L);
        ModelCost model = compiled.model("arch.ResNet18Cost");
        // 4 stem layers; 7 + 7 in layer1; 9 + 7 in each of layer2 to layer4 (the first with its projection);
        // pool and fc.
        assertThat(model.layers()).hasSize(4 + 14 + 3 * 16 + 2);
        assertThat(model.layer("layer3.0.downsample").outputShape()).isEqualTo(new int[] {256, 14, 14});
        assertThat(model.layer("layer4.1.relu2").outputShape()).isEqualTo(new int[] {512, 7, 7});
    }
}
