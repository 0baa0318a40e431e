package dev.modelcost.processor.testing;

/** Networks with stages whose figures the tests of the tables by stage derive by hand. */
public final class StagedNetworks {
    private StagedNetworks() {
    }

    /**
     * A stem, a stage of two repetitions of a convolution and a ReLU, and a head, on a device of 1 GFLOP/s and
     * 1 GB/s, so that a layer's roofline bound in nanoseconds is the larger of its FLOPs and its bytes moved. In
     * FP32, on 4x8x8 (64 positions):
     *
     * <pre>
     *   #  layer        MACs              params         FLOPs                   bytes moved (in + out + params) x 4  ns
     *   0  stem         8*64*4 = 2,048    4*8 + 8 = 40   2*2,048 + 512 = 4,608   (256 + 512 + 40) x 4 = 3,232         4,608
     *   1  body.0.conv  8*64*8 = 4,096    8*8 + 8 = 72   2*4,096 + 512 = 8,704   (512 + 512 + 72) x 4 = 4,384         8,704
     *   2  body.0.relu  0                 0              512                     (512 + 512) x 4 = 4,096              4,096
     *   3  body.1.conv  4,096             72             8,704                   4,384                                8,704
     *   4  body.1.relu  0                 0              512                     4,096                                4,096
     *   5  fc           512*10 = 5,120    5,130          2*5,120 + 10 = 10,250   (512 + 10 + 5,130) x 4 = 22,608      22,608
     *      network      15,360            5,314          33,290                  42,800                               52,816
     *      body         8,192             144            18,432                  16,960                               25,600
     *      body.0       4,096             72             9,216                   8,480                                12,800
     * </pre>
     *
     * Backward: stem is fed by the input (its weight gradients only); every layer after it computes its input
     * gradient, each convolution also its weight gradients: body.N.conv 2 x 4,096 = 8,192 MACs and 2 x 8,192 + 512
     * bias gradients = 16,896 FLOPs, body.N.relu 2 FLOPs per element = 1,024. So body.0: 8,192 MACs, 17,920 FLOPs;
     * body: 16,384 and 35,840. Activations: 512 per layer of body, 2,048 for body, 8,192 bytes.
     */
    public static final String[] STAGED = {
        "package st;",
        "import dev.modelcost.*;",
        "@Network(input = @Shape(channels = 4, size = {8, 8}))",
        "@Device(name = \"test device\", peakFlops = 1_000_000_000L, bandwidth = 1_000_000_000L)",
        "public class Staged {",
        "    @Block static class Unit {",
        "        @Conv(outExpr = \"in\", kernel = 1) Layer conv;",
        "        @Activation(ActivationFunction.RELU) Layer relu;",
        "    }",
        "    @Conv(out = 8, kernel = 1) Layer stem;",
        "    @Stage(block = Unit.class, repeat = 2) Layer body;",
        "    @Dense(out = 10) Layer fc;",
        "}"};

    /**
     * A block inside a block: each of body's two repetitions holds a convolution of its own, {@code pre}, a stage
     * {@code inner} of two convolutions, and another convolution of its own, {@code post}; every convolution but
     * the stem is 1x1 8 -> 8 on 8x8: 4,096 MACs and 72 parameters. body.0 is body.0.pre, body.0.inner.0.conv,
     * body.0.inner.1.conv and body.0.post: 16,384 MACs; body 32,768; with the stem's 4 -> 8 (2,048), 34,816 in
     * all. No device.
     */
    public static final String[] NESTED = {
        "package st;",
        "import dev.modelcost.*;",
        "@Network(input = @Shape(channels = 4, size = {8, 8}))",
        "public class Nested {",
        "    @Block static class Inner {",
        "        @Conv(outExpr = \"in\", kernel = 1) Layer conv;",
        "    }",
        "    @Block static class Outer {",
        "        @Conv(outExpr = \"in\", kernel = 1) Layer pre;",
        "        @Stage(block = Inner.class, repeat = 2) Layer inner;",
        "        @Conv(outExpr = \"in\", kernel = 1) Layer post;",
        "    }",
        "    @Conv(out = 8, kernel = 1) Layer stem;",
        "    @Stage(block = Outer.class, repeat = 2) Layer body;",
        "}"};

    /**
     * 1,202 layers: a stem, 300 repetitions of four layers (a 3x3 convolution 16 -> 16, a batch norm, a ReLU and a
     * sum), a head. Its table of every layer alone is longer than a GitHub comment may be.
     */
    public static final String[] DEEP = {
        "package st;",
        "import dev.modelcost.*;",
        "@Network(input = @Shape(channels = 16, size = {8, 8}))",
        "@Device(preset = DevicePreset.A100, precision = Precision.FP16)",
        "public class Deep {",
        "    @Block static class Unit {",
        "        @Conv(outExpr = \"in\", kernel = 3, padding = 1) Layer conv;",
        "        @BatchNorm Layer bn;",
        "        @Activation(ActivationFunction.RELU) Layer relu;",
        "        @Add({\"relu\", \"conv\"}) Layer sum;",
        "    }",
        "    @Conv(out = 16, kernel = 1) Layer stem;",
        "    @Stage(block = Unit.class, repeat = 300) Layer body;",
        "    @Dense(out = 10) Layer fc;",
        "}"};
}
