package dev.modelcost.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.LayerTraffic;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.tools.JavaFileObject;

/**
 * Writes the {@code <Network>Cost} class: compile-time constants for the totals, and the per-layer
 * breakdown as a {@link ModelCost}. The layers are built in nested classes of at most {@value #LAYERS_PER_CLASS}
 * each, fewer when their shapes have many dimensions, so that no method nears the 64 KiB limit and no class nears
 * the 65,535-entry constant pool, however many layers the network has. The output depends only on the network,
 * never on time or JDK.
 */
public final class CostClassWriter {
    static final int LAYERS_PER_CLASS = 200;
    /** Bytecode that one nested class's method may take by {@link #codeBytes}: half the JVM's 64 KiB. */
    static final int CODE_BUDGET = 32 * 1024;
    /** Constant-pool entries that one nested class's layers may add by {@link #constants}: half the 65,535. */
    static final int CONSTANT_BUDGET = 32 * 1024;
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName ARRAY_LIST = ClassName.get(ArrayList.class);
    private static final ClassName LAYER_COST = ClassName.get(LayerCost.class);
    private static final ClassName LAYER_KIND = ClassName.get(LayerKind.class);
    private static final ClassName MODEL_COST = ClassName.get(ModelCost.class);
    private static final String PROCESSOR = "dev.modelcost.processor.ModelCostProcessor";

    private final ClassName generatedAnnotation;

    /** @param generatedAnnotation the {@code @Generated} to mark the class with, or null when none exists */
    public CostClassWriter(ClassName generatedAnnotation) {
        this.generatedAnnotation = generatedAnnotation;
    }

    /** The source file of the cost class. */
    public JavaFile write(NetworkCost cost, MemoryProfile memory) {
        ClassName network = ClassName.get(cost.network().type());
        ClassName self = ClassName.get(cost.network().packageName(), cost.network().costClassName());
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(cost.network().type())
                .addJavadoc("The cost of {@link $T} per input sample ($L), counted by modelcost at compile time.\n",
                        network, cost.input())
                .addJavadoc("\n<p>All figures are exact, for a batch of 1. See {@link $T} for the conventions.\n",
                        MODEL_COST);
        if (generatedAnnotation != null) {
            type.addAnnotation(AnnotationSpec.builder(generatedAnnotation).addMember("value", "$S", PROCESSOR).build());
        }
        type.addField(longConstant("MACS", cost.macs(),
                "Multiply-accumulates of the convolution, transposed-convolution and dense layers: the convention\n"
                        + "of torchvision's published \"GFLOPS\", fvcore, ptflops and thop, and of papers' \"mult-adds\".\n"));
        type.addField(longConstant("BIAS_ADDS", cost.biasAdds(),
                "Bias additions: one per output element of every layer that has a bias.\n"));
        type.addField(longConstant("FLOPS", cost.flops(),
                "Floating-point operations: {@code 2 * MACS + BIAS_ADDS}, a multiply and an add per\n"
                        + "multiply-accumulate (the convention of PyTorch's {@code torch.utils.flop_counter}), plus the\n"
                        + "bias additions, plus the operations of pooling, normalization, activation and other\n"
                        + "element-wise layers as each layer kind documents them.\n"));
        type.addField(longConstant("PARAMS", cost.params(),
                "Parameters: weights, biases, and batch normalization's scale and shift.\n"));
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
        type.addField(FieldSpec.builder(MODEL_COST, "MODEL", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("These totals with the per-layer breakdown, in declaration order.\n")
                .initializer("new $T($S, $L, $L, MACS, BIAS_ADDS, FLOPS, PARAMS, ACTIVATIONS, PRECISION, PARAM_BYTES,"
                        + " ACTIVATION_BYTES, PEAK_ACTIVATION_BYTES, BYTES_MOVED, $L, layers())", MODEL_COST,
                        cost.network().displayName(), intArray(cost.input().toInts()),
                        intArray(cost.output().toInts()), memory.target().hasDevice() ? "LATENCY_NANOS" : "-1L")
                .build());
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        addLayers(type, cost.layers(), memory.layers());
        return JavaFile.builder(cost.network().packageName(), type.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    /**
     * Writes the source file through the Filer, rendered first and written at once: JavaPoet's own {@link
     * JavaFile#writeTo(Filer)} sends every token to the Filer's writer on its own, which cost as much again as
     * rendering for a large network. The text is {@linkplain #ascii ASCII}.
     */
    public static void writeTo(Filer filer, JavaFile file) throws IOException {
        String text = ascii(file.toString());
        TypeSpec type = file.typeSpec();
        String name = file.packageName().isEmpty() ? type.name() : file.packageName() + "." + type.name();
        JavaFileObject source = filer.createSourceFile(name, type.originatingElements().toArray(Element[]::new));
        try (Writer out = source.openWriter()) {
            out.write(text);
        }
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
            // JavaPoet doubles every backslash of a string literal, so this one always starts the escape.
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
                        + "read, output written and parameters read, in bytes.\n"));
        if (memory.target().hasDevice()) {
            type.addField(stringConstant("DEVICE", memory.target().deviceName(),
                    "The device the latency bound is for.\n"));
            type.addField(longConstant("LATENCY_NANOS", memory.latencyNanos(),
                    "Roofline lower bound on the time of one forward pass on {@link #DEVICE}, in nanoseconds: each\n"
                            + "layer takes at least {@code max(FLOPs / peak, bytes moved / bandwidth)}, rounded up.\n"));
        }
    }

    /** {@code layers()} fills the list from one nested class per block of layers. */
    private static void addLayers(TypeSpec.Builder type, List<LayerFigures> layers, List<LayerTraffic> traffic) {
        ParameterizedTypeName listOfLayers = ParameterizedTypeName.get(LIST, LAYER_COST);
        MethodSpec.Builder all = MethodSpec.methodBuilder("layers")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(listOfLayers)
                .addStatement("$T layers = new $T<>(LAYERS)", listOfLayers, ARRAY_LIST);
        for (int start = 0, block = 0; start < layers.size(); block++) {
            String blockName = "Layers" + block;
            MethodSpec.Builder addTo = MethodSpec.methodBuilder("addTo")
                    .addModifiers(Modifier.STATIC)
                    .addParameter(listOfLayers, "layers");
            int end = endOfClass(layers, start);
            for (int index = start; index < end; index++) {
                addTo.addStatement(addLayerCost(layers.get(index), traffic.get(index), index));
            }
            start = end;
            type.addType(TypeSpec.classBuilder(blockName)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                    .addMethod(addTo.build())
                    .build());
            all.addStatement("$L.addTo(layers)", blockName);
        }
        type.addMethod(all.addStatement("return layers").build());
    }

    /** Where the nested class of layers that begins at {@code start} ends: its budgets spent, or 200 layers. */
    static int endOfClass(List<LayerFigures> layers, int start) {
        int end = start;
        long code = 0;
        long constants = 0;
        while (end < layers.size() && end - start < LAYERS_PER_CLASS) {
            code += codeBytes(layers.get(end));
            constants += constants(layers.get(end));
            if (end > start && (code > CODE_BUDGET || constants > CONSTANT_BUDGET)) {
                break;
            }
            end++;
        }
        return end;
    }

    /**
     * At most how many bytes of bytecode {@code layers.add(new LayerCost(...))} compiles to: 64 for the call, the
     * name, kind and settings and the nine {@code long}s ({@code ldc2_w}, 3 bytes each), and for each shape
     * array 5 bytes to create it and 8 per element ({@code dup}, index, value, {@code iastore}).
     */
    static long codeBytes(LayerFigures layer) {
        return 64 + 2 * 5 + 8L * (layer.input().rank() + layer.output().rank() + 2);
    }

    /**
     * At most how many constant-pool entries a layer adds: its name and settings (a string and its text each),
     * nine {@code long}s (two entries each), its index and one {@code int} per shape element.
     */
    static long constants(LayerFigures layer) {
        return 4 + 18 + 1 + layer.input().rank() + layer.output().rank() + 2;
    }

    /**
     * {@code layers.add(new LayerCost(...))} for one layer. Its shapes and figures go to JavaPoet as one piece of
     * text, not as some thirty arguments: JavaPoet handles each argument on its own, twice (the first pass
     * collects the imports), and for a network of 100,000 layers that was most of the processor's time.
     */
    private static CodeBlock addLayerCost(LayerFigures layer, LayerTraffic traffic, int index) {
        StringBuilder figures = new StringBuilder();
        appendIntArray(figures, layer.input().toInts()).append(", ");
        appendIntArray(figures, layer.output().toInts());
        for (long figure : new long[] {layer.macs(), layer.biasAdds(), layer.flops(), layer.params(),
                layer.activations(), traffic.activationBytes(), traffic.bytesMoved()}) {
            figures.append(", ").append(longLiteral(figure));
        }
        figures.append(", ").append(traffic.latencyNanos() < 0 ? "-1L" : longLiteral(traffic.latencyNanos()));
        return CodeBlock.of("layers.add(new $T($L, $S, $T.$L, $S, $L))", LAYER_COST, index, layer.layer().name(),
                LAYER_KIND, layer.layer().kind().name(), layer.settings(), figures);
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
                .initializer("$S", value)
                .build();
    }

    private static String intArray(int[] values) {
        return appendIntArray(new StringBuilder(), values).toString();
    }

    /** {@code new int[] {3, 224, 224}}. */
    private static StringBuilder appendIntArray(StringBuilder text, int[] values) {
        text.append("new int[] {");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return text.append('}');
    }

    /** {@code 86704128} as {@code 86_704_128L}, for readers of the generated source. */
    static String longLiteral(long value) {
        String digits = Long.toString(value);
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                literal.append('_');
            }
            literal.append(digits.charAt(i));
        }
        return literal.append('L').toString();
    }
}
