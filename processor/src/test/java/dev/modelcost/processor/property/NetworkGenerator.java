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
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * Random valid networks over every layer kind: convolutions and transposed convolutions of rank 1 to 3 with
 * random kernels, strides, paddings (SAME too), dilations, output paddings and groups (depthwise too), dense
 * layers, every pooling, normalization, activations, upsampling, slices, shuffles, flattening, branches through
 * {@code @From} joined by {@code @Add}, {@code @Multiply} and {@code @Concat}, and blocks with parameters,
 * expressions, {@code @When} and stages repeated with {@code with} and {@code first}, nested up to two deep.
 *
 * <p>Each field is drawn at random and kept only if {@link Semantics} accepts it and its shapes stay small
 * (sizes about 12, channels at most 16), so that the oracle's loops stay cheap. A block is drawn for its first
 * repetition and kept only if every repetition of its stage is valid.
 */
final class NetworkGenerator {
    private static final int MAX_CHANNELS = 16;
    private static final int ATTEMPTS = 25;
    private static final List<ActivationFunction> FUNCTIONS = List.of(ActivationFunction.values());

    /** A block parameter's name and the range its values are drawn from. */
    private record ParamRange(String name, int low, int high) {
    }

    private static final List<ParamRange> PARAMS = List.of(new ParamRange("width", 1, 8),
            new ParamRange("stride", 1, 2), new ParamRange("k", 1, 3), new ParamRange("pad", 0, 1),
            new ParamRange("g", 1, 2), new ParamRange("mult", 1, 3));

    private final Random random;
    private final Network network;
    private int blocks;

    /**
     * The layer annotations (simple names) that have a rule but that the generator does not draw yet: the
     * property suite does not cover them until they are added to {@link #kindFor} and {@link Semantics}.
     */
    static final Set<String> NOT_YET_GENERATED = Set.of();
    /** How often a layer on a sequence or a map is attention (global on a sequence, else within windows). */
    private static final int ATTENTION_PERCENT = 6;
    /** How often a layer on a sequence is a rotary embedding. */
    private static final int ROTARY_PERCENT = 4;
    /** How often a layer of several inputs is a product of two sequences. */
    private static final int PRODUCT_PERCENT = 15;

    private NetworkGenerator(long seed, String className) {
        this.random = new Random(seed);
        this.network = new Network(className);
    }

    /** A valid network drawn from this seed: the same seed always gives the same network. */
    static Network generate(long seed, String className) {
        return new NetworkGenerator(seed, className).network();
    }

    /**
     * The names a field can use while its class is being drawn: the fields so far (with their shapes in the
     * first repetition) and the input; in a block also the parameters' values in the first repetition.
     */
    private static final class Scope {
        final Map<String, Long> names;
        final int depth;
        final String fieldPrefix;
        final Map<String, Shape> defined = new LinkedHashMap<>();
        /** The weight matrices (rows, columns) of the fields so far that have one and always exist. */
        final Map<String, int[]> matrices = new LinkedHashMap<>();
        final List<Field> fields = new ArrayList<>();
        Shape previous;

        Scope(Map<String, Long> names, int depth, String fieldPrefix, Shape input) {
            this.names = names;
            this.depth = depth;
            this.fieldPrefix = fieldPrefix;
            this.previous = input;
            defined.put(Spec.INPUT, input);
        }

        boolean inBlock() {
            return depth > 0;
        }

        void define(Field field, Shape output) {
            fields.add(field);
            defined.put(field.name, output);
            previous = output;
        }
    }

    private Network network() {
        int rank = pick(new int[] {0, 1, 2, 3}, new int[] {1, 3, 4, 2});
        network.channels = 1 + random.nextInt(8);
        network.sizes = new int[rank];
        for (int d = 0; d < rank; d++) {
            network.sizes[d] = 1 + random.nextInt(rank == 3 ? 6 : rank == 2 ? 10 : 12);
        }
        Scope scope = new Scope(Map.of(), 0, "l", network.input());
        int count = 2 + random.nextInt(8);
        while (scope.fields.size() < count) {
            Field field = nextField(scope);
            if (field == null) {
                break;
            }
        }
        network.fields.addAll(scope.fields);
        extras();
        try {
            Semantics.of(network, false);
        } catch (Semantics.Invalid e) {
            throw new IllegalStateException("generator bug (" + e.getMessage() + ") in:\n" + network.render("p"), e);
        }
        return network;
    }

    /**
     * What a valid network may have besides its layers, none of which changes its shapes or MACs: a display
     * name that needs escaping in generated code, a device, budgets far above any figure (so no warning).
     */
    private void extras() {
        if (coin(10)) {
            network.networkAttributes.add("name = \"" + oneOf("Net \\\"quoted\\\"", "back\\\\slash",
                    "caf\\u00e9 */ net", "tab\\there") + "\"");
        }
        String precision = "precision = Precision." + oneOf("FP32", "FP16", "BF16", "INT8");
        boolean device = coin(20);
        if (device) {
            network.classAnnotations.add(coin(50)
                    ? "@Device(preset = DevicePreset." + oneOf("A100", "H100", "T4") + ", " + precision + ")"
                    : "@Device(name = \"npu\", peakFlops = 4_000_000_000_000L, bandwidth = 68_000_000_000L, "
                            + precision + ")");
        }
        String huge = "9_000_000_000_000_000_000L";
        if (coin(15)) {
            network.classAnnotations.add("@Budget(macs = " + huge + ", flops = " + huge + ", params = " + huge
                    + ", activations = " + huge + ", memoryBytes = " + huge
                    + (device ? ", latencyNanos = " + huge : "") + ")");
        }
        List<Field> layers = network.fields.stream().filter(f -> f.kind != Kind.STAGE).toList();
        if (!layers.isEmpty() && coin(15)) {
            layers.get(random.nextInt(layers.size())).budget = "@Budget(" + oneOf("macs", "flops", "params",
                    "activations", "memoryBytes") + " = " + huge + ")";
        }
    }

    /** Draws one more field of the scope and defines it; null if nothing fitted. */
    private Field nextField(Scope scope) {
        String name = scope.fieldPrefix + scope.fields.size();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int move = random.nextInt(100);
            Field field;
            if (move < 12 && scope.depth < 2) {
                field = stage(scope, name);
            } else if (move < 24) {
                field = merge(scope, name);
            } else {
                field = layer(scope, name);
            }
            if (field != null) {
                return field;
            }
        }
        return null;
    }

    /** A layer of a kind that suits the input, maybe on a branch (@From), maybe conditional (@When, in blocks). */
    private Field layer(Scope scope, String name) {
        String from = random.nextInt(100) < 15 ? anyName(scope) : null;
        Shape input = from == null ? scope.previous : scope.defined.get(from);
        Kind kind = kindFor(input);
        Field field = new Field(name, kind);
        field.from = from;
        fill(field, input, scope);
        Shape output;
        try {
            output = Semantics.layer(field, scope.names, field.keys == null ? List.of(input)
                    : List.of(input, scope.defined.get(field.keys)));
        } catch (Semantics.Invalid e) {
            return null;
        }
        if (!small(output)) {
            return null;
        }
        scope.define(field, conditional(field, scope, input, output));
        int[] matrix = field.when == null ? TokenSemantics.matrix(field, scope.names, input) : null;
        if (matrix != null) {
            scope.matrices.put(name, matrix);
        }
        return field;
    }

    /**
     * In a block, sometimes makes the field conditional (@When); returns what its name means in the first
     * repetition: its output, or, when absent there, its (first) input.
     */
    private Shape conditional(Field field, Scope scope, Shape input, Shape output) {
        if (!scope.inBlock() || !coin(20)) {
            return output;
        }
        field.when = condition(scope.names);
        return field.when.evaluate(scope.names) == 0 ? input : output;
    }

    private Kind kindFor(Shape input) {
        Kind token = tokenKind(input);
        if (token != null) {
            return token;
        }
        if (input.rank() == 1 && coin(8)) {
            return oneOf(Kind.LSTM, Kind.GRU, Kind.RNN);
        }
        if (input.rank() == 1 && coin(8)) {
            return oneOf(Kind.TO_MAP, Kind.SELECT_TOKEN);
        }
        if (coin(input.rank() == 0 ? 6 : 9)) {
            return input.rank() == 0 ? oneOf(Kind.RESHAPE, Kind.PERMUTE)
                    : oneOf(Kind.TOKENS, Kind.RESHAPE, Kind.PERMUTE, Kind.PIXEL_SHUFFLE, Kind.PIXEL_UNSHUFFLE);
        }
        if (input.rank() > 0 && coin(ATTENTION_PERCENT)) {
            return Kind.ATTENTION;
        }
        if (input.rank() == 1 && coin(ROTARY_PERCENT)) {
            return Kind.ROTARY;
        }
        if (input.rank() == 0) {
            Kind[] kinds = {Kind.DENSE, Kind.BATCH_NORM, Kind.ACTIVATION, Kind.ELEMENTWISE, Kind.DROPOUT,
                    Kind.SLICE, Kind.SHUFFLE, Kind.FLATTEN, Kind.GROUP_NORM, Kind.LAYER_NORM};
            return kinds[pick(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, new int[] {8, 3, 4, 1, 1, 2, 2, 1, 2, 2})];
        }
        Kind[] kinds = {Kind.CONV, Kind.DECONV, Kind.DENSE, Kind.MAX_POOL, Kind.AVG_POOL, Kind.GLOBAL_AVG_POOL,
                Kind.GLOBAL_MAX_POOL, Kind.ADAPTIVE_POOL, Kind.BATCH_NORM, Kind.ACTIVATION, Kind.ELEMENTWISE,
                Kind.DROPOUT, Kind.UPSAMPLE, Kind.SLICE, Kind.SHUFFLE, Kind.FLATTEN, Kind.GROUP_NORM,
                Kind.LAYER_NORM};
        int[] weights = {26, 10, 2, 6, 5, 2, 2, 3, 6, 6, 2, 2, 5, 3, 3, 1, 3, 3};
        int[] indices = new int[kinds.length];
        Arrays.setAll(indices, i -> i);
        return kinds[pick(indices, weights)];
    }

    /** Draws the attributes of a layer of the field's kind, for this input. */
    private void fill(Field f, Shape in, Scope scope) {
        int rank = in.rank();
        int channels = in.channels();
        switch (f.kind) {
            case CONV, DECONV -> convolution(f, in, scope);
            case DENSE -> {
                f.values.put("out", number(1 + random.nextInt(8), scope));
                bias(f);
            }
            case MAX_POOL, AVG_POOL -> {
                int[] kernel = perDim(rank, () -> 1 + random.nextInt(3));
                f.values.put("kernel", spread(kernel, scope));
                if (coin(50)) {
                    f.values.put("stride", spread(perDim(rank, () -> 1 + random.nextInt(3)), scope));
                }
                int[] dilation = new int[rank];
                Arrays.fill(dilation, 1);
                if (f.kind == Kind.MAX_POOL && coin(25)) {
                    dilation = perDim(rank, () -> 1 + random.nextInt(2));
                    f.values.put("dilation", spread(dilation, null));
                }
                if (coin(50)) {
                    int[] padding = new int[rank];
                    for (int d = 0; d < rank; d++) {
                        padding[d] = random.nextInt((dilation[d] * (kernel[d] - 1) + 1) / 2 + 1);
                    }
                    f.values.put("padding", spread(padding, scope));
                }
                f.ceilMode = coin(30);
            }
            case ADAPTIVE_POOL -> {
                f.values.put("size", spread(perDim(rank, () -> 1 + random.nextInt(6)), null));
                if (coin(50)) {
                    f.verbatim.add("mode = PoolMode.MAX");
                }
            }
            case BATCH_NORM -> {
                if (coin(30)) {
                    f.verbatim.add("folded = true");
                }
            }
            case ACTIVATION -> f.verbatim.add("value = ActivationFunction."
                    + FUNCTIONS.get(random.nextInt(FUNCTIONS.size())).name());
            case ELEMENTWISE -> {
                if (coin(60)) {
                    f.values.put("flopsPerElement", new Literal(new int[] {random.nextInt(5)}, false));
                }
            }
            case DROPOUT -> {
                if (coin(50)) {
                    f.verbatim.add("value = 0." + (1 + random.nextInt(9)));
                }
            }
            case UPSAMPLE -> {
                if (coin(60)) {
                    f.values.put("scale", spread(perDim(rank, () -> 1 + random.nextInt(3)), scope));
                } else {
                    f.values.put("size", spread(perDim(rank, () -> 1 + random.nextInt(10)), null));
                }
                if (coin(50)) {
                    f.verbatim.add("mode = UpsampleMode.BILINEAR");
                }
            }
            case SLICE -> {
                int from = random.nextInt(channels);
                if (from > 0 || coin(50)) {
                    f.values.put("from", number(from, scope));
                }
                f.values.put("to", number(from + 1 + random.nextInt(channels - from), scope));
            }
            case SHUFFLE -> f.values.put("value", number(divisor(channels), scope));
            case GROUP_NORM -> {
                f.values.put("value", number(divisor(channels), scope));
                notAffine(f);
            }
            case LAYER_NORM -> notAffine(f);
            case LSTM, GRU, RNN -> recurrent(f, scope);
            case TO_MAP -> f.values.put("size", exactly(split(in.sizes()[0], 1 + random.nextInt(3)), scope));
            case SELECT_TOKEN -> {
                int index = random.nextInt(2 * in.sizes()[0]) - in.sizes()[0];
                if (index != 0 || coin(40)) {
                    f.values.put("index", index < 0 ? new Literal(new int[] {index}, false) : number(index, scope));
                }
            }
            case RESHAPE -> reshape(f, in, scope);
            case PERMUTE -> {
                List<Integer> order = new ArrayList<>();
                for (int d = 0; d <= rank; d++) {
                    order.add(d);
                }
                Collections.shuffle(order, random);
                f.values.put("value", new Literal(order.stream().mapToInt(Integer::intValue).toArray(), true));
            }
            case PIXEL_SHUFFLE -> f.values.put("value", number(shuffleFactor(in), scope));
            case PIXEL_UNSHUFFLE -> f.values.put("value",
                    number(divisor(Arrays.stream(in.sizes()).reduce(0, NetworkGenerator::gcd)), scope));
            case ATTENTION -> attention(f, in, scope);
            case ROTARY -> {
                int headSize = divisor(channels);
                f.values.put("headSize", new Literal(new int[] {headSize}, false));
                if (headSize % 2 != 0 || coin(40)) {
                    f.values.put("dims", new Literal(new int[] {2 * random.nextInt(headSize / 2 + 1)}, false));
                }
            }
            case LINEAR, EMBEDDING, LEARNED, POSITION_EMBEDDING, RMS_NORM, GATED_MLP -> tokenLayer(f, in, scope);
            case FLATTEN, GLOBAL_AVG_POOL, GLOBAL_MAX_POOL, TOKENS -> {
            }
            default -> throw new IllegalStateException("not drawn here: " + f.kind);
        }
    }

    private void convolution(Field f, Shape in, Scope scope) {
        int rank = in.rank();
        boolean transposed = f.kind == Kind.DECONV;
        int out = 1 + random.nextInt(8);
        int grouping = random.nextInt(100);
        if (grouping < 15) {
            f.grouped = true;
            f.depthwise = true;
            out = in.channels() * (1 + random.nextInt(2));
        } else if (grouping < 35) {
            f.grouped = true;
            f.groups = number(divisor(gcd(in.channels(), out)), scope);
        }
        f.values.put("out", number(out, scope));
        int[] kernel = perDim(rank, () -> 1 + random.nextInt(rank == 1 ? 5 : transposed ? 4 : 3));
        f.values.put("kernel", spread(kernel, scope));
        int[] stride = perDim(rank, () -> 1 + random.nextInt(3));
        if (coin(60)) {
            f.values.put("stride", spread(stride, scope));
        } else {
            Arrays.fill(stride, 1);
        }
        int[] dilation = perDim(rank, () -> 1 + random.nextInt(2));
        if (coin(30)) {
            f.values.put("dilation", spread(dilation, scope));
        } else {
            Arrays.fill(dilation, 1);
        }
        if (coin(15)) {
            f.same = true;
        } else {
            if (coin(60)) {
                f.values.put("padding", spread(perDim(rank, () -> random.nextInt(3)), scope));
            }
            if (transposed && coin(35)) {
                int[] outputPadding = new int[rank];
                for (int d = 0; d < rank; d++) {
                    outputPadding[d] = random.nextInt(Math.max(stride[d], dilation[d]));
                }
                f.values.put("outputPadding", spread(outputPadding, scope));
            }
        }
        bias(f);
    }

    /** A small recurrent stack: its hidden size (an expression in a block), layers, directions, bias, function. */
    private void recurrent(Field f, Scope scope) {
        f.values.put("hidden", number(1 + random.nextInt(6), scope));
        if (coin(40)) {
            f.values.put("layers", new Literal(new int[] {1 + random.nextInt(3)}, false));
        }
        if (coin(30)) {
            f.verbatim.add(Spec.BIDIRECTIONAL);
        }
        bias(f);
        if (f.kind == Kind.RNN && coin(40)) {
            f.verbatim.add(Spec.RELU_NONLINEARITY);
        }
    }

    /**
     * A reshape to as many elements: channels a divisor of them of at most {@link #MAX_CHANNELS}, the rest split
     * into up to three sizes, and sometimes one entry left to infer (-1, always written as a literal).
     */
    private void reshape(Field f, Shape in, Scope scope) {
        int elements = in.channels() * Arrays.stream(in.sizes()).reduce(1, (x, y) -> x * y);
        List<Integer> channelCounts = new ArrayList<>();
        for (int c = 1; c <= Math.min(elements, MAX_CHANNELS); c++) {
            if (elements % c == 0) {
                channelCounts.add(c);
            }
        }
        int channels = channelCounts.get(random.nextInt(channelCounts.size()));
        int rank = channels == elements && coin(50) ? 0 : 1 + random.nextInt(3);
        int[] entries = new int[rank + 1];
        entries[0] = channels;
        System.arraycopy(split(elements / channels, rank), 0, entries, 1, rank);
        int inferred = coin(40) ? random.nextInt(rank + 1) : -1;
        if (inferred >= 0) {
            entries[inferred] = -1;
        }
        f.values.put("channels", inferred == 0 ? new Literal(new int[] {-1}, false) : number(channels, scope));
        int[] size = Arrays.copyOfRange(entries, 1, entries.length);
        if (rank > 0 || coin(30)) {
            f.values.put("size", inferred > 0 ? new Literal(size, true) : exactly(size, scope));
        }
    }

    /** A factor {@code r} of 1 to 3 whose {@code r^k} divides the channels (1 always does). */
    private int shuffleFactor(Shape in) {
        List<Integer> factors = new ArrayList<>();
        for (int r = 1; r <= 3; r++) {
            int block = 1;
            for (int d = 0; d < in.rank(); d++) {
                block *= r;
            }
            if (in.channels() % block == 0) {
                factors.add(r);
            }
        }
        return factors.get(random.nextInt(factors.size()));
    }

    /** {@code n} as a product of {@code parts} factors, each a divisor of what is left drawn at random. */
    private int[] split(int n, int parts) {
        int[] factors = new int[parts];
        int left = n;
        for (int i = 0; i < parts - 1; i++) {
            factors[i] = divisor(left);
            left /= factors[i];
        }
        if (parts > 0) {
            factors[parts - 1] = left;
        }
        return factors;
    }

    /**
     * An {@code int[]} attribute of exactly these values, one per entry (never one for every dimension): a
     * literal, or in a block often expressions that have these values in the first repetition.
     */
    private Value exactly(int[] values, Scope scope) {
        if (scope.inBlock() && coin(50)) {
            List<Expr> parts = new ArrayList<>();
            for (int value : values) {
                parts.add(expressionFor(value, scope.names));
            }
            return new Expressions(parts);
        }
        return new Literal(values, values.length != 1 || coin(50));
    }

    /**
     * Multi-head attention: heads that divide the features, or heads of a size of their own; sometimes fewer
     * key/value heads, no projections, a rotary part; on a sequence sometimes causal or on another sequence's keys
     * and values; on a map (and sometimes a sequence) within windows that divide it, maybe shifted, maybe with a
     * relative position bias.
     */
    private void attention(Field f, Shape in, Scope scope) {
        boolean projections = coin(75);
        int heads = divisor(in.channels());
        int headSize = in.channels() / heads;
        if (projections && coin(30)) {
            heads = 1 + random.nextInt(4);
            headSize = 1 + random.nextInt(4);
            f.values.put("headSize", new Literal(new int[] {headSize}, false));
        }
        f.values.put("heads", number(heads, scope));
        if (!projections) {
            f.verbatim.add(Spec.NO_PROJECTIONS);
        } else {
            if (coin(40)) {
                f.values.put("kvHeads", new Literal(new int[] {divisor(heads)}, false));
            }
            bias(f);
        }
        if (headSize >= 2 && coin(30)) {
            f.values.put("rotary", new Literal(new int[] {2 * (1 + random.nextInt(headSize / 2))}, false));
        }
        if (in.rank() > 1 || coin(25)) {
            int[] window = Arrays.stream(in.sizes()).map(this::divisor).toArray();
            f.values.put("window", spread(window, null));
            if (coin(40)) {
                f.values.put("shift", spread(Arrays.stream(window).map(random::nextInt).toArray(), null));
            }
            if (coin(40)) {
                f.verbatim.add(Spec.RELATIVE_POSITION_BIAS);
            }
            return;
        }
        if (coin(40)) {
            f.verbatim.add(Spec.CAUSAL);
        }
        List<String> sequences = scope.defined.entrySet().stream().filter(e -> e.getValue().rank() == 1)
                .map(Map.Entry::getKey).toList();
        if (projections && !sequences.isEmpty() && coin(50)) {
            f.keys = sequences.get(random.nextInt(sequences.size()));
            f.verbatim.add("keys = " + Spec.nameLiteral(f.keys));
        }
    }

    /**
     * Sometimes a per-token kind that suits the input, else null: an embedding on token ids ({@code 1 x {L}}),
     * a position embedding only on a sequence.
     */
    private Kind tokenKind(Shape input) {
        if (input.rank() == 1 && input.channels() == 1 && coin(40)) {
            return Kind.EMBEDDING;
        }
        if (!coin(22)) {
            return null;
        }
        Kind[] kinds = {Kind.LINEAR, Kind.LEARNED, Kind.RMS_NORM, Kind.GATED_MLP, Kind.POSITION_EMBEDDING};
        return kinds[pick(new int[] {0, 1, 2, 3, 4}, new int[] {4, 3, 2, 2, input.rank() == 1 ? 2 : 0})];
    }

    /** Draws the attributes of a per-token layer; a linear layer often ties to an earlier matrix that fits it. */
    private void tokenLayer(Field f, Shape in, Scope scope) {
        switch (f.kind) {
            case LINEAR -> {
                List<String> owners = new ArrayList<>();
                scope.matrices.forEach((owner, matrix) -> {
                    if (matrix[1] == in.channels()) {
                        owners.add(owner);
                    }
                });
                if (!owners.isEmpty() && coin(70)) {
                    f.tiedTo = owners.get(random.nextInt(owners.size()));
                    f.verbatim.add("tiedTo = \"" + f.tiedTo + "\"");
                    f.values.put("out", number(scope.matrices.get(f.tiedTo)[0], scope));
                } else {
                    // Often square, so that a later layer on its output can share its matrix.
                    f.values.put("out", number(coin(40) ? in.channels() : 1 + random.nextInt(8), scope));
                }
                bias(f);
            }
            case EMBEDDING -> {
                f.values.put("vocabulary", number(1 + random.nextInt(12), scope));
                f.values.put("dim", number(1 + random.nextInt(8), scope));
            }
            case LEARNED -> learned(f, in, scope);
            case POSITION_EMBEDDING -> f.values.put("positions", number(in.sizes()[0] + random.nextInt(3), scope));
            case RMS_NORM -> notAffine(f);
            case GATED_MLP -> {
                f.values.put("hidden", number(1 + random.nextInt(8), scope));
                if (coin(40)) {
                    f.verbatim.add("activation = ActivationFunction."
                            + FUNCTIONS.get(random.nextInt(FUNCTIONS.size())).name());
                }
                if (coin(30)) {
                    f.verbatim.add("bias = true");
                }
            }
            default -> throw new IllegalStateException("not a per-token kind: " + f.kind);
        }
    }

    /** A learned tensor added, multiplied (broadcasting sizes of 1) or prepended (a few tokens) to the input. */
    private void learned(Field f, Shape in, Scope scope) {
        String[] combines = {"ADD", "MULTIPLY", "PREPEND"};
        int combine = random.nextInt(in.rank() == 0 ? 2 : 3);
        if (combine != 0 || coin(50)) {
            f.verbatim.add("combine = Combine." + combines[combine]);
        }
        if (combine != 2 && coin(30)) {
            f.values.put("channels", number(1, scope));
        }
        if (in.rank() > 0 && (combine == 2 || coin(50))) {
            int[] size = in.sizes().clone();
            for (int d = 0; d < size.length; d++) {
                size[d] = combine == 2 ? d == 0 ? 1 + random.nextInt(2) : size[d] : coin(50) ? 1 : size[d];
            }
            f.values.put("size", spread(size, scope));
        }
    }

    /** A normalization without its scale and shift, in about a third of them. */
    private void notAffine(Field f) {
        if (coin(30)) {
            f.verbatim.add(Spec.NOT_AFFINE);
        }
    }

    private void bias(Field f) {
        if (coin(30)) {
            f.verbatim.add(Spec.NO_BIAS);
        } else if (coin(10)) {
            f.verbatim.add("bias = true");
        }
    }

    /** An @Add, @Multiply or @Concat of names whose shapes fit together, the latest output often among them. */
    private Field merge(Scope scope, String name) {
        if (coin(PRODUCT_PERCENT)) {
            return product(scope, name);
        }
        Kind kind = new Kind[] {Kind.ADD, Kind.MULTIPLY, Kind.CONCAT}[random.nextInt(3)];
        String anchor = coin(60) ? latestName(scope) : anyName(scope);
        Shape anchorShape = scope.defined.get(anchor);
        // A concatenation along a size (a sequence's tokens, axis 1) in about a third of them.
        int axis = kind == Kind.CONCAT && coin(35) ? random.nextInt(anchorShape.rank() + 1) : 0;
        List<String> partners = new ArrayList<>();
        for (Map.Entry<String, Shape> entry : scope.defined.entrySet()) {
            Shape other = entry.getValue();
            boolean fits = kind == Kind.CONCAT ? SequenceOracle.concatFits(anchorShape, other, axis)
                    : broadcasts(anchorShape, other);
            if (fits && (!entry.getKey().equals(anchor) || coin(10))) {
                partners.add(entry.getKey());
            }
        }
        if (partners.isEmpty()) {
            return null;
        }
        List<String> operands = new ArrayList<>(List.of(anchor));
        int more = 1 + (coin(25) ? 1 : 0);
        for (int i = 0; i < more; i++) {
            operands.add(partners.get(random.nextInt(partners.size())));
        }
        Collections.shuffle(operands, random);
        Field field = new Field(name, kind);
        field.operands = operands;
        if (axis != 0 || (kind == Kind.CONCAT && coin(10))) {
            field.values.put("axis", new Literal(new int[] {axis}, false));
        }
        return defineIfValid(field, scope, operands.stream().map(scope.defined::get).toList());
    }

    /** Defines a field of several inputs if it is valid on them and its output small; returns it, else null. */
    private Field defineIfValid(Field field, Scope scope, List<Shape> inputs) {
        Shape output;
        try {
            output = Semantics.layer(field, scope.names, inputs);
        } catch (Semantics.Invalid e) {
            return null;
        }
        if (!small(output)) {
            return null;
        }
        scope.define(field, conditional(field, scope, inputs.get(0), output));
        return field;
    }

    /**
     * A product of two sequences whose shared dimension agrees, head by head: {@code (L, K) @ (K, N)}, or with
     * {@code transposeSecond} {@code (L, K) @ (M, K)^T}; null when no two sequences of the scope fit.
     */
    private Field product(Scope scope, String name) {
        List<String[]> pairs = new ArrayList<>();
        for (Map.Entry<String, Shape> left : scope.defined.entrySet()) {
            for (Map.Entry<String, Shape> right : scope.defined.entrySet()) {
                if (left.getValue().rank() == 1 && right.getValue().rank() == 1) {
                    pairs.add(new String[] {left.getKey(), right.getKey()});
                }
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        String[] pair = pairs.get(random.nextInt(pairs.size()));
        Shape left = scope.defined.get(pair[0]);
        Shape right = scope.defined.get(pair[1]);
        int heads = divisor(gcd(left.channels(), right.channels()));
        Field field = new Field(name, Kind.MATMUL);
        field.operands = List.of(pair);
        if (heads > 1 || coin(20)) {
            field.values.put("heads", new Literal(new int[] {heads}, false));
        }
        if (left.channels() == right.channels() && (right.sizes()[0] != left.channels() / heads || coin(50))) {
            field.verbatim.add(Spec.TRANSPOSE_SECOND);
        }
        return defineIfValid(field, scope, List.of(left, right));
    }

    private static boolean broadcasts(Shape a, Shape b) {
        int[] x = a.toArray();
        int[] y = b.toArray();
        if (x.length != y.length) {
            return false;
        }
        for (int d = 0; d < x.length; d++) {
            if (x[d] != y[d] && x[d] != 1 && y[d] != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * A @Stage of a new block (or, sometimes, of one drawn before, with new arguments), kept only if every
     * repetition is valid and stays small.
     */
    private Field stage(Scope scope, String name) {
        String from = random.nextInt(100) < 15 ? anyName(scope) : null;
        Shape input = from == null ? scope.previous : scope.defined.get(from);
        for (int attempt = 0; attempt < 4; attempt++) {
            boolean reuse = !network.blocks.isEmpty() && coin(30);
            Block block = reuse ? network.blocks.get(random.nextInt(network.blocks.size()))
                    : new Block("B" + blocks++);
            if (!reuse) {
                params(block, input);
            }
            Field field = new Field(name, Kind.STAGE);
            field.from = from;
            field.block = block;
            field.repeat = pick(new int[] {1, 2, 3}, new int[] {3, 3, 1});
            arguments(field, scope.names);
            Map<String, Long> first;
            try {
                first = Semantics.bind(field, true, input, scope.names);
            } catch (Semantics.Invalid e) {
                continue;
            }
            if (!reuse) {
                Scope inner = new Scope(first, scope.depth + 1, "b", input);
                int count = 1 + random.nextInt(4);
                while (inner.fields.size() < count && nextField(inner) != null) {
                    // drawn and defined by nextField
                }
                block.fields.addAll(inner.fields);
            }
            Semantics.Expansion expansion;
            try {
                expansion = Semantics.expandStage(field, input, scope.names);
            } catch (Semantics.Invalid e) {
                continue;
            }
            // A network's own stage must give it layers (a network of none is invalid); a nested one may vanish.
            boolean empty = expansion.layers().isEmpty() && scope.depth == 0;
            if (empty || !expansion.layers().stream().allMatch(layer -> small(layer.output()))
                    || !small(expansion.output())) {
                continue;
            }
            if (!reuse) {
                network.blocks.add(block);
            }
            scope.define(field, conditional(field, scope, input, expansion.output()));
            return field;
        }
        return null;
    }

    /** A new block's parameters: some required, some with a default that may use {@code in} and earlier ones. */
    private void params(Block block, Shape input) {
        Map<String, Long> visible = new HashMap<>(Map.of("in", (long) input.channels()));
        List<ParamRange> ranges = new ArrayList<>(PARAMS);
        Collections.shuffle(ranges, random);
        int count = random.nextInt(4);
        for (ParamRange range : ranges.subList(0, count)) {
            int value = range.low() + random.nextInt(range.high() - range.low() + 1);
            Expr defaultValue = coin(50) ? expressionFor(value, visible) : null;
            block.params.add(new Param(range.name(), defaultValue, null));
            visible.put(range.name(), (long) value);
        }
    }

    /** {@code with} gives every required parameter and some others; {@code first} overrides some. */
    private void arguments(Field stage, Map<String, Long> outer) {
        for (Param param : stage.block.params) {
            ParamRange range = PARAMS.stream().filter(r -> r.name().equals(param.name())).findFirst().orElseThrow();
            if (param.defaultValue() == null || coin(30)) {
                stage.with.put(param.name(), expressionFor(range.low() + random.nextInt(range.high() - range.low()
                        + 1), outer));
            }
            if (coin(30)) {
                stage.first.put(param.name(), expressionFor(range.low() + random.nextInt(range.high() - range.low()
                        + 1), outer));
            }
        }
    }

    /** An {@code int} attribute: a literal, or in a block often an expression of the same value. */
    private Value number(int value, Scope scope) {
        if (scope.inBlock() && coin(50)) {
            return new Expressions(List.of(expressionFor(value, scope.names)));
        }
        return new Literal(new int[] {value}, false);
    }

    /**
     * An {@code int[]} attribute: one value for all dimensions when they are equal (often), else one each; in a
     * block (scope not null and inside one) often as expressions that have these values in the first repetition.
     */
    private Value spread(int[] perDim, Scope scope) {
        int[] values = Arrays.stream(perDim).allMatch(v -> v == perDim[0]) && coin(70) ? new int[] {perDim[0]}
                : perDim;
        if (scope != null && scope.inBlock() && coin(50)) {
            List<Expr> parts = new ArrayList<>();
            for (int value : values) {
                parts.add(expressionFor(value, scope.names));
            }
            return new Expressions(parts);
        }
        return new Literal(values, values.length == 1 && coin(15));
    }

    /**
     * An expression that has this value with these names bound: a literal, a name that has it, a name plus or
     * minus or times or divided by a constant, sometimes wrapped in operations that do not change it, so that
     * rendering needs parentheses.
     */
    private Expr expressionFor(int value, Map<String, Long> names) {
        List<Expr> options = new ArrayList<>(List.of(Expr.literal(value)));
        // In name order: a HashMap's order must not decide what a seed draws.
        for (Map.Entry<String, Long> entry : new TreeMap<>(names).entrySet()) {
            long v = entry.getValue();
            Expr name = Expr.name(entry.getKey());
            if (v == value) {
                options.add(name);
                options.add(name);
            } else if (v < value) {
                options.add(Expr.binary("+", name, Expr.literal(value - v)));
            } else {
                options.add(Expr.binary("-", name, Expr.literal(v - value)));
                if (value > 0 && v / (v / value) == value) {
                    options.add(Expr.binary("/", name, Expr.literal(v / value)));
                }
            }
            if (v > 0 && value % v == 0 && value > v) {
                options.add(Expr.binary("*", Expr.literal(value / v), name));
            }
        }
        Expr expr = options.get(random.nextInt(options.size()));
        for (int wraps = random.nextInt(3); wraps > 0; wraps--) {
            int k = 1 + random.nextInt(3);
            expr = switch (random.nextInt(5)) {
                case 0 -> Expr.binary("-", Expr.binary("+", expr, Expr.literal(k)), Expr.literal(k));
                case 1 -> Expr.binary("*", expr, Expr.literal(1));
                case 2 -> Expr.binary("+", Expr.literal(0), expr);
                case 3 -> Expr.binary("/", Expr.binary("*", expr, Expr.literal(k)), Expr.literal(k));
                default -> Expr.binary("%", expr, Expr.literal(value + k));
            };
        }
        if (expr.evaluate(names) != value) {
            throw new IllegalStateException("generator bug: " + expr.render() + " is not " + value);
        }
        return expr;
    }

    /** A @When condition over the names: comparisons joined by && or ||, sometimes negated, sometimes a constant. */
    private Expr condition(Map<String, Long> names) {
        if (coin(10)) {
            return Expr.literal(random.nextInt(2));
        }
        Expr condition = comparison(names);
        if (coin(40)) {
            condition = Expr.binary(coin(50) ? "&&" : "||", condition, comparison(names));
        }
        return coin(15) ? Expr.not(condition) : condition;
    }

    private Expr comparison(Map<String, Long> names) {
        List<String> keys = new ArrayList<>(new TreeMap<>(names).keySet());
        String name = keys.get(random.nextInt(keys.size()));
        String[] operators = {"==", "!=", "<", "<=", ">", ">="};
        Expr right = coin(30) ? Expr.name(keys.get(random.nextInt(keys.size())))
                : Expr.literal(Math.max(0, names.get(name) + random.nextInt(3) - 1));
        return Expr.binary(operators[random.nextInt(operators.length)], Expr.name(name), right);
    }

    private boolean small(Shape shape) {
        int cap = switch (shape.rank()) {
            case 1 -> 24;
            case 2 -> 14;
            default -> 7;
        };
        return shape.channels() <= MAX_CHANNELS && Arrays.stream(shape.sizes()).allMatch(s -> s <= cap);
    }

    private String anyName(Scope scope) {
        List<String> names = new ArrayList<>(scope.defined.keySet());
        return names.get(random.nextInt(names.size()));
    }

    private String latestName(Scope scope) {
        return scope.fields.isEmpty() ? Spec.INPUT : scope.fields.get(scope.fields.size() - 1).name;
    }

    private int[] perDim(int rank, IntSupplier value) {
        int[] values = new int[rank];
        for (int d = 0; d < rank; d++) {
            values[d] = value.getAsInt();
        }
        return values;
    }

    private int divisor(int n) {
        List<Integer> divisors = new ArrayList<>();
        for (int d = 1; d <= n; d++) {
            if (n % d == 0) {
                divisors.add(d);
            }
        }
        return divisors.get(random.nextInt(divisors.size()));
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @SafeVarargs
    private <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    private boolean coin(int percent) {
        return random.nextInt(100) < percent;
    }

    private int pick(int[] values, int[] weights) {
        int total = Arrays.stream(weights).sum();
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException();
    }
}
