package dev.modelcost.processor.writing;

import dev.modelcost.LayerTable;
import dev.modelcost.ModelCost;
import dev.modelcost.Reports;
import dev.modelcost.processor.analysis.BackwardPass;
import dev.modelcost.processor.analysis.GenerationCost;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.TrainingProfile;
import dev.modelcost.processor.read.AnnotationNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes the source of the {@code <Network>Cost} class: compile-time constants for the totals, and {@code MODEL},
 * the totals with the per-layer breakdown as a {@link ModelCost}, read at class initialization from its {@link
 * LayerTable} text in one call. The output depends only on the network, never on time, locale or JDK.
 */
public final class CostClassWriter {
    private static final String PROCESSOR = "dev.modelcost.processor.ModelCostProcessor";
    private static final String STRING = "java.lang.String";
    private static final String STRING_BUILDER = "java.lang.StringBuilder";
    private static final String MODEL_COST = ModelCost.class.getCanonicalName();
    private static final String LAYER_TABLE = LayerTable.class.getCanonicalName();

    private final GeneratedAnnotation generatedAnnotation;

    /** @param generatedAnnotation tells whether to mark each class with {@code @Generated} */
    public CostClassWriter(GeneratedAnnotation generatedAnnotation) {
        this.generatedAnnotation = generatedAnnotation;
    }

    /** The qualified name and the source text of a generated class. */
    public record SourceFile(String qualifiedName, String text) {
    }

    /** The source file of the cost class, {@linkplain JavaSource#ascii ASCII}. */
    public SourceFile write(NetworkCost cost, MemoryProfile memory) {
        TypeElement networkType = cost.network().type();
        String packageName = cost.network().packageName();
        String simpleName = cost.network().costClassName();
        String network = inPackage(networkType.getQualifiedName().toString(), packageName);
        String table = TableSource.text(cost, memory);
        List<String> parts = TableSource.parts(table);
        List<String> nested = TableSource.nestedClasses(simpleName, parts.size());
        boolean generated = generatedAnnotation.isAvailableBeside(networkType);

        TypeNames names = typeNames(simpleName, network, nested, generated);
        JavaSource source = new JavaSource(8 * 1024 + table.length() + table.length() / 4)
                .header(packageName, names.imports())
                // javadoc may link only to what the cost class can see: not to a private nested network.
                .javadoc(0, "The cost of {@" + (isVisibleInItsPackage(networkType) ? "link" : "code") + " "
                        + network + "} per input sample (" + cost.input() + "), counted by modelcost at compile"
                        + " time.\n\n<p>All figures are exact, for a batch of 1. See {@link " + names.of(MODEL_COST)
                        + "} for the conventions.\n");
        if (generated) {
            JavaLiterals.appendString(source.code().append('@').append(names.of(AnnotationNames.GENERATED))
                    .append('('), PROCESSOR).append(")\n");
        }
        source.code().append("public final class ").append(simpleName);
        source.openBody();
        Constants constants = new Constants(source, names.of(STRING));
        addTotals(constants, cost);
        addMemory(constants, memory);
        addTrainingStep(constants, cost.backward());
        addTraining(constants, memory);
        if (cost.generation() != null) {
            addGeneration(constants, cost.generation(), memory.target().hasDevice());
        }
        addModel(source, names, table, !nested.isEmpty());
        source.member().javadoc(1, "Not instantiable: a holder of constants.\n");
        source.indent(1).append("private ").append(simpleName).append("() {\n");
        source.indent(1).append("}\n");
        if (!nested.isEmpty()) {
            addTable(source, names, table.length(), parts, nested);
        }
        return new SourceFile(packageName.isEmpty() ? simpleName : packageName + "." + simpleName,
                source.closeBody(0).ascii());
    }

    /**
     * The names of the types the source uses. The simple names it needs otherwise: the class's, its nested
     * classes', and the one by which its javadoc links to the network's top-level class.
     */
    private static TypeNames typeNames(String simpleName, String network, List<String> nested, boolean generated) {
        Set<String> taken = new HashSet<>(nested);
        taken.add(simpleName);
        taken.add(network.contains(".") ? network.substring(0, network.indexOf('.')) : network);
        List<String> used = new ArrayList<>(List.of(LAYER_TABLE, MODEL_COST, STRING));
        if (!nested.isEmpty()) {
            used.add(STRING_BUILDER);
        }
        if (generated) {
            used.add(AnnotationNames.GENERATED);
        }
        return new TypeNames(taken, used);
    }

    /** The totals of the forward pass and the shapes. */
    private static void addTotals(Constants constants, NetworkCost cost) {
        constants.longConstant("MACS", cost.macs(),
                "Multiply-accumulates of the layers that multiply by weights or by each other (convolution,\n"
                        + "transposed convolution, dense, linear, attention, recurrent): the convention of torchvision's\n"
                        + "published \"GFLOPS\", fvcore, ptflops and thop, and of papers' \"mult-adds\".\n");
        constants.longConstant("BIAS_ADDS", cost.biasAdds(),
                "Bias additions: one per output element of every layer that has a bias.\n");
        constants.longConstant("FLOPS", cost.flops(),
                "Floating-point operations: {@code 2 * MACS + BIAS_ADDS}, a multiply and an add per\n"
                        + "multiply-accumulate (the convention of PyTorch's {@code torch.utils.flop_counter}), plus the\n"
                        + "bias additions, plus the operations of pooling, normalization, activation and other\n"
                        + "element-wise layers as each layer kind documents them.\n");
        constants.longConstant("PARAMS", cost.params(),
                "Parameters: weights, biases, and normalizations' scale and shift.\n");
        constants.longConstant("ACTIVATIONS", cost.activations(),
                "Activation elements: the elements output by every layer, summed.\n");
        constants.intConstant("LAYERS", cost.layers().size(), "Number of layers.\n");
        constants.stringConstant("INPUT_SHAPE", cost.input().toString(),
                "Shape of one input sample: channels, then spatial sizes.\n");
        constants.stringConstant("OUTPUT_SHAPE", cost.output().toString(),
                "Shape of one output sample: channels, then spatial sizes.\n");
    }

    /**
     * {@code MODEL}: one call that reads the table, written in its one literal, or the call of {@code table()}
     * when it takes more.
     */
    private static void addModel(JavaSource source, TypeNames names, String table, boolean inParts) {
        source.member().javadoc(1, "These totals with the per-layer breakdown, in declaration order.\n");
        source.indent(1).append("public static final ").append(names.of(MODEL_COST)).append(" MODEL = ")
                .append(names.of(LAYER_TABLE)).append(".model(");
        if (inParts) {
            source.code().append("table()");
        } else {
            JavaLiterals.appendString(source.code(), table);
        }
        source.code().append(");\n");
    }

    /** Byte figures at the network's precision, and the roofline bound when a device is declared. */
    private static void addMemory(Constants constants, MemoryProfile memory) {
        constants.stringConstant("PRECISION", memory.target().precision().name(),
                "The numeric type of weights and activations that the byte figures are for.\n");
        constants.intConstant("BYTES_PER_ELEMENT", memory.target().precision().bytes(),
                "Bytes per weight or activation at {@link #PRECISION}.\n");
        constants.longConstant("PARAM_BYTES", memory.paramBytes(), "Bytes of the parameters.\n");
        constants.longConstant("ACTIVATION_BYTES", memory.activationBytes(),
                "Bytes of every layer's output, summed.\n");
        constants.longConstant("PEAK_ACTIVATION_BYTES", memory.peakActivationBytes(),
                "The most activation bytes alive at once in a forward pass in declaration order: the input, every\n"
                        + "output still to be read by a later layer (branches, concatenations), and the output being\n"
                        + "written.\n");
        constants.longConstant("MEMORY_BYTES", memory.memoryBytes(),
                "{@code PARAM_BYTES + PEAK_ACTIVATION_BYTES}: what a forward pass holds in memory at once.\n");
        constants.longConstant("BYTES_MOVED", memory.bytesMoved(),
                "Memory access cost as ShuffleNet V2 defines it, summed over the layers: each layer's inputs\n"
                        + "read, output written, weights read and what attention keeps in between, in bytes.\n");
        if (memory.target().hasDevice()) {
            constants.stringConstant("DEVICE", memory.target().deviceName(),
                    "The device the latency bound is for.\n");
            constants.longConstant("LATENCY_NANOS", memory.latencyNanos(),
                    "Roofline lower bound on the time of one forward pass on {@link #DEVICE}, in nanoseconds: each\n"
                            + "layer takes at least {@code max(FLOPs / peak, bytes moved / bandwidth)}, rounded up.\n");
        }
    }

    /** The backward pass of a training step and the step's operations, per sample. */
    private static void addTrainingStep(Constants constants, BackwardPass backward) {
        constants.longConstant("BACKWARD_MACS", backward.macs(),
                "Multiply-accumulates of the backward pass of one training step: each layer's input gradient\n"
                        + "when a trainable layer lies before it, and its weight gradients when it is trainable (not\n"
                        + "{@code @Frozen}); for a convolution, a transposed convolution or a linear layer each is its\n"
                        + "forward MACs.\n");
        constants.longConstant("BACKWARD_FLOPS", backward.flops(),
                "Floating-point operations of that backward pass: {@code 2 * BACKWARD_MACS}, plus the bias\n"
                        + "gradients' additions and the other layers' gradient operations as each kind documents them.\n");
        constants.longConstant("TRAINING_STEP_FLOPS", backward.trainingStepFlops(),
                "Floating-point operations of one training step per sample: {@code FLOPS + BACKWARD_FLOPS}, the\n"
                        + "forward pass and the backward pass (the optimizer's update is not counted).\n");
    }

    /** The training memory of {@code @Training}'s optimizer, precision and batch, and the roofline over the batch. */
    private static void addTraining(Constants constants, MemoryProfile memory) {
        TrainingProfile training = memory.training();
        constants.stringConstant("OPTIMIZER", training.training().optimizer().name(),
                "The optimizer the training memory is for ({@code @Training}, else Adam).\n");
        constants.stringConstant("TRAINING_PRECISION", training.training().precision().name(),
                "The numeric types of training ({@code @Training}, else FP32).\n");
        constants.intConstant("BATCH", training.training().batch(),
                "Samples per batch ({@code @Training(batch)}, else {@code -Amodelcost.batch}, else 1).\n");
        constants.longConstant("TRAINING_WEIGHT_BYTES", training.weightBytes(),
                "{@code PARAMS} x the weight bytes of {@link #TRAINING_PRECISION}: the weights the passes compute"
                        + " with.\n");
        constants.longConstant("GRADIENT_BYTES", training.gradientBytes(),
                "One gradient per trained parameter (not {@code @Frozen}), at the weights' precision.\n");
        constants.longConstant("MASTER_WEIGHT_BYTES", training.masterWeightBytes(),
                "The FP32 copy of the weights that mixed precision updates: 4 bytes per trained\n"
                        + "parameter, else 0.\n");
        constants.longConstant("OPTIMIZER_STATE_BYTES", training.optimizerStateBytes(),
                "The optimizer's state: per trained parameter none for SGD, a momentum for SGD with momentum,\n"
                        + "momentum and variance for Adam and AdamW; 4 bytes each, 2 in pure bfloat16.\n");
        constants.longConstant("SAVED_ACTIVATION_BYTES", training.savedActivationBytes(),
                "Activations saved for the backward pass: the input, every layer's output and what attention keeps\n"
                        + "in between (queries, keys, values, scores, heads' output), per sample, times"
                        + " {@link #BATCH}.\n");
        constants.longConstant("TRAINING_MEMORY_BYTES", training.trainingMemoryBytes(),
                "What a training step holds: {@code TRAINING_WEIGHT_BYTES + GRADIENT_BYTES + MASTER_WEIGHT_BYTES\n"
                        + "+ OPTIMIZER_STATE_BYTES + SAVED_ACTIVATION_BYTES}, as the ZeRO paper counts it"
                        + " (16 bytes per\n"
                        + "parameter for mixed-precision Adam); a tied matrix once.\n");
        if (memory.target().hasDevice()) {
            constants.longConstant("BATCH_LATENCY_NANOS", training.batchLatencyNanos(),
                    "Roofline lower bound on a forward pass of {@link #BATCH} samples on {@link #DEVICE}, in\n"
                            + "nanoseconds: each layer at least {@code max(BATCH x FLOPs / peak, (weights read once\n"
                            + "+ BATCH x its other bytes moved) / bandwidth)}, rounded up; at batch 1,"
                            + " {@code LATENCY_NANOS}.\n");
            constants.longConstant("BATCH_LATENCY_PER_SAMPLE_NANOS", training.batchLatencyPerSampleNanos(),
                    "{@code BATCH_LATENCY_NANOS / BATCH}, rounded up: the time per sample at that batch.\n");
        }
    }

    /** The figures of generating text with a key/value cache, for a network with {@code @Generation}. */
    private static void addGeneration(Constants constants, GenerationCost generation, boolean device) {
        constants.longConstant("PROMPT_TOKENS", generation.prompt(),
                "Tokens of the prompt that {@code @Generation} declares, run at once by the prefill.\n");
        constants.longConstant("GENERATED_TOKENS", generation.tokens(),
                "Tokens that {@code @Generation} declares generated after the prompt.\n");
        constants.longConstant("LONGEST_CONTEXT", generation.longestContext(),
                "The longest context in tokens: the network's declared sequence length.\n");
        constants.longConstant("PREFILL_FLOPS", generation.prefillFlops(),
                "FLOPs of the prefill: the network on the {@link #PROMPT_TOKENS} tokens of the prompt at once,\n"
                        + "which fills the key/value cache and gives the first token generated.\n");
        constants.longConstant("DECODE_STEP_FLOPS", generation.decodeStepFlops(),
                "FLOPs of one decode step at the longest context ({@link #LONGEST_CONTEXT} tokens, the costliest\n"
                        + "step): every layer on one new token, attention's projections on it and its products\n"
                        + "against the keys and values of the whole context, its own included.\n");
        constants.longConstant("GENERATION_FLOPS", generation.generationFlops(),
                "FLOPs of generating {@link #GENERATED_TOKENS} tokens after the prompt: {@link #PREFILL_FLOPS}\n"
                        + "(which gives the first) plus every decode step after it, at contexts\n"
                        + "{@code PROMPT_TOKENS + 1} to {@code PROMPT_TOKENS + GENERATED_TOKENS - 1}.\n");
        constants.longConstant("KV_CACHE_BYTES_PER_TOKEN", generation.kvCacheBytesPerToken(),
                "Bytes of the key/value cache per token of context: a key and a value of\n"
                        + "{@code kvHeads * headSize} per causal attention layer, at {@link #PRECISION}.\n");
        constants.longConstant("KV_CACHE_BYTES", generation.kvCacheBytes(),
                "Bytes of the key/value cache at the longest context:\n"
                        + "{@code KV_CACHE_BYTES_PER_TOKEN * LONGEST_CONTEXT}.\n");
        if (device) {
            constants.longConstant("PREFILL_LATENCY_NANOS", generation.prefillLatencyNanos(),
                    "Roofline lower bound on the prefill's time on {@link #DEVICE}, in nanoseconds, as\n"
                            + "{@link #LATENCY_NANOS} for the network on the prompt.\n");
            constants.longConstant("DECODE_LATENCY_NANOS", generation.decodeLatencyNanos(),
                    "Roofline lower bound on one decode step's time at the longest context on {@link #DEVICE}, in\n"
                            + "nanoseconds, as {@link #LATENCY_NANOS} for the step: its bytes moved read every weight\n"
                            + "and the whole key/value cache.\n");
        }
    }

    /**
     * {@code table()}, which gives the table that nested classes append in parts: for a table that one string
     * literal cannot hold.
     */
    private static void addTable(JavaSource source, TypeNames names, int length, List<String> parts,
            List<String> nested) {
        String stringBuilder = names.of(STRING_BUILDER);
        source.member().javadoc(1, "The totals and the layers, one per line of text in the format of {@link "
                + names.of(LAYER_TABLE) + "}.\n\n@return the text, which nested classes append in parts\n");
        source.indent(1).append("private static ").append(stringBuilder).append(" table() {\n");
        source.indent(2).append(stringBuilder).append(" table = new ").append(stringBuilder).append('(')
                .append(length).append(");\n");
        for (String block : nested) {
            source.indent(2).append(block).append(".appendTo(table);\n");
        }
        source.indent(2).append("return table;\n");
        source.indent(1).append("}\n");
        for (int block = 0; block < nested.size(); block++) {
            String name = nested.get(block);
            source.member().javadoc(1, "Block " + block + " of the table, in a class of its own so that no class"
                    + " nears the JVM's limit of constants.\n");
            source.indent(1).append("private static final class ").append(name);
            source.openBody();
            source.member().javadoc(2, "Not instantiable.\n");
            source.indent(2).append("private ").append(name).append("() {\n");
            source.indent(2).append("}\n");
            source.member().javadoc(2, "Appends this part of the table.\n\n@param table the table so far\n");
            source.indent(2).append("static void appendTo(").append(stringBuilder).append(" table) {\n");
            int start = block * TableSource.PARTS_PER_CLASS;
            for (String part : parts.subList(start, Math.min(parts.size(), start + TableSource.PARTS_PER_CLASS))) {
                JavaLiterals.appendString(source.indent(3).append("table.append("), part).append(");\n");
            }
            source.indent(2).append("}\n");
            source.closeBody(1);
        }
    }

    /** A qualified name as the source names it in its package: {@code Outer.Net} for {@code p.Outer.Net}. */
    private static String inPackage(String qualifiedName, String packageName) {
        return packageName.isEmpty() ? qualifiedName : qualifiedName.substring(packageName.length() + 1);
    }

    /** Whether a class of its package can see the type: neither it nor a type enclosing it is private. */
    private static boolean isVisibleInItsPackage(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (e.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
        }
        return true;
    }

    /** {@code 86704128} as {@code 86_704_128L}, for readers of the generated source. */
    static String longLiteral(long value) {
        return Reports.grouped(value, '_') + 'L';
    }

    /** The public constants of the class, each with its javadoc, in the order written. */
    private static final class Constants {
        private final JavaSource source;
        private final String stringType;

        Constants(JavaSource source, String stringType) {
            this.source = source;
            this.stringType = stringType;
        }

        void longConstant(String name, long value, String javadoc) {
            constant("long", name, javadoc).append(longLiteral(value)).append(";\n");
        }

        void intConstant(String name, int value, String javadoc) {
            constant("int", name, javadoc).append(value).append(";\n");
        }

        void stringConstant(String name, String value, String javadoc) {
            JavaLiterals.appendString(constant(stringType, name, javadoc), value).append(";\n");
        }

        private StringBuilder constant(String type, String name, String javadoc) {
            return source.member().javadoc(1, javadoc).indent(1).append("public static final ").append(type)
                    .append(' ').append(name).append(" = ");
        }
    }
}
