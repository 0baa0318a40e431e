package dev.modelcost.processor.property;

import dev.modelcost.ActivationFunction;
import dev.modelcost.processor.property.Spec.Block;
import dev.modelcost.processor.property.Spec.Expressions;
import dev.modelcost.processor.property.Spec.Field;
import dev.modelcost.processor.property.Spec.Kind;
import dev.modelcost.processor.property.Spec.Literal;
import dev.modelcost.processor.property.Spec.Network;
import dev.modelcost.processor.property.Spec.Param;
import dev.modelcost.processor.property.Spec.Shape;
import dev.modelcost.processor.property.Spec.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a generated network means, as the README defines it, worked out by the test alone: which concrete layers
 * it expands to (stages instantiated once per repetition with their parameters bound, absent {@code @When} layers
 * passing their input through), each layer's input and output shape, and, when asked, each convolution's,
 * transposed convolution's and dense layer's multiplications as {@link Oracle}'s loops count them, and each layer
 * normalization's operations and parameters.
 *
 * <p>It is also the generator's judge: a declaration it throws {@link Invalid} on is one the generator does not
 * call valid. It is stricter than the README in places (pooling keeps PyTorch's own limits; no pooling or
 * upsampling of a vector), so that what it accepts is valid beyond doubt.
 */
final class Semantics {

    /** The declaration breaks a rule; the message says which (for the generator's own debugging). */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * One concrete layer.
     *
     * @param macs the multiplications the oracle counted, or null when not counted or the kind has none
     * @param figures the operations and parameters the oracle worked out, or null when it does not check them
     */
    record Layer(String name, Kind kind, Shape input, Shape output, Long macs, Oracle.Figures figures) {
        Layer(String name, Kind kind, Shape input, Shape output, Long macs) {
            this(name, kind, input, output, macs, null);
        }
    }

    private final boolean countMacs;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<Field, List<Shape>> networkFieldInputs = new IdentityHashMap<>();
    private final Map<Field, Shape> networkFieldOutputs = new IdentityHashMap<>();
    private Shape output;

    private Semantics(boolean countMacs) {
        this.countMacs = countMacs;
    }

    /** The network's meaning; throws {@link Invalid} if it is not valid. */
    static Semantics of(Network network, boolean countMacs) {
        Semantics semantics = new Semantics(countMacs);
        if (network.channels < 1 || Arrays.stream(network.sizes).anyMatch(s -> s < 1)) {
            throw new Invalid("input shape");
        }
        semantics.output = semantics.fields(network.fields, "", network.input(), Map.of(), true);
        if (semantics.layers.isEmpty()) {
            throw new Invalid("no layers");
        }
        return semantics;
    }

    /** Every concrete layer, in the order the processor lists them. */
    List<Layer> layers() {
        return layers;
    }

    /** The network's output: its last field's. */
    Shape output() {
        return output;
    }

    /** The shapes a network (not block) field takes as input. */
    List<Shape> inputsOf(Field field) {
        return networkFieldInputs.get(field);
    }

    /** The names a network field may refer to: the input and the fields before it. */
    List<String> namesBefore(Network network, Field field) {
        List<String> names = new ArrayList<>(List.of(Spec.INPUT));
        for (Field f : network.fields.subList(0, network.fields.indexOf(field))) {
            names.add(f.name);
        }
        return names;
    }

    /** The output of the network field of this name (or the input), as a field after it sees it. */
    Shape outputOfName(Network network, String name, Field field) {
        if (name.equals(Spec.INPUT)) {
            return network.input();
        }
        return network.fields.stream().filter(f -> f.name.equals(name)).findFirst().map(this::outputOf)
                .orElseThrow();
    }

    /** The shape a network (not block) field outputs. */
    Shape outputOf(Field field) {
        return networkFieldOutputs.get(field);
    }

    /** The concrete layers of one stage and its output. */
    record Expansion(List<Layer> layers, Shape output) {
    }

    /** What one stage expands to, from this input, inside a scope with these names; throws {@link Invalid}. */
    static Expansion expandStage(Field stage, Shape input, Map<String, Long> names) {
        Semantics semantics = new Semantics(false);
        Shape output = semantics.stage(stage, input, names, stage.name + ".");
        return new Expansion(semantics.layers, output);
    }

    /** The output of one layer field (not a stage) from these inputs, with these names bound. */
    static Shape layer(Field field, Map<String, Long> names, List<Shape> inputs) {
        return new Semantics(false).apply(field, names, inputs).output();
    }

    private Shape fields(List<Field> fields, String prefix, Shape input, Map<String, Long> names,
            boolean network) {
        Map<String, Shape> scope = new LinkedHashMap<>();
        Map<String, int[]> matrices = new HashMap<>();
        Shape previous = input;
        for (Field field : fields) {
            if (!field.extraAnnotations.isEmpty() || field.kind == Kind.NONE || field.rawWhen != null
                    || network && field.when != null) {
                throw new Invalid("a field the generator marked as broken");
            }
            List<Shape> inputs = inputs(field, scope, input, previous);
            if (network) {
                networkFieldInputs.put(field, inputs);
            }
            Shape result;
            if (field.when != null && evaluate(field.when, names) == 0) {
                result = inputs.get(0);
            } else if (field.kind == Kind.STAGE) {
                result = stage(field, inputs.get(0), names, prefix + field.name + ".");
            } else {
                Layer layer = apply(field, names, inputs);
                TokenSemantics.tie(field, names, inputs.get(0), matrices);
                layers.add(new Layer(prefix + field.name, field.kind, inputs.get(0), layer.output(), layer.macs(),
                        layer.figures()));
                result = layer.output();
            }
            if (network) {
                networkFieldOutputs.put(field, result);
            }
            scope.put(field.name, result);
            previous = result;
        }
        return previous;
    }

    private static List<Shape> inputs(Field field, Map<String, Shape> scope, Shape input, Shape previous) {
        List<Shape> own = ownInputs(field, scope, input, previous);
        if (field.keys == null) {
            return own;
        }
        Shape keys = field.keys.equals(Spec.INPUT) ? input : scope.get(field.keys);
        if (keys == null) {
            throw new Invalid("unknown keys " + field.keys);
        }
        return List.of(own.get(0), keys);
    }

    private static List<Shape> ownInputs(Field field, Map<String, Shape> scope, Shape input, Shape previous) {
        List<String> names = field.kind.isMerge() ? field.operands : field.from != null ? List.of(field.from) : null;
        if (names == null) {
            return List.of(previous);
        }
        if (field.kind.isMerge() && names.size() < 2 || field.kind == Kind.MATMUL && names.size() != 2) {
            throw new Invalid("fewer than two operands, or a product of other than two");
        }
        List<Shape> shapes = new ArrayList<>();
        for (String name : names) {
            Shape shape = name.equals(Spec.INPUT) ? input : scope.get(name);
            if (shape == null) {
                throw new Invalid("unknown name " + name);
            }
            shapes.add(shape);
        }
        return shapes;
    }

    private Shape stage(Field stage, Shape input, Map<String, Long> outer, String prefix) {
        Block block = stage.block;
        if (!block.annotated || stage.rawWith != null || stage.repeat < 1) {
            throw new Invalid("stage");
        }
        Shape current = input;
        for (int rep = 0; rep < stage.repeat; rep++) {
            current = fields(block.fields, prefix + rep + ".", current, bind(stage, rep == 0, current, outer),
                    false);
        }
        return current;
    }

    /**
     * A repetition's names: {@code in}, then each parameter from {@code first} (first repetition only), else
     * {@code with} (both evaluated where the stage is written), else its default, which sees {@code in} and the
     * parameters declared before it.
     */
    static Map<String, Long> bind(Field stage, boolean firstRepetition, Shape input, Map<String, Long> outer) {
        for (String given : stage.with.keySet()) {
            if (stage.block.param(given) == null) {
                throw new Invalid("unknown argument " + given);
            }
        }
        Map<String, Long> names = new HashMap<>();
        names.put("in", (long) input.channels());
        for (Param param : stage.block.params) {
            Expr given = firstRepetition && stage.first.containsKey(param.name()) ? stage.first.get(param.name())
                    : stage.with.get(param.name());
            long value;
            if (given != null) {
                value = evaluate(given, outer);
            } else if (param.rawDefault() != null || param.defaultValue() == null) {
                throw new Invalid("parameter " + param.name() + " without a value");
            } else {
                value = evaluate(param.defaultValue(), names);
            }
            names.put(param.name(), value);
        }
        return names;
    }

    private static long evaluate(Expr expr, Map<String, Long> names) {
        try {
            return expr.evaluate(names);
        } catch (Expr.Undefined e) {
            throw new Invalid("undefined expression " + expr.render());
        }
    }

    private Layer apply(Field f, Map<String, Long> names, List<Shape> inputs) {
        Shape in = inputs.get(0);
        Attributes a = new Attributes(f, names);
        return switch (f.kind) {
            case CONV -> convolution(f, a, in);
            case DECONV -> transposed(f, a, in);
            case DENSE -> {
                int out = a.single("out", null, 1);
                Long macs = countMacs ? Oracle.dense(in.channels(), in.sizes(), out) : null;
                yield new Layer(f.name, f.kind, in, new Shape(out, new int[0]), macs);
            }
            case MAX_POOL, AVG_POOL -> same(f, in, pooled(f, a, in));
            case GLOBAL_AVG_POOL, GLOBAL_MAX_POOL -> {
                spatial(in);
                int[] ones = new int[in.rank()];
                Arrays.fill(ones, 1);
                yield same(f, in, new Shape(in.channels(), ones));
            }
            case ADAPTIVE_POOL -> same(f, in, new Shape(in.channels(), a.dims("size", null, 1, spatial(in))));
            case BATCH_NORM, ACTIVATION, DROPOUT -> same(f, in, in);
            case ELEMENTWISE -> {
                a.single("flopsPerElement", 1, 0);
                yield same(f, in, in);
            }
            case UPSAMPLE -> same(f, in, upsampled(a, in));
            case ADD, MULTIPLY -> same(f, in, broadcast(inputs));
            case CONCAT -> same(f, in, concatenated(inputs, f.axis()));
            case SLICE -> {
                int from = a.single("from", 0, 0);
                int to = a.single("to", 0, 0);
                if (to <= from || to > in.channels()) {
                    throw new Invalid("slice range");
                }
                yield same(f, in, new Shape(to - from, in.sizes()));
            }
            case SHUFFLE, GROUP_NORM -> {
                if (in.channels() % a.single("value", 0, 1) != 0) {
                    throw new Invalid("groups");
                }
                yield same(f, in, in);
            }
            case LAYER_NORM -> new Layer(f.name, f.kind, in, in, null,
                    Oracle.layerNorm(in.channels(), in.sizes(), !f.verbatim.contains(Spec.NOT_AFFINE)));
            case FLATTEN -> same(f, in, new Shape(in.channels() * Arrays.stream(in.sizes()).reduce(1, (x, y) -> x * y),
                    new int[0]));
            case LSTM, GRU, RNN -> recurrent(f, a, in);
            case TOKENS -> moves(f, in, SequenceOracle.tokens(in));
            case TO_MAP -> moves(f, in, SequenceOracle.toMap(in, a.dims("size", null, 1, a.count("size"))));
            case SELECT_TOKEN -> moves(f, in, SequenceOracle.selectToken(in, a.single("index", 0,
                    Integer.MIN_VALUE)));
            case RESHAPE -> moves(f, in, SequenceOracle.reshape(in, a.single("channels", null, -1),
                    a.count("size") == 0 ? new int[0] : a.dims("size", null, -1, a.count("size"))));
            case PERMUTE -> moves(f, in, SequenceOracle.permute(in, a.dims("value", null, 0, a.count("value"))));
            case PIXEL_SHUFFLE, PIXEL_UNSHUFFLE -> moves(f, in, SequenceOracle.pixelShuffle(in,
                    a.single("value", null, 1), f.kind == Kind.PIXEL_UNSHUFFLE));
            case ATTENTION -> attention(f, a, in, inputs.size() > 1 ? inputs.get(1) : in);
            case MATMUL -> product(f, a, in, inputs.get(1));
            case ROTARY -> {
                int headSize = a.single("headSize", null, 1);
                int dims = a.single("dims", 0, 0);
                int rotated = dims == 0 ? headSize : dims;
                if (in.rank() != 1 || in.channels() % headSize != 0 || rotated % 2 != 0 || rotated > headSize) {
                    throw new Invalid("rotary");
                }
                yield new Layer(f.name, f.kind, in, in, null, countMacs
                        ? AttentionOracle.rotary(in.channels() / headSize, in.sizes()[0], rotated) : null);
            }
            case LINEAR, EMBEDDING, LEARNED, POSITION_EMBEDDING, RMS_NORM, GATED_MLP ->
                    TokenSemantics.apply(f, a, in, countMacs);
            case STAGE, NONE -> throw new IllegalStateException("not a layer: " + f.kind);
        };
    }

    /** A recurrent stack, run step by step by {@link RecurrenceOracle}, on a sequence only. */
    private static Layer recurrent(Field f, Attributes a, Shape in) {
        if (in.rank() != 1) {
            throw new Invalid("a recurrent layer on what is not a sequence");
        }
        int hidden = a.single("hidden", null, 1);
        int layers = a.single("layers", 1, 1);
        RecurrenceOracle.Cell cell = RecurrenceOracle.Cell.valueOf(f.kind.name());
        ActivationFunction nonlinearity = f.verbatim.contains(Spec.RELU_NONLINEARITY) ? ActivationFunction.RELU
                : ActivationFunction.TANH;
        RecurrenceOracle.Count count = RecurrenceOracle.run(cell, in.channels(), in.sizes()[0], hidden, layers,
                f.verbatim.contains(Spec.BIDIRECTIONAL), !f.verbatim.contains(Spec.NO_BIAS), nonlinearity);
        return new Layer(f.name, f.kind, in, new Shape(count.outputFeatures(), in.sizes()), count.macs(),
                new Oracle.Figures(count.flops(), count.params()));
    }

    /** A layer that only moves elements: no operations, no parameters (docs/FORMULAS.md#sequence-shapes). */
    private static Layer moves(Field f, Shape in, Shape out) {
        return new Layer(f.name, f.kind, in, out, null, new Oracle.Figures(0, 0));
    }

    /**
     * Multi-head attention as the README defines it: on a sequence (or within windows that divide a map), heads
     * that divide the features unless a head size is given, key/value heads that divide the heads, an even rotary
     * part of a head; without projections, inputs whose channels are the heads. Output: its input's shape.
     */
    private Layer attention(Field f, Attributes a, Shape in, Shape keys) {
        int heads = a.single("heads", null, 1);
        int kvHeads = a.single("kvHeads", 0, 0);
        int headSize = a.single("headSize", 0, 0);
        int rotary = a.single("rotary", 0, 0);
        boolean windowed = f.values.containsKey("window");
        boolean projections = !f.verbatim.contains(Spec.NO_PROJECTIONS);
        boolean causal = f.verbatim.contains(Spec.CAUSAL);
        boolean positionBias = f.verbatim.contains(Spec.RELATIVE_POSITION_BIAS);
        if (kvHeads == 0) {
            kvHeads = heads;
        }
        if (heads % kvHeads != 0) {
            throw new Invalid("key/value heads");
        }
        if (headSize == 0) {
            if (in.channels() % heads != 0) {
                throw new Invalid("heads do not divide the features");
            }
            headSize = in.channels() / heads;
        }
        if (rotary % 2 != 0 || rotary > headSize) {
            throw new Invalid("rotary");
        }
        int[] window = null;
        if (windowed) {
            window = a.dims("window", null, 1, spatial(in));
            int[] shift = f.values.containsKey("shift") ? a.dims("shift", null, 0, in.rank()) : new int[in.rank()];
            for (int d = 0; d < in.rank(); d++) {
                if (in.sizes()[d] % window[d] != 0 || shift[d] >= window[d]) {
                    throw new Invalid("window");
                }
            }
            if (causal || f.keys != null) {
                throw new Invalid("causal or cross-attention in windows");
            }
        } else if (in.rank() != 1 || keys.rank() != 1 || positionBias || f.values.containsKey("shift")) {
            throw new Invalid("global attention needs sequences");
        }
        if (!projections && (in.channels() != heads * headSize || keys.channels() != kvHeads * headSize)) {
            throw new Invalid("channels that are not the heads");
        }
        if (!countMacs) {
            return same(f, in, in);
        }
        AttentionOracle.Count count = AttentionOracle.count(in, keys, new AttentionOracle.Settings(heads, kvHeads,
                headSize, projections, !f.verbatim.contains("bias = false"), causal, rotary, window, positionBias));
        return new Layer(f.name, f.kind, in, in, count.macs(), count.figures());
    }

    /** {@code (L, K) @ (K, N)} per head, or {@code (L, K) @ (M, K)^T}: sequences whose shared dimension agrees. */
    private Layer product(Field f, Attributes a, Shape left, Shape right) {
        int heads = a.single("heads", 1, 1);
        boolean transposed = f.verbatim.contains(Spec.TRANSPOSE_SECOND);
        if (left.rank() != 1 || right.rank() != 1 || left.channels() % heads != 0 || right.channels() % heads != 0) {
            throw new Invalid("a product of other than sequences of the heads");
        }
        int inner = left.channels() / heads;
        if (inner != (transposed ? right.channels() / heads : right.sizes()[0])) {
            throw new Invalid("a product whose shared dimension differs");
        }
        int columns = transposed ? right.sizes()[0] : right.channels() / heads;
        Shape output = new Shape(heads * columns, left.sizes());
        Long macs = countMacs ? AttentionOracle.product(heads, left.sizes()[0], inner, columns) : null;
        return new Layer(f.name, f.kind, left, output, macs, countMacs ? new Oracle.Figures(2 * macs, 0) : null);
    }

    /** A layer without multiplications. */
    private static Layer same(Field f, Shape in, Shape out) {
        return new Layer(f.name, f.kind, in, out, null);
    }

    private static int spatial(Shape in) {
        if (in.rank() == 0) {
            throw new Invalid("a spatial layer on a vector");
        }
        return in.rank();
    }

    private Layer convolution(Field f, Attributes a, Shape in) {
        int rank = spatial(in);
        int out = a.single("out", null, 1);
        int[] kernel = a.dims("kernel", null, 1, rank);
        int[] stride = a.dims("stride", 1, 1, rank);
        int[] dilation = a.dims("dilation", 1, 1, rank);
        int[] padding = a.dims("padding", 0, 0, rank);
        if (f.same && f.values.containsKey("padding")) {
            throw new Invalid("padding with SAME");
        }
        int groups = groups(f, a, in.channels(), out);
        Oracle.Sweep[] sweeps = new Oracle.Sweep[rank];
        int[] sizes = new int[rank];
        for (int d = 0; d < rank; d++) {
            sweeps[d] = f.same ? Oracle.same(in.sizes()[d], kernel[d], stride[d], dilation[d])
                    : new Oracle.Sweep(kernel[d], stride[d], dilation[d], padding[d], padding[d]);
            sizes[d] = Oracle.windows(in.sizes()[d], sweeps[d]);
            if (sizes[d] < 1) {
                throw new Invalid("no window fits");
            }
        }
        Long macs = null;
        if (countMacs) {
            Oracle.Counted counted = Oracle.convolution(in.channels(), in.sizes(), out, groups, sweeps);
            selfCheck(sizes, counted.sizes());
            macs = counted.multiplications();
        }
        return new Layer(f.name, f.kind, in, new Shape(out, sizes), macs);
    }

    private Layer transposed(Field f, Attributes a, Shape in) {
        int rank = spatial(in);
        int out = a.single("out", null, 1);
        int[] kernel = a.dims("kernel", null, 1, rank);
        int[] stride = a.dims("stride", 1, 1, rank);
        int[] dilation = a.dims("dilation", 1, 1, rank);
        int[] padding = a.dims("padding", 0, 0, rank);
        int[] outputPadding = a.dims("outputPadding", 0, 0, rank);
        if (f.same && (f.values.containsKey("padding") || f.values.containsKey("outputPadding"))) {
            throw new Invalid("padding with SAME");
        }
        int groups = groups(f, a, in.channels(), out);
        int[] extent = new int[rank];
        int[] sizes = new int[rank];
        for (int d = 0; d < rank; d++) {
            if (outputPadding[d] >= Math.max(stride[d], dilation[d])) {
                throw new Invalid("output padding");
            }
            extent[d] = Oracle.scatterExtent(in.sizes()[d], kernel[d], stride[d], dilation[d]);
            sizes[d] = f.same ? Oracle.sameTransposedSize(in.sizes()[d], kernel[d], stride[d], dilation[d])
                    : extent[d] - 2 * padding[d] + outputPadding[d];
            if (sizes[d] < 1) {
                throw new Invalid("output cropped away");
            }
        }
        Long macs = null;
        if (countMacs) {
            Oracle.Counted counted = Oracle.transposedConvolution(in.channels(), in.sizes(), out, groups, kernel,
                    stride, dilation);
            selfCheck(extent, counted.sizes());
            macs = counted.multiplications();
        }
        return new Layer(f.name, f.kind, in, new Shape(out, sizes), macs);
    }

    /** The shape loop and the counting loop place windows independently; they must agree. */
    private static void selfCheck(int[] placed, int[] counted) {
        if (!Arrays.equals(placed, counted)) {
            throw new IllegalStateException("oracle disagrees with itself: " + Arrays.toString(placed) + " vs "
                    + Arrays.toString(counted));
        }
    }

    private static int groups(Field f, Attributes a, int in, int out) {
        if (!f.grouped) {
            return 1;
        }
        if ((f.groups != null) == f.depthwise) {
            throw new Invalid("@Grouped needs exactly one of a count and depthwise");
        }
        int groups = f.depthwise ? in : a.value(f.groups, "groups", 1)[0];
        if (in % groups != 0 || out % groups != 0) {
            throw new Invalid("groups do not divide");
        }
        return groups;
    }

    private static Shape pooled(Field f, Attributes a, Shape in) {
        int rank = spatial(in);
        int[] kernel = a.dims("kernel", null, 1, rank);
        int[] stride = f.values.containsKey("stride") ? a.dims("stride", null, 1, rank) : kernel;
        int[] padding = a.dims("padding", 0, 0, rank);
        int[] dilation = new int[rank];
        Arrays.fill(dilation, 1);
        if (f.kind == Kind.MAX_POOL) {
            dilation = a.dims("dilation", 1, 1, rank);
        }
        int[] sizes = new int[rank];
        for (int d = 0; d < rank; d++) {
            int reach = dilation[d] * (kernel[d] - 1) + 1;
            // PyTorch's own limits: padding at most half the window, and a first window that fits.
            if (2 * padding[d] > reach || reach > in.sizes()[d] + 2 * padding[d]) {
                throw new Invalid("pool window");
            }
            sizes[d] = Oracle.poolWindows(in.sizes()[d], kernel[d], stride[d], padding[d], dilation[d], f.ceilMode);
        }
        return new Shape(in.channels(), sizes);
    }

    private static Shape upsampled(Attributes a, Shape in) {
        int rank = spatial(in);
        boolean byScale = a.field.values.containsKey("scale");
        if (byScale == a.field.values.containsKey("size")) {
            throw new Invalid("exactly one of scale and size");
        }
        if (!byScale) {
            return new Shape(in.channels(), a.dims("size", null, 1, rank));
        }
        int[] scale = a.dims("scale", null, 1, rank);
        int[] sizes = new int[rank];
        for (int d = 0; d < rank; d++) {
            sizes[d] = in.sizes()[d] * scale[d];
        }
        return new Shape(in.channels(), sizes);
    }

    /** Element-wise operands: per dimension (channels included) equal sizes, or 1 broadcast to the other. */
    private static Shape broadcast(List<Shape> inputs) {
        int[] shape = inputs.get(0).toArray();
        for (Shape other : inputs.subList(1, inputs.size())) {
            int[] next = other.toArray();
            if (next.length != shape.length) {
                throw new Invalid("ranks differ");
            }
            for (int d = 0; d < shape.length; d++) {
                if (shape[d] != next[d] && shape[d] != 1 && next[d] != 1) {
                    throw new Invalid("shapes differ");
                }
                shape[d] = Math.max(shape[d], next[d]);
            }
        }
        return new Shape(shape[0], Arrays.copyOfRange(shape, 1, shape.length));
    }

    /** Joined along the axis (0 the channels, then the sizes), every other dimension equal. */
    private static Shape concatenated(List<Shape> inputs, int axis) {
        if (axis < 0) {
            throw new Invalid("negative axis");
        }
        int[] joined = inputs.get(0).toArray();
        if (axis >= joined.length) {
            throw new Invalid("axis beyond the dimensions");
        }
        joined[axis] = 0;
        for (Shape input : inputs) {
            if (!SequenceOracle.concatFits(inputs.get(0), input, axis)) {
                throw new Invalid("dimensions besides the axis differ");
            }
            joined[axis] += input.toArray()[axis];
        }
        return new Shape(joined[0], Arrays.copyOfRange(joined, 1, joined.length));
    }

    /** A field's numeric attributes, evaluated with the names bound where it is instantiated. */
    record Attributes(Field field, Map<String, Long> names) {

        /** A one-number attribute, or its default (null: required), checked against its minimum. */
        int single(String attribute, Integer fallback, int minimum) {
            int[] values = values(attribute, fallback, minimum);
            if (values.length != 1) {
                throw new Invalid(attribute + " has several values");
            }
            return values[0];
        }

        /** How many values the attribute has as written, 0 when absent (an int[] of its own length). */
        int count(String attribute) {
            Value value = field.values.get(attribute);
            if (value instanceof Literal literal) {
                return literal.values().length;
            }
            return value instanceof Expressions expressions ? expressions.parts().size() : 0;
        }

        /** A per-dimension attribute, one value per spatial dimension. */
        int[] dims(String attribute, Integer fallback, int minimum, int rank) {
            int[] values = values(attribute, fallback, minimum);
            if (values.length == rank) {
                return values;
            }
            if (values.length != 1) {
                throw new Invalid(attribute + " does not fit the rank");
            }
            int[] expanded = new int[rank];
            Arrays.fill(expanded, values[0]);
            return expanded;
        }

        private int[] values(String attribute, Integer fallback, int minimum) {
            Value value = field.values.get(attribute);
            if (value == null && fallback == null) {
                throw new Invalid(attribute + " missing");
            }
            return value(value == null ? new Literal(new int[] {fallback}, false) : value, attribute, minimum);
        }

        int[] value(Value value, String attribute, int minimum) {
            int[] values;
            if (value instanceof Literal literal) {
                values = literal.values();
            } else if (value instanceof Expressions expressions) {
                values = expressions.parts().stream().mapToLong(e -> evaluate(e, names)).mapToInt(Math::toIntExact)
                        .toArray();
            } else {
                throw new Invalid("raw expression");
            }
            if (values.length == 0 || Arrays.stream(values).anyMatch(v -> v < minimum)) {
                throw new Invalid(attribute + " below " + minimum);
            }
            return values;
        }
    }
}
