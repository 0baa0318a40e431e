package dev.modelcost.processor.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A generated network as data, mutable so that a mutation can break one detail of a valid network, and its
 * rendering as Java source. {@link Semantics} says what the data means; this class only says how it is written.
 */
final class Spec {
    private Spec() {
    }

    /** {@code From.INPUT}'s value: the name by which a field refers to its class's input. */
    static final String INPUT = dev.modelcost.From.INPUT;

    /** The attribute, written verbatim, that leaves a normalization without its scale and shift. */
    static final String NOT_AFFINE = "affine = false";

    /** The attributes, written verbatim, that make a recurrent layer bidirectional, biasless, or an Elman relu one. */
    static final String BIDIRECTIONAL = "bidirectional = true";
    static final String NO_BIAS = "bias = false";
    static final String RELU_NONLINEARITY = "nonlinearity = ActivationFunction.RELU";
    /** {@code @Attention}'s attributes written verbatim. */
    static final String NO_PROJECTIONS = "projections = false";
    static final String CAUSAL = "causal = true";
    static final String RELATIVE_POSITION_BIAS = "relativePositionBias = true";
    /** {@code @MatMul}'s attribute written verbatim. */
    static final String TRANSPOSE_SECOND = "transposeSecond = true";

    /** A tensor shape: channels, then spatial sizes (none for a vector). */
    record Shape(int channels, int[] sizes) {
        int rank() {
            return sizes.length;
        }

        /** Channels then sizes, as {@code LayerCost.outputShape()} gives them. */
        int[] toArray() {
            int[] all = new int[sizes.length + 1];
            all[0] = channels;
            System.arraycopy(sizes, 0, all, 1, sizes.length);
            return all;
        }

        @Override
        public String toString() {
            return Arrays.toString(toArray());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Shape shape && Arrays.equals(toArray(), shape.toArray());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(toArray());
        }
    }

    /** A numeric attribute: literal values, expressions (the {@code ...Expr} twin), or raw expression text. */
    sealed interface Value {
    }

    /** {@code kernel = 3} or {@code kernel = {3, 1}}; {@code braces} writes a single value as {@code {3}}. */
    record Literal(int[] values, boolean braces) implements Value {
    }

    /** {@code kernelExpr = "k, 1"}. */
    record Expressions(List<Expr> parts) implements Value {
    }

    /** {@code outExpr = "..."} with text that is deliberately not a valid expression. */
    record Raw(String text) implements Value {
    }

    enum Kind {
        CONV("Conv"), DECONV("Deconv"), DENSE("Dense"), MAX_POOL("MaxPool"), AVG_POOL("AvgPool"),
        GLOBAL_AVG_POOL("GlobalAvgPool"), GLOBAL_MAX_POOL("GlobalMaxPool"), ADAPTIVE_POOL("AdaptivePool"),
        BATCH_NORM("BatchNorm"), GROUP_NORM("GroupNorm"), LAYER_NORM("LayerNorm"), ACTIVATION("Activation"),
        ELEMENTWISE("Elementwise"), DROPOUT("Dropout"), UPSAMPLE("Upsample"), ADD("Add"), MULTIPLY("Multiply"),
        CONCAT("Concat"), SLICE("Slice"), SHUFFLE("Shuffle"), FLATTEN("Flatten"), STAGE("Stage"),
        TOKENS("Tokens"), TO_MAP("ToMap"), RESHAPE("Reshape"), PERMUTE("Permute"), PIXEL_SHUFFLE("PixelShuffle"),
        PIXEL_UNSHUFFLE("PixelUnshuffle"), SELECT_TOKEN("SelectToken"),
        LSTM("LSTM"), GRU("GRU"), RNN("RNN"),
        ATTENTION("Attention"), MATMUL("MatMul"), ROTARY("Rotary"),
        LINEAR("Linear"), EMBEDDING("Embedding"), LEARNED("Learned"), POSITION_EMBEDDING("PositionEmbedding"),
        RMS_NORM("RMSNorm"), GATED_MLP("GatedMlp"),
        /** A field without a layer annotation (only modifiers, if any). */
        NONE("");

        final String annotation;

        Kind(String annotation) {
            this.annotation = annotation;
        }

        boolean isMerge() {
            return this == ADD || this == MULTIPLY || this == CONCAT || this == MATMUL;
        }
    }

    /** One field of a network or block class. */
    static final class Field {
        final String name;
        Kind kind;
        /** Numeric attributes, in the order written. */
        final Map<String, Value> values = new LinkedHashMap<>();
        /** Other attributes, written as given: {@code bias = false}, {@code mode = PoolMode.MAX}, ... */
        final List<String> verbatim = new ArrayList<>();
        boolean same;
        boolean ceilMode;
        /** {@code @Grouped}: null for none; its count, or {@code depthwise}. */
        Value groups;
        boolean depthwise;
        boolean grouped;
        String from;
        Expr when;
        String rawWhen;
        List<String> operands;
        /** {@code @Attention}'s {@code keys}: the layer it takes keys and values from, or null (also in verbatim). */
        String keys;
        /** The layer whose weight matrix it shares ({@code tiedTo}, written among {@link #verbatim}), or null. */
        String tiedTo;
        /** For a stage. */
        Block block;
        int repeat = 1;
        final Map<String, Expr> with = new LinkedHashMap<>();
        final Map<String, Expr> first = new LinkedHashMap<>();
        String rawWith;
        /** A {@code @Budget} that no figure exceeds, as written; or null. */
        String budget;
        /** Annotations written before the others, as given (for mutations). */
        final List<String> extraAnnotations = new ArrayList<>();

        Field(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }

        /** A concatenation's axis, as written (always a literal), 0 by default. */
        int axis() {
            return values.get("axis") instanceof Literal axis ? axis.values()[0] : 0;
        }

        String render() {
            List<String> annotations = new ArrayList<>(extraAnnotations);
            if (budget != null) {
                annotations.add(budget);
            }
            if (rawWhen != null) {
                annotations.add("@When(\"" + rawWhen + "\")");
            } else if (when != null) {
                annotations.add("@When(\"" + when.render() + "\")");
            }
            if (from != null) {
                annotations.add("@From(" + nameLiteral(from) + ")");
            }
            if (grouped) {
                List<String> parts = new ArrayList<>();
                if (groups != null) {
                    parts.add(attribute("value", groups));
                }
                if (depthwise) {
                    parts.add("depthwise = true");
                }
                annotations.add("@Grouped(" + String.join(", ", parts) + ")");
            }
            if (kind != Kind.NONE) {
                annotations.add("@" + kind.annotation + arguments());
            }
            annotations.add("Layer " + name + ";");
            return String.join(" ", annotations);
        }

        private String arguments() {
            List<String> parts = new ArrayList<>();
            if (kind == Kind.STAGE) {
                parts.add("block = " + block.name + ".class");
                if (repeat != 1) {
                    parts.add("repeat = " + repeat);
                }
                String withText = rawWith != null ? rawWith : assignments(with);
                if (!withText.isEmpty()) {
                    parts.add("with = \"" + withText + "\"");
                }
                if (!first.isEmpty()) {
                    parts.add("first = \"" + assignments(first) + "\"");
                }
            } else if (kind.isMerge()) {
                parts.add("value = {" + operands.stream().map(Spec::nameLiteral).collect(Collectors.joining(", "))
                        + "}");
            }
            values.forEach((attribute, value) -> parts.add(attribute(attribute, value)));
            if (same) {
                parts.add("paddingMode = PaddingMode.SAME");
            }
            if (ceilMode) {
                parts.add("ceilMode = true");
            }
            parts.addAll(verbatim);
            if (parts.isEmpty()) {
                return "";
            }
            // A lone "value" attribute is written the short way, as users do: @Shuffle(2).
            if (parts.size() == 1 && parts.get(0).startsWith("value = ")) {
                return "(" + parts.get(0).substring("value = ".length()) + ")";
            }
            return "(" + String.join(", ", parts) + ")";
        }
    }

    /** One {@code @Param} of a block: required, or with a default expression. */
    record Param(String name, Expr defaultValue, String rawDefault) {
        String render() {
            String text = rawDefault != null ? rawDefault : defaultValue == null ? null : defaultValue.render();
            return (text == null ? "@Param" : "@Param(\"" + text + "\")") + " int " + name + ";";
        }
    }

    /** A {@code @Block} class nested in the network's class. */
    static final class Block {
        final String name;
        final List<Param> params = new ArrayList<>();
        final List<Field> fields = new ArrayList<>();
        /** False for a class that a mutation stripped of {@code @Block}. */
        boolean annotated = true;

        Block(String name) {
            this.name = name;
        }

        Param param(String paramName) {
            return params.stream().filter(p -> p.name().equals(paramName)).findFirst().orElse(null);
        }
    }

    /** A whole network class. */
    static final class Network {
        final String name;
        int channels;
        int[] sizes;
        final List<Field> fields = new ArrayList<>();
        final List<Block> blocks = new ArrayList<>();
        /** Class annotations besides {@code @Network}, and {@code @Network}'s extra attributes, as given. */
        final List<String> classAnnotations = new ArrayList<>();
        final List<String> networkAttributes = new ArrayList<>();
        /** Other members, as given. */
        final List<String> extraMembers = new ArrayList<>();

        Network(String name) {
            this.name = name;
        }

        Shape input() {
            return new Shape(channels, sizes);
        }

        String render(String packageName) {
            List<String> lines = new ArrayList<>();
            lines.add("package " + packageName + ";");
            lines.add("");
            lines.add("import dev.modelcost.*;");
            lines.add("");
            lines.addAll(classAnnotations);
            String size = sizes.length == 0 ? "" : ", size = " + ints(sizes, sizes.length > 1);
            List<String> attributes = new ArrayList<>(List.of("input = @Shape(channels = " + channels + size + ")"));
            attributes.addAll(networkAttributes);
            lines.add("@Network(" + String.join(", ", attributes) + ")");
            lines.add("public class " + name + " {");
            fields.forEach(field -> lines.add("    " + field.render()));
            for (Block block : blocks) {
                lines.add("");
                if (block.annotated) {
                    lines.add("    @Block");
                }
                lines.add("    static class " + block.name + " {");
                block.params.forEach(param -> lines.add("        " + param.render()));
                block.fields.forEach(field -> lines.add("        " + field.render()));
                lines.add("    }");
            }
            extraMembers.forEach(member -> lines.add("    " + member));
            lines.add("}");
            return String.join("\n", lines) + "\n";
        }
    }

    static String attribute(String attribute, Value value) {
        if (value instanceof Literal literal) {
            return attribute + " = " + ints(literal.values(), literal.braces());
        }
        String text = value instanceof Raw raw ? raw.text()
                : ((Expressions) value).parts().stream().map(Expr::render).collect(Collectors.joining(", "));
        return attribute + "Expr = \"" + text + "\"";
    }

    private static String ints(int[] values, boolean braces) {
        String list = Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return braces || values.length != 1 ? "{" + list + "}" : list;
    }

    private static String assignments(Map<String, Expr> assignments) {
        return assignments.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue().render())
                .collect(Collectors.joining(", "));
    }

    static String nameLiteral(String name) {
        return name.equals(INPUT) ? "From.INPUT" : "\"" + name + "\"";
    }
}
