package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.ActivationFunction;
import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.testing.Compiled;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shape and cost rules of the layer kinds beyond convolution and dense: pooling (windowed with PyTorch's
 * ceil mode, global, adaptive), batch normalization, activations, other element-wise layers, dropout and
 * upsampling. Each expected value is derived by hand, in the comment beside it, from the rule the kind's
 * annotation documents (and, for shapes, from PyTorch's definition).
 */
class LayerKindsTest {

    /** Compiles a network {@code k.N} with this input and these layer fields; returns its generated model. */
    static ModelCost network(String input, String... layers) {
        List<String> lines = new ArrayList<>(List.of(
                "package k;",
                "import dev.modelcost.*;",
                "@Network(input = " + input + ")",
                "public class N {"));
        lines.addAll(List.of(layers));
        lines.add("}");
        Compiled compiled = Compiled.source(lines.toArray(String[]::new));
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        return compiled.model("k.NCost");
    }

    /** Asserts a layer without multiply-accumulates, biases or parameters: only its shape and FLOPs. */
    private static void assertOperations(LayerCost layer, LayerKind kind, int[] output, long flops) {
        assertThat(layer.kind()).isEqualTo(kind);
        assertThat(layer.outputShape()).isEqualTo(output);
        assertThat(layer.flops()).isEqualTo(flops);
        assertThat(layer.macs()).isEqualTo(0L);
        assertThat(layer.biasAdds()).isEqualTo(0L);
        assertThat(layer.params()).isEqualTo(0L);
        assertThat(layer.activations()).isEqualTo(elements(output));
    }

    private static long elements(int[] shape) {
        long product = 1;
        for (int size : shape) {
            product *= size;
        }
        return product;
    }

    @Test
    void maxPoolingAsInAlexNetAndVgg() {
        ModelCost model = network("@Shape(channels = 64, size = {55, 55})",
                // AlexNet: floor((55 - 3) / 2) + 1 = 27; one comparison per tap: 64 * 27 * 27 * 9 = 419,904.
                "@MaxPool(kernel = 3, stride = 2) Layer alexnet;",
                // Ceil mode changes nothing when the windows fit exactly: ceil(52 / 2) + 1 = 27 too.
                "@From(From.INPUT) @MaxPool(kernel = 3, stride = 2, ceilMode = true) Layer exact;",
                // The stride defaults to the kernel (VGG's 2x2 pools): floor((55 - 2) / 2) + 1 = 27 as well,
                // 64 * 27 * 27 * 4 = 186,624.
                "@From(From.INPUT) @MaxPool(kernel = 2) Layer vgg;");
        assertOperations(model.layer("alexnet"), LayerKind.MAX_POOL, new int[] {64, 27, 27}, 419_904L);
        assertThat(model.layer("alexnet").settings()).isEqualTo("k=3 s=2 p=0");
        assertOperations(model.layer("exact"), LayerKind.MAX_POOL, new int[] {64, 27, 27}, 419_904L);
        assertThat(model.layer("exact").settings()).isEqualTo("k=3 s=2 p=0 ceil");
        assertOperations(model.layer("vgg"), LayerKind.MAX_POOL, new int[] {64, 27, 27}, 186_624L);
        assertThat(model.layer("vgg").settings()).isEqualTo("k=2 s=2 p=0");
    }

    @Test
    void ceilModeAddsAPartialWindow() {
        // GoogLeNet's pool after its stem: (112 - 3) / 2 = 54.5; floor gives 55 windows, ceil 56. The 56th starts
        // at 55 * 2 = 110 < 112, inside the input, so PyTorch keeps it.
        ModelCost model = network("@Shape(channels = 64, size = {112, 112})",
                "@MaxPool(kernel = 3, stride = 2) Layer floor;",
                "@From(From.INPUT) @MaxPool(kernel = 3, stride = 2, ceilMode = true) Layer ceil;");
        assertOperations(model.layer("floor"), LayerKind.MAX_POOL, new int[] {64, 55, 55}, 64L * 55 * 55 * 9);
        // 64 * 56 * 56 * 9 = 1,806,336
        assertOperations(model.layer("ceil"), LayerKind.MAX_POOL, new int[] {64, 56, 56}, 1_806_336L);
    }

    @Test
    void ceilModeDropsAWindowThatWouldStartInTheRightPadding() {
        // Height 3, kernel 2, stride 2, padding 1: (3 + 2 - 2) / 2 = 1.5, so ceil mode asks for 2 + 1 = 3 windows,
        // starting at -1, 1 and 3 of the input. The third starts at 3 >= 3: only padding, dropped, as PyTorch
        // does ((3 - 1) * 2 >= 3 + 1). Width 5: (5 + 2 - 2) / 2 = 2.5, ceil 3 + 1 = 4 windows at -1, 1, 3, 5;
        // 5 >= 5 is dropped as well, leaving 3.
        ModelCost model = network("@Shape(channels = 4, size = {3, 5})",
                "@MaxPool(kernel = 2, stride = 2, padding = 1, ceilMode = true) Layer dropped;");
        // 4 * 2 * 3 * 4 taps = 96
        assertOperations(model.layer("dropped"), LayerKind.MAX_POOL, new int[] {4, 2, 3}, 96L);
        assertThat(model.layer("dropped").settings()).isEqualTo("k=2 s=2 p=1 ceil");

        // Without padding a window can start past the input too: size 5, kernel 1, stride 3 asks for
        // ceil(4 / 3) + 1 = 3 windows at 0, 3 and 6; 6 >= 5 is dropped: 2, as floor(4 / 3) + 1 gives.
        ModelCost strided = network("@Shape(channels = 2, size = 5)",
                "@AvgPool(kernel = 1, stride = 3, ceilMode = true) Layer pool;");
        assertOperations(strided.layer("pool"), LayerKind.AVG_POOL, new int[] {2, 2}, 4L);
    }

    @Test
    void averagePoolingWithPaddingPerDimensionKernelsAndCeilMode() {
        ModelCost model = network("@Shape(channels = 192, size = {28, 28})",
                // Inception's pool branch: padding 1 keeps 28 ((28 + 2 - 3) / 1 + 1); 192 * 784 * 9 = 1,354,752.
                "@AvgPool(kernel = 3, stride = 1, padding = 1) Layer keep;",
                // Per dimension, stride = kernel: 28 / 2 = 14 and 28 / 4 = 7; 192 * 14 * 7 * 8 taps = 150,528.
                "@From(From.INPUT) @AvgPool(kernel = {2, 4}) Layer rect;",
                // Ceil mode on an odd size: 28 with kernel 3, stride 2: (28 - 3) / 2 = 12.5 -> 14 windows, the
                // last starting at 26 < 28; floor would give 13. 192 * 14 * 14 * 9 = 338,688.
                "@From(From.INPUT) @AvgPool(kernel = 3, stride = 2, ceilMode = true) Layer ceil;");
        assertOperations(model.layer("keep"), LayerKind.AVG_POOL, new int[] {192, 28, 28}, 1_354_752L);
        assertThat(model.layer("keep").settings()).isEqualTo("k=3 s=1 p=1");
        assertOperations(model.layer("rect"), LayerKind.AVG_POOL, new int[] {192, 14, 7}, 150_528L);
        assertThat(model.layer("rect").settings()).isEqualTo("k=2x4 s=2x4 p=0");
        assertOperations(model.layer("ceil"), LayerKind.AVG_POOL, new int[] {192, 14, 14}, 338_688L);
    }

    @Test
    void oneAndThreeDimensionalPooling() {
        // 1-D: floor((100 + 2 - 3) / 2) + 1 = 50; 16 * 50 * 3 = 2,400.
        ModelCost audio = network("@Shape(channels = 16, size = 100)",
                "@MaxPool(kernel = 3, stride = 2, padding = 1) Layer pool;");
        assertOperations(audio.layer("pool"), LayerKind.MAX_POOL, new int[] {16, 50}, 2_400L);

        // 3-D, per dimension (R(2+1)D-style): time (8 - 1) / 1 + 1 = 8; space floor((56 + 2 - 3) / 2) + 1 = 28.
        // 64 * 8 * 28 * 28 * (1 * 3 * 3) = 401,408 * 9 = 3,612,672.
        ModelCost video = network("@Shape(channels = 64, size = {8, 56, 56})",
                "@MaxPool(kernel = {1, 3, 3}, stride = {1, 2, 2}, padding = {0, 1, 1}) Layer pool;");
        assertOperations(video.layer("pool"), LayerKind.MAX_POOL, new int[] {64, 8, 28, 28}, 3_612_672L);
        assertThat(video.layer("pool").settings()).isEqualTo("k=1x3x3 s=1x2x2 p=0x1x1");
    }

    @Test
    void maxPoolingWithDilation() {
        // Kernel 3, dilation 2 reaches 5 inputs; stride defaults to the kernel, 3: floor((10 - 5) / 3) + 1 = 2.
        // Still 3 taps per window: 2 * 2 * 3 = 12.
        ModelCost model = network("@Shape(channels = 2, size = 10)",
                "@MaxPool(kernel = 3, dilation = 2) Layer pool;");
        assertOperations(model.layer("pool"), LayerKind.MAX_POOL, new int[] {2, 2}, 12L);
    }

    @Test
    void globalPoolingCountsEveryInputElement() {
        ModelCost model = network("@Shape(channels = 512, size = {7, 7})",
                // ResNet's head: 512 x 1 x 1, one addition per input element, 512 * 49 = 25,088.
                "@GlobalAvgPool Layer avg;",
                "@From(From.INPUT) @GlobalMaxPool Layer max;");
        assertOperations(model.layer("avg"), LayerKind.AVG_POOL, new int[] {512, 1, 1}, 25_088L);
        assertOperations(model.layer("max"), LayerKind.MAX_POOL, new int[] {512, 1, 1}, 25_088L);

        // 1-D and 3-D keep their rank: 128 x 1 (128 * 50 = 6,400) and 64 x 1 x 1 x 1 (64 * 4 * 7 * 7 = 12,544).
        ModelCost sequence = network("@Shape(channels = 128, size = 50)", "@GlobalMaxPool Layer pool;");
        assertOperations(sequence.layer("pool"), LayerKind.MAX_POOL, new int[] {128, 1}, 6_400L);
        ModelCost video = network("@Shape(channels = 64, size = {4, 7, 7})", "@GlobalAvgPool Layer pool;");
        assertOperations(video.layer("pool"), LayerKind.AVG_POOL, new int[] {64, 1, 1, 1}, 12_544L);
    }

    @Test
    void adaptivePoolingCountsPyTorchsOverlappingWindows() {
        ModelCost model = network("@Shape(channels = 4, size = {7, 7})",
                // 7 -> 3: window i spans floor(7i/3) to ceil(7(i+1)/3): [0,3), [2,5), [4,7) = 3 + 3 + 3 = 9 per
                // row, overlapping at 2 and 4 (a dividing rule would say 7 elements). 9 * 9 per channel:
                // 4 * 81 = 324.
                "@AdaptivePool(size = 3) Layer avg;",
                // Rows 7 -> 3 again (9); columns 7 -> 2: [0,4), [3,7) = 8. 4 * 9 * 8 = 288.
                "@From(From.INPUT) @AdaptivePool(size = {3, 2}, mode = PoolMode.MAX) Layer max;",
                // 7 -> 7: every window one element, 4 * 49 = 196 (torchvision's AdaptiveAvgPool2d((7, 7))).
                "@From(From.INPUT) @AdaptivePool(size = 7) Layer same;",
                // 7 -> 14 (larger): window i spans floor(i/2) to ceil((i+1)/2): 1 element each: 4 * 196 = 784.
                "@From(From.INPUT) @AdaptivePool(size = 14) Layer larger;");
        assertOperations(model.layer("avg"), LayerKind.AVG_POOL, new int[] {4, 3, 3}, 324L);
        assertOperations(model.layer("max"), LayerKind.MAX_POOL, new int[] {4, 3, 2}, 288L);
        assertOperations(model.layer("same"), LayerKind.AVG_POOL, new int[] {4, 7, 7}, 196L);
        assertOperations(model.layer("larger"), LayerKind.AVG_POOL, new int[] {4, 14, 14}, 784L);

        ModelCost odd = network("@Shape(channels = 1, size = {5, 2, 8})",
                // 5 -> 3: [0,2), [1,4), [3,5) = 2 + 3 + 2 = 7; 2 -> 3: [0,1), [0,2), [1,2) = 1 + 2 + 1 = 4;
                // 8 -> 4 divides: 2 each, 8. 7 * 4 * 8 = 224.
                "@AdaptivePool(size = {3, 3, 4}) Layer pool;");
        assertOperations(odd.layer("pool"), LayerKind.AVG_POOL, new int[] {1, 3, 3, 4}, 224L);
    }

    @Test
    void adaptivePoolingOfAHugeInputIsCountedWithoutALoop() {
        // 1 x 1,000,000,000 -> 3: [0, 333333334), [333333333, 666666667), [666666666, 1000000000): the three
        // lengths 333,333,334 + 333,333,334 + 333,333,334 = 1,000,000,002 (two elements shared).
        ModelCost model = network("@Shape(channels = 1, size = 1_000_000_000)",
                "@AdaptivePool(size = 3) Layer pool;");
        assertThat(model.layer("pool").flops()).isEqualTo(1_000_000_002L);
    }

    @Test
    void batchNormalizationHasTwoParametersPerChannel() {
        ModelCost model = network("@Shape(channels = 64, size = {112, 112})",
                // Scale and shift: 2 * 64 = 128 parameters; a multiply and an add per element:
                // 2 * 64 * 12,544 = 1,605,632.
                "@BatchNorm Layer bn;",
                // Folded into the convolution before it: no operations, the parameters still count.
                "@BatchNorm(folded = true) Layer folded;");
        LayerCost bn = model.layer("bn");
        assertThat(bn.kind()).isEqualTo(LayerKind.BATCH_NORM);
        assertThat(bn.outputShape()).isEqualTo(new int[] {64, 112, 112});
        assertThat(bn.params()).isEqualTo(128L);
        assertThat(bn.flops()).isEqualTo(1_605_632L);
        assertThat(bn.macs()).isEqualTo(0L);
        assertThat(bn.settings()).isEqualTo("");
        LayerCost folded = model.layer("folded");
        assertThat(folded.params()).isEqualTo(128L);
        assertThat(folded.flops()).isEqualTo(0L);
        assertThat(folded.settings()).isEqualTo("folded");
        assertThat(model.params()).isEqualTo(256L);

        // On features (BatchNorm1d after a dense layer): 2 * 100 parameters, 2 * 100 operations.
        ModelCost vector = network("@Shape(channels = 100)", "@BatchNorm Layer bn;");
        assertThat(vector.layer("bn").params()).isEqualTo(200L);
        assertThat(vector.layer("bn").flops()).isEqualTo(200L);
        assertThat(vector.layer("bn").outputShape()).isEqualTo(new int[] {100});
    }

    @Test
    void groupNormalizationCountsItsStatisticsAtInference() {
        ModelCost model = network("@Shape(channels = 64, size = {56, 56})",
                // 32 groups of 2 channels: scale and shift 2 * 64 = 128 parameters; 5 operations per element,
                // 5 * 64 * 3,136 = 1,003,520.
                "@GroupNorm(32) Layer gn;",
                // One group (layer normalization over channels and positions) without scale and shift:
                // no parameters, 4 * 200,704 = 802,816 operations.
                "@GroupNorm(value = 1, affine = false) Layer ln;",
                // As many groups as channels (instance normalization), on 512 x 56 x 56:
                "@From(From.INPUT) @Conv(out = 512, kernel = 1) Layer widen;",
                "@GroupNorm(512) Layer instance;");
        LayerCost gn = model.layer("gn");
        assertThat(gn.kind()).isEqualTo(LayerKind.GROUP_NORM);
        assertThat(gn.outputShape()).isEqualTo(new int[] {64, 56, 56});
        assertThat(gn.params()).isEqualTo(128L);
        assertThat(gn.flops()).isEqualTo(1_003_520L);
        assertThat(gn.macs()).isEqualTo(0L);
        assertThat(gn.settings()).isEqualTo("g=32");
        LayerCost ln = model.layer("ln");
        assertThat(ln.params()).isEqualTo(0L);
        assertThat(ln.flops()).isEqualTo(802_816L);
        assertThat(ln.settings()).isEqualTo("g=1 no-affine");
        // 2 * 512 = 1,024 parameters; 5 * 512 * 3,136 = 8,028,160 operations.
        LayerCost instance = model.layer("instance");
        assertThat(instance.params()).isEqualTo(1_024L);
        assertThat(instance.flops()).isEqualTo(8_028_160L);
    }

    @Test
    void everyActivationCountsTheOperationsOfItsFormula() {
        // Operations per element, counted from each formula in ActivationFunction's javadoc:
        Map<ActivationFunction, Long> perElement = new EnumMap<>(ActivationFunction.class);
        perElement.put(ActivationFunction.RELU, 1L); // max(0, x): 1 comparison
        perElement.put(ActivationFunction.RELU6, 2L); // min(max(0, x), 6): 2 comparisons
        perElement.put(ActivationFunction.LEAKY_RELU, 2L); // comparison, a * x
        perElement.put(ActivationFunction.ELU, 4L); // comparison, exp, - 1, a * ()
        perElement.put(ActivationFunction.SIGMOID, 4L); // -x, exp, 1 +, 1 / ()
        perElement.put(ActivationFunction.TANH, 5L); // 2x, exp, - 1, + 1, division
        perElement.put(ActivationFunction.SILU, 5L); // sigmoid's 4, x * ()
        perElement.put(ActivationFunction.HARDSWISH, 5L); // x + 3, 2 comparisons, x * (), / 6
        perElement.put(ActivationFunction.HARDSIGMOID, 4L); // x + 3, 2 comparisons, / 6
        perElement.put(ActivationFunction.GELU, 12L); // 5 multiplications, 2 additions, tanh's 5
        perElement.put(ActivationFunction.SOFTMAX, 3L); // exp, + into the sum, division
        assertThat(perElement.keySet()).containsExactlyElementsIn(List.of(ActivationFunction.values()));

        List<String> layers = new ArrayList<>();
        for (ActivationFunction function : ActivationFunction.values()) {
            layers.add("@From(From.INPUT) @Activation(ActivationFunction." + function + ") Layer " + function + ";");
        }
        // 3 x 4 x 5 = 60 elements each.
        ModelCost model = network("@Shape(channels = 3, size = {4, 5})", layers.toArray(String[]::new));
        long total = 0;
        for (ActivationFunction function : ActivationFunction.values()) {
            LayerCost layer = model.layer(function.name());
            assertOperations(layer, LayerKind.ACTIVATION, new int[] {3, 4, 5}, perElement.get(function) * 60);
            total += perElement.get(function) * 60;
        }
        assertThat(model.layer("RELU6").settings()).isEqualTo("relu6");
        // 1 + 2 + 2 + 4 + 4 + 5 + 5 + 5 + 4 + 12 + 3 = 47 operations per element over the 11 layers.
        assertThat(total).isEqualTo(47L * 60);
        assertThat(model.flops()).isEqualTo(47L * 60);
    }

    @Test
    void elementwiseCountsItsOperationsAndDropoutIsFree() {
        ModelCost model = network("@Shape(channels = 2, size = {5, 5})",
                // 50 elements: 3 operations each, 150; the default is 1, 50; 0 is allowed.
                "@Elementwise(flopsPerElement = 3) Layer three;",
                "@Elementwise Layer one;",
                "@Elementwise(flopsPerElement = 0) Layer none;",
                "@Dropout(0.2) Layer drop;",
                "@Dropout Layer half;");
        assertOperations(model.layer("three"), LayerKind.ELEMENTWISE, new int[] {2, 5, 5}, 150L);
        assertOperations(model.layer("one"), LayerKind.ELEMENTWISE, new int[] {2, 5, 5}, 50L);
        assertOperations(model.layer("none"), LayerKind.ELEMENTWISE, new int[] {2, 5, 5}, 0L);
        assertOperations(model.layer("drop"), LayerKind.DROPOUT, new int[] {2, 5, 5}, 0L);
        assertThat(model.layer("drop").settings()).isEqualTo("p=0.2");
        assertThat(model.layer("half").settings()).isEqualTo("p=0.5");
        assertThat(model.flops()).isEqualTo(200L);
        // Each layer outputs 50 elements: 5 * 50.
        assertThat(model.activations()).isEqualTo(250L);
    }

    @Test
    void upsamplingByScaleAndToSize() {
        ModelCost model = network("@Shape(channels = 16, size = {7, 7})",
                // Nearest copies: 16 x 14 x 14, no operations.
                "@Upsample(scale = 2) Layer nearest;",
                // Bilinear weighs 2^2 = 4 neighbours: 4 multiplications + 3 additions = 7 per output element.
                // 7 * 16 * 196 = 21,952.
                "@From(From.INPUT) @Upsample(scale = 2, mode = UpsampleMode.BILINEAR) Layer bilinear;",
                // To a size: 16 x 10 x 12 = 1,920 elements, 7 * 1,920 = 13,440.
                "@From(From.INPUT) @Upsample(size = {10, 12}, mode = UpsampleMode.BILINEAR) Layer sized;",
                // Per-dimension scale: 7 x 21.
                "@From(From.INPUT) @Upsample(scale = {1, 3}) Layer wide;",
                // A size below the input's is allowed (PyTorch interpolates down too): 7 * 16 * 4 * 4 = 1,792.
                "@From(From.INPUT) @Upsample(size = 4, mode = UpsampleMode.BILINEAR) Layer smaller;");
        assertOperations(model.layer("nearest"), LayerKind.UPSAMPLE, new int[] {16, 14, 14}, 0L);
        assertThat(model.layer("nearest").settings()).isEqualTo("nearest x2");
        assertOperations(model.layer("bilinear"), LayerKind.UPSAMPLE, new int[] {16, 14, 14}, 21_952L);
        assertThat(model.layer("bilinear").settings()).isEqualTo("bilinear x2");
        assertOperations(model.layer("sized"), LayerKind.UPSAMPLE, new int[] {16, 10, 12}, 13_440L);
        assertThat(model.layer("sized").settings()).isEqualTo("bilinear to 10x12");
        assertOperations(model.layer("wide"), LayerKind.UPSAMPLE, new int[] {16, 7, 21}, 0L);
        assertOperations(model.layer("smaller"), LayerKind.UPSAMPLE, new int[] {16, 4, 4}, 1_792L);
    }

    @Test
    void linearAndTrilinearUpsampling() {
        // 1-D linear: 2 neighbours, 2 + 1 = 3 operations per output element; 8 x 100: 3 * 800 = 2,400.
        ModelCost audio = network("@Shape(channels = 8, size = 50)",
                "@Upsample(scale = 2, mode = UpsampleMode.BILINEAR) Layer up;");
        assertOperations(audio.layer("up"), LayerKind.UPSAMPLE, new int[] {8, 100}, 2_400L);
        // 3-D trilinear: 8 neighbours, 8 + 7 = 15; 4 x 4 x 6 x 6 = 576 elements, 15 * 576 = 8,640.
        ModelCost video = network("@Shape(channels = 4, size = {2, 3, 3})",
                "@Upsample(scale = 2, mode = UpsampleMode.BILINEAR) Layer up;");
        assertOperations(video.layer("up"), LayerKind.UPSAMPLE, new int[] {4, 4, 6, 6}, 8_640L);
    }
}
