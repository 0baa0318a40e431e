package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.Optimizer;
import dev.modelcost.TrainingPrecision;
import dev.modelcost.processor.testing.Compiled;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Training memory as the ZeRO paper counts it (Rajbhandari et al., 2020, "ZeRO: Memory Optimizations Toward
 * Training Trillion Parameter Models", section 3.1: mixed-precision Adam holds 2 + 2 + 12 = 16 bytes per
 * parameter), the activations saved for the backward pass, and the batch. Most networks here are one 1x1
 * convolution 4 -> 8 on 4x8x8: 4 * 8 + 8 = 40 parameters, a 256-element input, a 512-element output.
 */
class TrainingMemoryTest {

    private static Compiled compile(List<String> options, String input, String classAnnotations,
            String... layers) {
        List<String> lines = new ArrayList<>(List.of("package t;", "import dev.modelcost.*;",
                "@Network(input = " + input + ")"));
        if (!classAnnotations.isEmpty()) {
            lines.add(classAnnotations);
        }
        lines.add("public class N {");
        lines.addAll(List.of(layers));
        lines.add("}");
        Compiled compiled = Compiled.sources(List.of(Compiled.file(lines.toArray(String[]::new))),
                options.toArray(String[]::new));
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        return compiled;
    }

    private static Compiled conv(String training, String... options) {
        return compile(List.of(options), "@Shape(channels = 4, size = {8, 8})", training,
                "@Conv(out = 8, kernel = 1) Layer conv;");
    }

    private static long constant(Compiled compiled, String name) {
        return compiled.constant("t.NCost", name);
    }

    @Test
    void mixedPrecisionAdamHoldsSixteenBytesPerParameterAsZeroCountsThem() {
        Compiled compiled = conv("@Training(optimizer = Optimizer.ADAM, precision = TrainingPrecision.MIXED_FP16)");
        // 40 parameters: fp16 weights 2 * 40 = 80, fp16 gradients 80, fp32 master weights 4 * 40 = 160, fp32
        // momentum and variance 2 * 4 * 40 = 320: 640 = 16 * 40.
        assertThat(constant(compiled, "TRAINING_WEIGHT_BYTES")).isEqualTo(80L);
        assertThat(constant(compiled, "GRADIENT_BYTES")).isEqualTo(80L);
        assertThat(constant(compiled, "MASTER_WEIGHT_BYTES")).isEqualTo(160L);
        assertThat(constant(compiled, "OPTIMIZER_STATE_BYTES")).isEqualTo(320L);
        // Saved: the input 256 and the output 512, fp16: 768 * 2 = 1,536. Total 640 + 1,536 = 2,176.
        assertThat(constant(compiled, "SAVED_ACTIVATION_BYTES")).isEqualTo(1_536L);
        assertThat(constant(compiled, "TRAINING_MEMORY_BYTES")).isEqualTo(2_176L);
        assertThat(compiled.staticField("t.NCost", "OPTIMIZER")).isEqualTo("ADAM");
        assertThat(compiled.staticField("t.NCost", "TRAINING_PRECISION")).isEqualTo("MIXED_FP16");
    }

    @Test
    void aFrozenLayerHoldsItsWeightsButNoGradientMasterCopyOrOptimizerState() {
        Compiled compiled = compile(List.of(), "@Shape(channels = 4, size = {8, 8})",
                "@Training(optimizer = Optimizer.ADAM, precision = TrainingPrecision.MIXED_FP16)",
                "@Frozen @Conv(out = 8, kernel = 1) Layer backbone;", "@Conv(out = 2, kernel = 1) Layer head;");
        // backbone 4 * 8 + 8 = 40 parameters, frozen; head 8 * 2 + 2 = 18, trained. fp16 weights of all 58:
        // 2 * 58 = 116; the 18 trained ones alone have a gradient 2 * 18 = 36, a master copy 4 * 18 = 72 and
        // Adam's two states 2 * 4 * 18 = 144 (PyTorch's optimizer holds state only for what it updates).
        assertThat(constant(compiled, "TRAINING_WEIGHT_BYTES")).isEqualTo(116L);
        assertThat(constant(compiled, "GRADIENT_BYTES")).isEqualTo(36L);
        assertThat(constant(compiled, "MASTER_WEIGHT_BYTES")).isEqualTo(72L);
        assertThat(constant(compiled, "OPTIMIZER_STATE_BYTES")).isEqualTo(144L);
        // Saved: input 256, backbone 512, head 2 * 64 = 128: 896 elements, fp16 1,792. Total 368 + 1,792.
        assertThat(constant(compiled, "SAVED_ACTIVATION_BYTES")).isEqualTo(1_792L);
        assertThat(constant(compiled, "TRAINING_MEMORY_BYTES")).isEqualTo(2_160L);
    }

    @Test
    void everyOptimizerAndPrecisionHoldsItsBytesPerParameter() {
        // Bytes per parameter, weight + gradient + master + states x state bytes, the table of
        // docs/FORMULAS.md#training-memory-and-the-batch:
        Map<TrainingPrecision, Map<Optimizer, Long>> perParameter = Map.of(
                TrainingPrecision.FP32, Map.of(Optimizer.SGD, 8L, // 4 + 4
                        Optimizer.SGD_MOMENTUM, 12L, // 4 + 4 + 4
                        Optimizer.ADAM, 16L, Optimizer.ADAMW, 16L), // 4 + 4 + 2 * 4
                TrainingPrecision.MIXED_FP16, Map.of(Optimizer.SGD, 8L, // 2 + 2 + 4 master
                        Optimizer.SGD_MOMENTUM, 12L, // 2 + 2 + 4 + 4
                        Optimizer.ADAM, 16L, Optimizer.ADAMW, 16L), // 2 + 2 + 4 + 2 * 4
                TrainingPrecision.MIXED_BF16, Map.of(Optimizer.SGD, 8L, Optimizer.SGD_MOMENTUM, 12L,
                        Optimizer.ADAM, 16L, Optimizer.ADAMW, 16L), // as MIXED_FP16
                TrainingPrecision.BF16, Map.of(Optimizer.SGD, 4L, // 2 + 2
                        Optimizer.SGD_MOMENTUM, 6L, // 2 + 2 + 2
                        Optimizer.ADAM, 8L, Optimizer.ADAMW, 8L)); // 2 + 2 + 2 * 2
        // Saved activations: 768 elements at 4 bytes in FP32, 2 otherwise.
        for (TrainingPrecision precision : TrainingPrecision.values()) {
            long saved = precision == TrainingPrecision.FP32 ? 3_072L : 1_536L;
            for (Optimizer optimizer : Optimizer.values()) {
                Compiled compiled = conv("@Training(optimizer = Optimizer." + optimizer + ", precision = "
                        + "TrainingPrecision." + precision + ")");
                long parameters = constant(compiled, "TRAINING_WEIGHT_BYTES") + constant(compiled, "GRADIENT_BYTES")
                        + constant(compiled, "MASTER_WEIGHT_BYTES") + constant(compiled, "OPTIMIZER_STATE_BYTES");
                assertThat(parameters).isEqualTo(40 * perParameter.get(precision).get(optimizer));
                assertThat(constant(compiled, "TRAINING_MEMORY_BYTES"))
                        .isEqualTo(40 * perParameter.get(precision).get(optimizer) + saved);
            }
        }
    }

    @Test
    void aNetworkWithoutTrainingIsCountedAsAdamInFp32AtBatchOne() {
        Compiled compiled = conv("");
        // 16 * 40 = 640 bytes of parameters' state; (256 + 512) * 4 = 3,072 saved: 3,712.
        assertThat(constant(compiled, "TRAINING_MEMORY_BYTES")).isEqualTo(3_712L);
        assertThat(compiled.staticField("t.NCost", "BATCH")).isEqualTo(1);
        assertThat(compiled.staticField("t.NCost", "OPTIMIZER")).isEqualTo("ADAM");
        assertThat(compiled.staticField("t.NCost", "TRAINING_PRECISION")).isEqualTo("FP32");
    }

    @Test
    void anEmptyTrainingIsTheTrainingOfANetworkWithoutOne() {
        // @Training's defaults are the figures without it: Adam, FP32, the option's batch (3 here).
        Compiled empty = conv("@Training", "-Amodelcost.batch=3");
        assertThat(empty.staticField("t.NCost", "OPTIMIZER")).isEqualTo("ADAM");
        assertThat(empty.staticField("t.NCost", "TRAINING_PRECISION")).isEqualTo("FP32");
        assertThat(empty.staticField("t.NCost", "BATCH")).isEqualTo(3);
        // 640 + 3 * 3,072 = 9,856, as without @Training.
        assertThat(constant(empty, "TRAINING_MEMORY_BYTES")).isEqualTo(9_856L);
        assertThat(constant(conv("", "-Amodelcost.batch=3"), "TRAINING_MEMORY_BYTES")).isEqualTo(9_856L);
    }

    @Test
    void savedActivationsScaleWithTheBatchAndParametersDoNot() {
        Compiled compiled = conv("@Training(optimizer = Optimizer.SGD, batch = 8)");
        // SGD in FP32: 8 * 40 = 320 bytes; saved 8 * 3,072 = 24,576: 24,896.
        assertThat(constant(compiled, "SAVED_ACTIVATION_BYTES")).isEqualTo(24_576L);
        assertThat(constant(compiled, "TRAINING_MEMORY_BYTES")).isEqualTo(24_896L);
        assertThat(compiled.staticField("t.NCost", "BATCH")).isEqualTo(8);
    }

    @Test
    void theBatchOptionAppliesWhereTrainingGivesNoneAndTheAnnotationWins() {
        Compiled fromOption = conv("", "-Amodelcost.batch=4");
        assertThat(fromOption.staticField("t.NCost", "BATCH")).isEqualTo(4);
        // 4 * 3,072 = 12,288 saved, with Adam's 640: 12,928.
        assertThat(constant(fromOption, "TRAINING_MEMORY_BYTES")).isEqualTo(12_928L);
        Compiled optionWithoutBatch = conv("@Training(optimizer = Optimizer.SGD)", "-Amodelcost.batch=4");
        assertThat(optionWithoutBatch.staticField("t.NCost", "BATCH")).isEqualTo(4);
        Compiled annotationWins = conv("@Training(batch = 2)", "-Amodelcost.batch=4");
        assertThat(annotationWins.staticField("t.NCost", "BATCH")).isEqualTo(2);
        // 2 * 3,072 = 6,144 + 640 = 6,784.
        assertThat(constant(annotationWins, "TRAINING_MEMORY_BYTES")).isEqualTo(6_784L);
    }

    @Test
    void aTiedMatrixHasOneGradientAndOneOptimizerState() {
        // An embedding of 10 x 4 and a projection tied to it, 3 tokens: PARAMS 40 (TiedWeightsTest).
        Compiled compiled = compile(List.of(), "@Shape(channels = 1, size = 3)", "",
                "@Embedding(vocabulary = 10, dim = 4) Layer wte;",
                "@Linear(out = 10, bias = false, tiedTo = \"wte\") Layer head;");
        // Adam in FP32: 40 * (4 + 4) = 320 of weights and gradients, 40 * 8 = 320 of state: 640, not 1,280.
        assertThat(constant(compiled, "GRADIENT_BYTES")).isEqualTo(160L);
        assertThat(constant(compiled, "OPTIMIZER_STATE_BYTES")).isEqualTo(320L);
        // Saved: 3 ids, wte's 4 x 3 = 12 and head's 10 x 3 = 30: 45 * 4 = 180. 640 + 180 = 820.
        assertThat(constant(compiled, "SAVED_ACTIVATION_BYTES")).isEqualTo(180L);
        assertThat(constant(compiled, "TRAINING_MEMORY_BYTES")).isEqualTo(820L);
    }

    @Test
    void attentionSavesItsScoresAndItsProjections() {
        // Without projections, 64 x {10}, 4 heads: input 640, output 640, 4 * 10 * 10 = 400 scores: 1,680 * 4.
        Compiled products = compile(List.of(), "@Shape(channels = 64, size = 10)", "",
                "@Attention(heads = 4, projections = false) Layer attention;");
        assertThat(constant(products, "SAVED_ACTIVATION_BYTES")).isEqualTo(6_720L);
        // ViT-B/16's attention (AttentionTest): input and output 768 * 197 = 151,296 each, Q, K, V and the heads'
        // output 151,296 each, 12 * 197 * 197 = 465,708 scores: 6 * 151,296 + 465,708 = 1,373,484 elements.
        Compiled vit = compile(List.of(), "@Shape(channels = 768, size = 197)", "",
                "@Attention(heads = 12) Layer attention;");
        assertThat(constant(vit, "SAVED_ACTIVATION_BYTES")).isEqualTo(4 * 1_373_484L);
    }

    @Test
    void aBatchReadsEachLayersWeightsOnce() {
        // 1x1 convolution 256 -> 256 on 256x1x1, 1 TFLOP/s, 1 GB/s, FP32: 65,536 + 256 = 65,792 parameters,
        // 2 * 65,536 + 256 = 131,328 FLOPs. Batch 1: (256 + 256 + 65,792) * 4 = 265,216 bytes: 265,216 ns.
        String device = "@Device(name = \"d\", peakFlops = 1_000_000_000_000L, bandwidth = 1_000_000_000L)";
        Compiled one = compile(List.of(), "@Shape(channels = 256, size = {1, 1})", device,
                "@Conv(out = 256, kernel = 1) Layer conv;");
        assertThat(constant(one, "LATENCY_NANOS")).isEqualTo(265_216L);
        assertThat(constant(one, "BATCH_LATENCY_NANOS")).isEqualTo(265_216L);
        assertThat(constant(one, "BATCH_LATENCY_PER_SAMPLE_NANOS")).isEqualTo(265_216L);
        // Batch 8: weights 263,168 bytes once + 8 * (256 + 256) * 4 = 16,384: 279,552 ns, over
        // 8 * 131,328 = 1,050,624 FLOPs' 1,051 ns; 279,552 / 8 = 34,944 ns per sample.
        Compiled eight = compile(List.of(), "@Shape(channels = 256, size = {1, 1})",
                device + " @Training(batch = 8)", "@Conv(out = 256, kernel = 1) Layer conv;");
        assertThat(constant(eight, "LATENCY_NANOS")).isEqualTo(265_216L);
        assertThat(constant(eight, "BATCH_LATENCY_NANOS")).isEqualTo(279_552L);
        assertThat(constant(eight, "BATCH_LATENCY_PER_SAMPLE_NANOS")).isEqualTo(34_944L);
    }

    @Test
    void aComputeBoundBatchScalesWithTheBatch() {
        // The 4 -> 8 convolution at 1 GFLOP/s and 1 GB/s: 2 * 2,048 + 512 = 4,608 FLOPs over 3,232 bytes at
        // batch 1 (DeviceDiagnosticsTest). Batch 3: 13,824 FLOPs against 160 + 3 * 3,072 = 9,376 bytes:
        // 13,824 ns, 4,608 per sample.
        Compiled compiled = conv("@Device(name = \"d\", peakFlops = 1_000_000_000L, bandwidth = 1_000_000_000L)"
                + " @Training(batch = 3)");
        assertThat(constant(compiled, "BATCH_LATENCY_NANOS")).isEqualTo(13_824L);
        assertThat(constant(compiled, "BATCH_LATENCY_PER_SAMPLE_NANOS")).isEqualTo(4_608L);
    }
}
