package dev.modelcost.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.modelcost.LayerCost;
import dev.modelcost.LayerTable;
import dev.modelcost.ModelCost;
import dev.modelcost.Reports;
import dev.modelcost.processor.analysis.GenerationCost;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.LayerTraffic;
import dev.modelcost.processor.analysis.BackwardPass;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.TrainingProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes the {@code <Network>Cost} class: compile-time constants for the totals, and the per-layer
 * breakdown as a {@link ModelCost}, read at class initialization from a {@link LayerTable} held as text. The
 * output depends only on the network, never on time or JDK.
 */
public final class CostClassWriter {
    /** Bytes of one string literal of the layer table in the class file: under javac's 65,535. */
    static final int PART_BYTES = 48 * 1024;
    static final int PARTS_PER_CLASS = 100;
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName LAYER_COST = ClassName.get(LayerCost.class);
    private static final ClassName LAYER_TABLE = ClassName.get(LayerTable.class);
    private static final ClassName MODEL_COST = ClassName.get(ModelCost.class);
    private static final String PROCESSOR = "dev.modelcost.processor.ModelCostProcessor";
    private static final String INDENT = "    ";

    private final GeneratedAnnotation generatedAnnotation;

    /** @param generatedAnnotation the {@code @Generated} to mark each class with, where its module has one */
    public CostClassWriter(GeneratedAnnotation generatedAnnotation) {
        this.generatedAnnotation = generatedAnnotation;
    }

    /** The source file of the cost class. */
    public JavaFile write(NetworkCost cost, MemoryProfile memory) {
        TypeElement networkType = cost.network().type();
        ClassName self = ClassName.get(cost.network().packageName(), cost.network().costClassName());
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(networkType)
                // javadoc may link only to what the cost class can see: not to a private nested network.
                .addJavadoc("The cost of {@$L $T} per input sample ($L), counted by modelcost at compile time.\n",
                        isVisibleInItsPackage(networkType) ? "link" : "code", ClassName.get(networkType),
                        cost.input())
                .addJavadoc("\n<p>All figures are exact, for a batch of 1. See {@link $T} for the conventions.\n",
                        MODEL_COST);
        generatedAnnotation.beside(networkType).ifPresent(generated -> type.addAnnotation(AnnotationSpec
                .builder(generated).addMember("value", "$L", literal(PROCESSOR)).build()));
        type.addField(longConstant("MACS", cost.macs(),
                "Multiply-accumulates of the layers that multiply by weights or by each other (convolution,\n"
                        + "transposed convolution, dense, linear, attention, recurrent): the convention of torchvision's\n"
                        + "published \"GFLOPS\", fvcore, ptflops and thop, and of papers' \"mult-adds\".\n"));
        type.addField(longConstant("BIAS_ADDS", cost.biasAdds(),
                "Bias additions: one per output element of every layer that has a bias.\n"));
        type.addField(longConstant("FLOPS", cost.flops(),
                "Floating-point operations: {@code 2 * MACS + BIAS_ADDS}, a multiply and an add per\n"
                        + "multiply-accumulate (the convention of PyTorch's {@code torch.utils.flop_counter}), plus the\n"
                        + "bias additions, plus the operations of pooling, normalization, activation and other\n"
                        + "element-wise layers as each layer kind documents them.\n"));
        type.addField(longConstant("PARAMS", cost.params(),
                "Parameters: weights, biases, and normalizations' scale and shift.\n"));
        type.addField(longConstant("ACTIVATIONS", cost.activations(),
                "Activation elements: the elements output by every layer, summed.\n"));
        type.addField(FieldSpec.builder(int.class, "LAYERS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Number of layers.\n")
                .initializer("$L", cost.layers().size())
                .build());
        type.addField(stringConstant("INPUT_SHAPE", cost.input().toString(),
                "Shape of one input sample: channels, then spatial sizes.\n"));
        type.addField(stringConstant("OUTPUT_SHAPE", cost.output().toString(),
                "Shape of one output sample: channels, then spatial sizes.\n"));
        addMemory(type, memory);
        addTrainingStep(type, cost.backward());
        addTraining(type, memory);
        if (cost.generation() != null) {
            addGeneration(type, cost.generation(), memory.target().hasDevice());
        }
        type.addField(FieldSpec.builder(MODEL_COST, "MODEL", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("These totals with the per-layer breakdown, in declaration order.\n")
                .initializer("new $T($L, $L, $L, MACS, BIAS_ADDS, FLOPS, PARAMS, ACTIVATIONS, PRECISION, PARAM_BYTES,"
                        + " ACTIVATION_BYTES, PEAK_ACTIVATION_BYTES, BYTES_MOVED, $L, layers())", MODEL_COST,
                        literal(cost.network().displayName()), intArray(cost.input().toInts()),
                        intArray(cost.output().toInts()), memory.target().hasDevice() ? "LATENCY_NANOS" : "-1L")
                .build());
        type.addMethod(privateConstructor("Not instantiable: a holder of constants.\n"));
        addLayers(type, self.simpleName(), cost.layers(), memory.layers());
        // java.lang's types are imported too, so that a same-package class named String cannot shadow them.
        return JavaFile.builder(cost.network().packageName(), type.build())
                .indent(INDENT)
                .build();
    }

    /**
     * The text of the source file, {@linkplain #ascii ASCII}, to be written at once: JavaPoet's own {@link
     * JavaFile#writeTo(Filer)} sends every token to the Filer's writer on its own, which cost as much again as
     * rendering for a large network.
     */
    public static String source(JavaFile file) {
        return ascii(file.toString());
    }

    /**
     * The source with every character beyond ASCII written as a Unicode escape (a backslash, {@code u} and four
     * hexadecimal digits), which Java reads as that character anywhere in a source file. The Filer writes in
     * javac's {@code -encoding}, by default the platform's: ASCII on JDK 17 in a POSIX locale, where a network
     * named with an accented letter got a question mark in its name instead; UTF-8 from JDK 18 on. An ASCII
     * source is the same bytes, and right, in every encoding.
     */
    static String ascii(String source) {
        StringBuilder text = null;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c < 0x80) {
                if (text != null) {
                    text.append(c);
                }
                continue;
            }
            if (text == null) {
                text = new StringBuilder(source.length() + 16).append(source, 0, i);
            }
            // Outside the string literals (ASCII already, see JavaLiterals): in names and javadoc, where no
            // backslash stands before it, so this one always starts the escape.
            text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
        }
        return text == null ? source : text.toString();
    }

    /** Byte figures at the network's precision, and the roofline bound when a device is declared. */
    private static void addMemory(TypeSpec.Builder type, MemoryProfile memory) {
        type.addField(stringConstant("PRECISION", memory.target().precision().name(),
                "The numeric type of weights and activations that the byte figures are for.\n"));
        type.addField(FieldSpec.builder(int.class, "BYTES_PER_ELEMENT", Modifier.PUBLIC, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("Bytes per weight or activation at {@link #PRECISION}.\n")
                .initializer("$L", memory.target().precision().bytes())
                .build());
        type.addField(longConstant("PARAM_BYTES", memory.paramBytes(), "Bytes of the parameters.\n"));
        type.addField(longConstant("ACTIVATION_BYTES", memory.activationBytes(),
                "Bytes of every layer's output, summed.\n"));
        type.addField(longConstant("PEAK_ACTIVATION_BYTES", memory.peakActivationBytes(),
                "The most activation bytes alive at once in a forward pass in declaration order: the input, every\n"
                        + "output still to be read by a later layer (branches, concatenations), and the output being\n"
                        + "written.\n"));
        type.addField(longConstant("MEMORY_BYTES", memory.memoryBytes(),
                "{@code PARAM_BYTES + PEAK_ACTIVATION_BYTES}: what a forward pass holds in memory at once.\n"));
        type.addField(longConstant("BYTES_MOVED", memory.bytesMoved(),
                "Memory access cost as ShuffleNet V2 defines it, summed over the layers: each layer's inputs\n"
                        + "read, output written, weights read and what attention keeps in between, in bytes.\n"));
        if (memory.target().hasDevice()) {
            type.addField(stringConstant("DEVICE", memory.target().deviceName(),
                    "The device the latency bound is for.\n"));
            type.addField(longConstant("LATENCY_NANOS", memory.latencyNanos(),
                    "Roofline lower bound on the time of one forward pass on {@link #DEVICE}, in nanoseconds: each\n"
                            + "layer takes at least {@code max(FLOPs / peak, bytes moved / bandwidth)}, rounded up.\n"));
        }
    }

    /** The backward pass of a training step and the step's operations, per sample. */
    private static void addTrainingStep(TypeSpec.Builder type, BackwardPass backward) {
        type.addField(longConstant("BACKWARD_MACS", backward.macs(),
                "Multiply-accumulates of the backward pass of one training step: each layer's input gradient\n"
                        + "when a trainable layer lies before it, and its weight gradients when it is trainable (not\n"
                        + "{@code @Frozen}); for a convolution, a transposed convolution or a linear layer each is its\n"
                        + "forward MACs.\n"));
        type.addField(longConstant("BACKWARD_FLOPS", backward.flops(),
                "Floating-point operations of that backward pass: {@code 2 * BACKWARD_MACS}, plus the bias\n"
                        + "gradients' additions and the other layers' gradient operations as each kind documents them.\n"));
        type.addField(longConstant("TRAINING_STEP_FLOPS", backward.trainingStepFlops(),
                "Floating-point operations of one training step per sample: {@code FLOPS + BACKWARD_FLOPS}, the\n"
                        + "forward pass and the backward pass (the optimizer's update is not counted).\n"));
    }

    /** The training memory of {@code @Training}'s optimizer, precision and batch, and the roofline over the batch. */
    private static void addTraining(TypeSpec.Builder type, MemoryProfile memory) {
        TrainingProfile training = memory.training();
        type.addField(stringConstant("OPTIMIZER", training.training().optimizer().name(),
                "The optimizer the training memory is for ({@code @Training}, else Adam).\n"));
        type.addField(stringConstant("TRAINING_PRECISION", training.training().precision().name(),
                "The numeric types of training ({@code @Training}, else FP32).\n"));
        type.addField(FieldSpec.builder(int.class, "BATCH", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Samples per batch ({@code @Training(batch)}, else {@code -Amodelcost.batch}, else 1).\n")
                .initializer("$L", training.training().batch())
                .build());
        type.addField(longConstant("TRAINING_WEIGHT_BYTES", training.weightBytes(),
                "{@code PARAMS} x the weight bytes of {@link #TRAINING_PRECISION}: the weights the passes compute"
                        + " with.\n"));
        type.addField(longConstant("GRADIENT_BYTES", training.gradientBytes(),
                "One gradient per trained parameter (not {@code @Frozen}), at the weights' precision.\n"));
        type.addField(longConstant("MASTER_WEIGHT_BYTES", training.masterWeightBytes(),
                "The FP32 copy of the weights that mixed precision updates: 4 bytes per trained\n"
                        + "parameter, else 0.\n"));
        type.addField(longConstant("OPTIMIZER_STATE_BYTES", training.optimizerStateBytes(),
                "The optimizer's state: per trained parameter none for SGD, a momentum for SGD with momentum,\n"
                        + "momentum and variance for Adam and AdamW; 4 bytes each, 2 in pure bfloat16.\n"));
        type.addField(longConstant("SAVED_ACTIVATION_BYTES", training.savedActivationBytes(),
                "Activations saved for the backward pass: the input, every layer's output and what attention keeps\n"
                        + "in between (queries, keys, values, scores, heads' output), per sample, times"
                        + " {@link #BATCH}.\n"));
        type.addField(longConstant("TRAINING_MEMORY_BYTES", training.trainingMemoryBytes(),
                "What a training step holds: {@code TRAINING_WEIGHT_BYTES + GRADIENT_BYTES + MASTER_WEIGHT_BYTES\n"
                        + "+ OPTIMIZER_STATE_BYTES + SAVED_ACTIVATION_BYTES}, as the ZeRO paper counts it"
                        + " (16 bytes per\n"
                        + "parameter for mixed-precision Adam); a tied matrix once.\n"));
        if (memory.target().hasDevice()) {
            type.addField(longConstant("BATCH_LATENCY_NANOS", training.batchLatencyNanos(),
                    "Roofline lower bound on a forward pass of {@link #BATCH} samples on {@link #DEVICE}, in\n"
                            + "nanoseconds: each layer at least {@code max(BATCH x FLOPs / peak, (weights read once\n"
                            + "+ BATCH x its other bytes moved) / bandwidth)}, rounded up; at batch 1,"
                            + " {@code LATENCY_NANOS}.\n"));
            type.addField(longConstant("BATCH_LATENCY_PER_SAMPLE_NANOS", training.batchLatencyPerSampleNanos(),
                    "{@code BATCH_LATENCY_NANOS / BATCH}, rounded up: the time per sample at that batch.\n"));
        }
    }

    /** The figures of generating text with a key/value cache, for a network with {@code @Generation}. */
    private static void addGeneration(TypeSpec.Builder type, GenerationCost generation, boolean device) {
        type.addField(longConstant("PROMPT_TOKENS", generation.prompt(),
                "Tokens of the prompt that {@code @Generation} declares, run at once by the prefill.\n"));
        type.addField(longConstant("GENERATED_TOKENS", generation.tokens(),
                "Tokens that {@code @Generation} declares generated after the prompt.\n"));
        type.addField(longConstant("LONGEST_CONTEXT", generation.longestContext(),
                "The longest context in tokens: the network's declared sequence length.\n"));
        type.addField(longConstant("PREFILL_FLOPS", generation.prefillFlops(),
                "FLOPs of the prefill: the network on the {@link #PROMPT_TOKENS} tokens of the prompt at once,\n"
                        + "which fills the key/value cache and gives the first token generated.\n"));
        type.addField(longConstant("DECODE_STEP_FLOPS", generation.decodeStepFlops(),
                "FLOPs of one decode step at the longest context ({@link #LONGEST_CONTEXT} tokens, the costliest\n"
                        + "step): every layer on one new token, attention's projections on it and its products\n"
                        + "against the keys and values of the whole context, its own included.\n"));
        type.addField(longConstant("GENERATION_FLOPS", generation.generationFlops(),
                "FLOPs of generating {@link #GENERATED_TOKENS} tokens after the prompt: {@link #PREFILL_FLOPS}\n"
                        + "(which gives the first) plus every decode step after it, at contexts\n"
                        + "{@code PROMPT_TOKENS + 1} to {@code PROMPT_TOKENS + GENERATED_TOKENS - 1}.\n"));
        type.addField(longConstant("KV_CACHE_BYTES_PER_TOKEN", generation.kvCacheBytesPerToken(),
                "Bytes of the key/value cache per token of context: a key and a value of\n"
                        + "{@code kvHeads * headSize} per causal attention layer, at {@link #PRECISION}.\n"));
        type.addField(longConstant("KV_CACHE_BYTES", generation.kvCacheBytes(),
                "Bytes of the key/value cache at the longest context:\n"
                        + "{@code KV_CACHE_BYTES_PER_TOKEN * LONGEST_CONTEXT}.\n"));
        if (device) {
            type.addField(longConstant("PREFILL_LATENCY_NANOS", generation.prefillLatencyNanos(),
                    "Roofline lower bound on the prefill's time on {@link #DEVICE}, in nanoseconds, as\n"
                            + "{@link #LATENCY_NANOS} for the network on the prompt.\n"));
            type.addField(longConstant("DECODE_LATENCY_NANOS", generation.decodeLatencyNanos(),
                    "Roofline lower bound on one decode step's time at the longest context on {@link #DEVICE}, in\n"
                            + "nanoseconds, as {@link #LATENCY_NANOS} for the step: its bytes moved read every weight\n"
                            + "and the whole key/value cache.\n"));
        }
    }

    /**
     * {@code layers()} reads the {@linkplain LayerTable table of layers}, which nested classes append as string
     * literals of at most {@value #PART_BYTES} bytes, {@value #PARTS_PER_CLASS} to a class. A literal costs its
     * class two constant-pool entries and its method eight bytes of bytecode, a nested class costs {@code layers()}
     * four bytes, so no class nears the JVM's limits (65,535 constants, 64 KiB per method) below some 70 GB of
     * table, far beyond what javac can hold.
     */
    private static void addLayers(TypeSpec.Builder type, String typeName, List<LayerFigures> layers,
            List<LayerTraffic> traffic) {
        StringBuilder table = new StringBuilder();
        for (int index = 0; index < layers.size(); index++) {
            LayerTable.appendLine(table, layerCost(layers.get(index), traffic.get(index), index));
        }
        List<String> parts = parts(table);
        MethodSpec.Builder all = MethodSpec.methodBuilder("layers")
                .addJavadoc("The layers, one per line of text in the columns of {@link $T}.\n", LAYER_TABLE)
                .addJavadoc("\n@return the layers in declaration order\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ParameterizedTypeName.get(LIST, LAYER_COST))
                .addStatement("$T table = new $T($L)", StringBuilder.class, StringBuilder.class, table.length());
        String prefix = nestedClassPrefix(typeName);
        for (int start = 0, block = 0; start < parts.size(); start += PARTS_PER_CLASS, block++) {
            String blockName = prefix + block;
            MethodSpec.Builder appendTo = MethodSpec.methodBuilder("appendTo")
                    .addJavadoc("Appends this part of the table.\n\n@param table the table so far\n")
                    .addModifiers(Modifier.STATIC)
                    .addParameter(StringBuilder.class, "table");
            for (String part : parts.subList(start, Math.min(parts.size(), start + PARTS_PER_CLASS))) {
                appendTo.addStatement("table.append($L)", JavaLiterals.oneLine(part));
            }
            type.addType(TypeSpec.classBuilder(blockName)
                    .addJavadoc("Block $L of the table, in a class of its own so that no class nears the JVM's limit of "
                            + "constants.\n", block)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addMethod(privateConstructor("Not instantiable.\n"))
                    .addMethod(appendTo.build())
                    .build());
            all.addStatement("$L.appendTo(table)", blockName);
        }
        type.addMethod(all.addStatement("return $T.read(table)", LAYER_TABLE).build());
    }

    private static LayerCost layerCost(LayerFigures layer, LayerTraffic traffic, int index) {
        return new LayerCost(index, layer.layer().name(), layer.layer().kind(),
                layer.settings(), layer.input().toInts(), layer.output().toInts(), layer.macs(), layer.biasAdds(),
                layer.flops(), layer.params(), layer.activations(), traffic.activationBytes(), traffic.bytesMoved(),
                traffic.latencyNanos() < 0 ? -1L : traffic.latencyNanos());
    }

    /**
     * The table cut into string literals of at most {@value #PART_BYTES} bytes in the class file's encoding
     * (javac rejects a string constant over 65,535), at the end of a line unless a line alone is longer.
     */
    static List<String> parts(CharSequence table) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int lineEnd = 0;
        int bytes = 0;
        for (int i = 0; i < table.length(); i++) {
            int size = classFileBytes(table.charAt(i));
            while (bytes + size > PART_BYTES) {
                int cut = lineEnd > start ? lineEnd : i;
                parts.add(table.subSequence(start, cut).toString());
                start = cut;
                bytes = 0;
                for (int j = cut; j < i; j++) {
                    bytes += classFileBytes(table.charAt(j));
                }
            }
            bytes += size;
            if (table.charAt(i) == '\n') {
                lineEnd = i + 1;
            }
        }
        if (start < table.length()) {
            parts.add(table.subSequence(start, table.length()).toString());
        }
        return parts;
    }

    /** Bytes of a character in a class file's string constant (modified UTF-8). */
    private static int classFileBytes(char c) {
        return c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }

    private static FieldSpec longConstant(String name, long value, String javadoc) {
        return FieldSpec.builder(long.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(javadoc)
                .initializer("$L", longLiteral(value))
                .build();
    }

    private static FieldSpec stringConstant(String name, String value, String javadoc) {
        return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(javadoc)
                .initializer("$L", literal(value))
                .build();
    }

    private static String literal(String text) {
        return JavaLiterals.string(text, INDENT);
    }

    private static MethodSpec privateConstructor(String javadoc) {
        return MethodSpec.constructorBuilder().addJavadoc(javadoc).addModifiers(Modifier.PRIVATE).build();
    }

    /**
     * The nested classes' names are this prefix and a number: {@code Table0}, {@code Table1}..., unless the cost
     * class itself is named so, which a nested class may not be ({@code Rows0} then). JavaPoet qualifies any type
     * of the same simple name.
     */
    static String nestedClassPrefix(String typeName) {
        return typeName.startsWith("Table") ? "Rows" : "Table";
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

    /** {@code new int[] {3, 224, 224}}. */
    private static String intArray(int[] values) {
        StringBuilder text = new StringBuilder("new int[] {");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return text.append('}').toString();
    }

    /** {@code 86704128} as {@code 86_704_128L}, for readers of the generated source. */
    static String longLiteral(long value) {
        return Reports.grouped(value, '_') + 'L';
    }
}
