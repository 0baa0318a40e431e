package dev.modelcost.processor.property;

import dev.modelcost.processor.property.Spec.Block;
import dev.modelcost.processor.property.Spec.Expressions;
import dev.modelcost.processor.property.Spec.Field;
import dev.modelcost.processor.property.Spec.Kind;
import dev.modelcost.processor.property.Spec.Literal;
import dev.modelcost.processor.property.Spec.Network;
import dev.modelcost.processor.property.Spec.Param;
import dev.modelcost.processor.property.Spec.Raw;
import dev.modelcost.processor.property.Spec.Shape;
import dev.modelcost.processor.property.Spec.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Breaks a valid network in exactly one way whose diagnostic key is certain: a value out of range, a shape that
 * does not fit, a malformed structure, block or expression. Each mutation names the key the processor must
 * report somewhere in the network's file; others may come with it (a broken layer can break the ones after it).
 */
final class Mutations {
    private static final Set<Kind> CONVOLUTIONS = Set.of(Kind.CONV, Kind.DECONV);
    private static final Set<String> WITH_EXPRESSION_TWIN = Set.of("out", "kernel", "stride", "padding", "dilation",
            "outputPadding", "scale", "from", "to", "value");

    private final Network network;
    private final Semantics meaning;
    private final Random random;

    private Mutations(Network network, Semantics meaning, Random random) {
        this.network = network;
        this.meaning = meaning;
        this.random = random;
    }

    /** Breaks the network (whose meaning is given) in one way drawn at random; returns how. */
    static Mutation breakOne(Network network, Semantics meaning, Random random) {
        Mutations m = new Mutations(network, meaning, random);
        List<Supplier<Mutation>> all = List.of(m::inputChannels, m::inputSize, m::noLayers, m::badCostClass,
                m::incompleteDevice, m::latencyWithoutDevice, m::negativeBudget, m::overflowingInput,
                m::layerOutsideNetwork, m::whenOnNetworkField, m::tooManyLayers, m::convolutionValueBelowOne,
                m::negativePadding, m::wrongArity, m::groupsDoNotDivide, m::convolutionOutputTooSmall,
                m::transposedOutputTooSmall, m::outputPaddingTooLarge, m::groupedAmbiguous, m::paddingWithSame,
                m::missingValue, m::denseOutBelowOne, m::groupedDense, m::poolValueBelowOne, m::poolNegativePadding,
                m::poolPaddingTooLarge, m::poolOutputTooSmall, m::adaptiveSizeBelowOne, m::upsampleBothOrNeither,
                m::upsampleBelowOne, m::tooFewOperands, m::unknownOperand, m::operandsDiffer, m::sliceOutOfRange, m::groupsNotDividing,
                m::negativeFlops, m::unknownFrom, m::fromOnMerge, m::twoLayerKinds, m::modifierWithoutLayer,
                m::spatialLayerOnVector, m::notABlock, m::blockCycle, m::repeatBelowOne, m::unknownArgument,
                m::missingArgument, m::malformedArgument, m::badExpression, m::badWhen, m::badParamDefault,
                m::blockValueBelowOne, m::budgetOnStage, m::blockFromOutsideItsScope, m::tieToUnknownLayer,
                m::tieToALayerWithoutAMatrix, m::tiedMatrixDiffers, m::embeddingOfFeatures, m::sequenceLongerThanPositions,
                m::learnedTensorDoesNotFit);
        while (true) {
            Mutation mutation = all.get(random.nextInt(all.size())).get();
            if (mutation != null) {
                return mutation;
            }
        }
    }

    // ---- the network as a whole ----

    private Mutation inputChannels() {
        network.channels = oneOf(0, -1, -8);
        return new Mutation("input channels below 1", "MC104");
    }

    private Mutation inputSize() {
        if (network.sizes.length == 0) {
            return null;
        }
        network.sizes[random.nextInt(network.sizes.length)] = oneOf(0, -2);
        return new Mutation("an input size below 1", "MC104");
    }

    private Mutation noLayers() {
        network.fields.clear();
        network.blocks.clear();
        network.fields.add(new Field("plain", Kind.NONE));
        return new Mutation("no layer fields", "MC100");
    }

    private Mutation badCostClass() {
        network.networkAttributes.add("costClass = \"" + oneOf("9Lives", "my.Cost", "has space", "class") + "\"");
        return new Mutation("a costClass that is not a class name", "MC115");
    }

    private Mutation incompleteDevice() {
        network.classAnnotations.removeIf(annotation -> annotation.startsWith("@Device"));
        network.classAnnotations.add(oneOf("@Device(peakFlops = 1_000_000_000_000L)",
                "@Device(bandwidth = 50_000_000_000L)"));
        return new Mutation("a device with only one of its two figures", "MC128");
    }

    private Mutation latencyWithoutDevice() {
        network.classAnnotations.clear(); // the device, and a budget (not repeatable), if the network had them
        network.classAnnotations.add("@Budget(latencyNanos = 1_000L)");
        return new Mutation("a latency budget without a device", "MC129");
    }

    private Mutation negativeBudget() {
        String budget = "@Budget(" + oneOf("macs", "flops", "params", "activations", "memoryBytes") + " = -"
                + (1 + random.nextInt(9)) + "L)";
        List<Field> layers = networkFields(k -> k != Kind.STAGE);
        if (layers.isEmpty() || random.nextBoolean()) {
            network.classAnnotations.removeIf(annotation -> annotation.startsWith("@Budget"));
            network.classAnnotations.add(budget);
        } else {
            pick(layers).budget = budget;
        }
        return new Mutation("a negative budget", "MC105");
    }

    private Mutation overflowingInput() {
        if (network.sizes.length < 2) {
            return null;
        }
        network.channels = 2_000_000_000;
        Arrays.fill(network.sizes, 2_000_000_000);
        return new Mutation("an input whose element count exceeds a long", "MC110");
    }

    private Mutation layerOutsideNetwork() {
        network.extraMembers.add("static class Helper { @Conv(out = 2, kernel = 1) Layer stray; }");
        // README: the mistake is the nested class's; the network beside it stays valid and gets its cost class.
        return new Mutation("a layer in a class that is neither a network nor a block", "MC101", false);
    }

    private Mutation whenOnNetworkField() {
        pick(network.fields).when = Expr.literal(1);
        return new Mutation("@When on a network's field", "MC125");
    }

    private Mutation tooManyLayers() {
        List<Field> stages = networkFields(k -> k == Kind.STAGE);
        stages.removeIf(stage -> stage.block.fields.isEmpty());
        if (stages.isEmpty()) {
            return null;
        }
        pick(stages).repeat = oneOf(2_000_000, 1_000_001, Integer.MAX_VALUE);
        return new Mutation("a stage repeated into more than a million layers", "MC123");
    }

    // ---- convolutions ----

    private Mutation convolutionValueBelowOne() {
        Field f = layerOf(CONVOLUTIONS);
        if (f == null) {
            return null;
        }
        String attribute = oneOf("out", "kernel", "stride", "dilation");
        int rank = rank(f);
        if (attribute.equals("out")) {
            f.values.put("out", literal(oneOf(0, -3)));
        } else {
            int[] values = literalDims(f, attribute, 1, rank);
            values[random.nextInt(rank)] = oneOf(0, -1);
            f.values.put(attribute, new Literal(values, false));
        }
        return new Mutation(attribute + " below 1", "MC104");
    }

    private Mutation negativePadding() {
        Field f = layerOf(CONVOLUTIONS);
        if (f == null) {
            return null;
        }
        String attribute = f.kind == Kind.DECONV && random.nextBoolean() ? "outputPadding" : "padding";
        f.same = false;
        int[] values = literalDims(f, attribute, 0, rank(f));
        values[random.nextInt(values.length)] = -1;
        f.values.put(attribute, new Literal(values, false));
        return new Mutation("negative " + attribute, "MC105");
    }

    private Mutation wrongArity() {
        Field f = layerOf(Set.of(Kind.CONV, Kind.DECONV, Kind.MAX_POOL, Kind.AVG_POOL, Kind.ADAPTIVE_POOL,
                Kind.UPSAMPLE));
        if (f == null) {
            return null;
        }
        String attribute = switch (f.kind) {
            case CONV, DECONV -> oneOf("kernel", "stride", "padding", "dilation");
            case ADAPTIVE_POOL -> "size";
            case UPSAMPLE -> f.values.containsKey("scale") ? "scale" : "size";
            default -> oneOf("kernel", "padding");
        };
        f.same = false;
        int[] values = new int[rank(f) + 1];
        Arrays.fill(values, attribute.equals("padding") ? 0 : 1);
        f.values.put(attribute, new Literal(values, false));
        return new Mutation(attribute + " with one value too many", "MC106");
    }

    private Mutation groupsDoNotDivide() {
        Field f = layerOf(CONVOLUTIONS);
        if (f == null) {
            return null;
        }
        int in = input(f).channels();
        f.grouped = true;
        if (in > 1 && random.nextBoolean()) {
            f.groups = null;
            f.depthwise = true;
            f.values.put("out", literal(in + 1));
        } else {
            f.depthwise = false;
            f.groups = literal(in + 1);
        }
        return new Mutation("groups that do not divide the channels", "MC107");
    }

    private Mutation convolutionOutputTooSmall() {
        Field f = layerOf(Set.of(Kind.CONV));
        if (f == null) {
            return null;
        }
        Shape in = input(f);
        int d = random.nextInt(in.rank());
        f.same = false;
        f.values.remove("padding");
        f.values.remove("dilation");
        int[] kernel = new int[in.rank()];
        Arrays.fill(kernel, 1);
        kernel[d] = in.sizes()[d] + 1;
        f.values.put("kernel", new Literal(kernel, false));
        return new Mutation("a kernel larger than the input", "MC108");
    }

    private Mutation transposedOutputTooSmall() {
        Field f = layerOf(Set.of(Kind.DECONV));
        if (f == null) {
            return null;
        }
        int rank = rank(f);
        int d = random.nextInt(rank);
        int stride = literalDims(f, "stride", 1, rank)[d];
        int dilation = literalDims(f, "dilation", 1, rank)[d];
        int kernel = literalDims(f, "kernel", 1, rank)[d];
        int extent = (input(f).sizes()[d] - 1) * stride + dilation * (kernel - 1) + 1;
        f.same = false;
        f.values.remove("outputPadding");
        int[] padding = new int[rank];
        padding[d] = extent;
        f.values.put("padding", new Literal(padding, false));
        return new Mutation("a padding that crops the whole output", "MC108");
    }

    private Mutation outputPaddingTooLarge() {
        Field f = layerOf(Set.of(Kind.DECONV));
        if (f == null) {
            return null;
        }
        int rank = rank(f);
        int d = random.nextInt(rank);
        int[] outputPadding = new int[rank];
        outputPadding[d] = Math.max(literalDims(f, "stride", 1, rank)[d], literalDims(f, "dilation", 1, rank)[d]);
        f.same = false;
        f.values.put("outputPadding", new Literal(outputPadding, false));
        return new Mutation("an output padding as large as the stride", "MC109");
    }

    private Mutation groupedAmbiguous() {
        Field f = layerOf(CONVOLUTIONS);
        if (f == null) {
            return null;
        }
        f.grouped = true;
        boolean both = random.nextBoolean();
        f.groups = both ? literal(1) : null;
        f.depthwise = both;
        return new Mutation("@Grouped with " + (both ? "both" : "neither"), "MC112");
    }

    private Mutation paddingWithSame() {
        Field f = layerOf(CONVOLUTIONS);
        if (f == null) {
            return null;
        }
        f.same = true;
        String attribute = f.kind == Kind.DECONV && random.nextBoolean() ? "outputPadding" : "padding";
        f.values.put(attribute, literal(attribute.equals("padding") ? random.nextInt(2) : 0));
        return new Mutation("SAME with " + attribute + " written", "MC113");
    }

    private Mutation missingValue() {
        Field f = layerOf(Set.of(Kind.CONV, Kind.DECONV, Kind.DENSE, Kind.MAX_POOL, Kind.AVG_POOL));
        if (f == null) {
            return null;
        }
        String attribute = f.kind == Kind.DENSE ? "out" : CONVOLUTIONS.contains(f.kind) ? oneOf("out", "kernel")
                : "kernel";
        f.values.remove(attribute);
        return new Mutation("no " + attribute, "MC116");
    }

    // ---- other layer kinds ----

    private Mutation denseOutBelowOne() {
        Field f = layerOf(Set.of(Kind.DENSE));
        if (f == null) {
            return null;
        }
        f.values.put("out", literal(oneOf(0, -1)));
        return new Mutation("dense out below 1", "MC104");
    }

    private Mutation groupedDense() {
        Field f = layerOf(Set.of(Kind.DENSE));
        if (f == null) {
            return null;
        }
        f.grouped = true;
        f.groups = literal(1);
        return new Mutation("@Grouped on a dense layer", "MC103");
    }

    private Mutation poolValueBelowOne() {
        Field f = layerOf(Set.of(Kind.MAX_POOL, Kind.AVG_POOL));
        if (f == null) {
            return null;
        }
        String attribute = f.kind == Kind.MAX_POOL ? oneOf("kernel", "stride", "dilation") : oneOf("kernel", "stride");
        f.values.put(attribute, literal(0));
        return new Mutation("pooling " + attribute + " below 1", "MC104");
    }

    private Mutation poolNegativePadding() {
        Field f = layerOf(Set.of(Kind.MAX_POOL, Kind.AVG_POOL));
        if (f == null) {
            return null;
        }
        f.values.put("padding", literal(-1));
        return new Mutation("negative pooling padding", "MC105");
    }

    private Mutation poolPaddingTooLarge() {
        Field f = layerOf(Set.of(Kind.MAX_POOL, Kind.AVG_POOL));
        if (f == null) {
            return null;
        }
        // Windows span at most 2 * (3 - 1) + 1 = 5 here: half of one is at most 2.
        f.values.put("padding", literal(3 + random.nextInt(100)));
        return new Mutation("pooling padding more than half the window", "MC133");
    }

    private Mutation poolOutputTooSmall() {
        Field f = layerOf(Set.of(Kind.MAX_POOL, Kind.AVG_POOL));
        if (f == null) {
            return null;
        }
        Shape in = input(f);
        f.ceilMode = false;
        f.values.remove("padding");
        f.values.remove("dilation");
        int[] kernel = new int[in.rank()];
        Arrays.fill(kernel, 1);
        int d = random.nextInt(in.rank());
        kernel[d] = in.sizes()[d] + 1;
        f.values.put("kernel", new Literal(kernel, false));
        return new Mutation("a pooling window larger than the input", "MC108");
    }

    private Mutation adaptiveSizeBelowOne() {
        Field f = layerOf(Set.of(Kind.ADAPTIVE_POOL));
        if (f == null) {
            return null;
        }
        f.values.put("size", literal(0));
        return new Mutation("adaptive size below 1", "MC104");
    }

    private Mutation upsampleBothOrNeither() {
        Field f = layerOf(Set.of(Kind.UPSAMPLE));
        if (f == null) {
            return null;
        }
        if (random.nextBoolean()) {
            f.values.put("scale", literal(2));
            f.values.put("size", literal(4));
        } else {
            f.values.remove("scale");
            f.values.remove("size");
        }
        return new Mutation("@Upsample with both or neither of scale and size", "MC127");
    }

    private Mutation upsampleBelowOne() {
        Field f = layerOf(Set.of(Kind.UPSAMPLE));
        if (f == null) {
            return null;
        }
        f.values.put(f.values.containsKey("scale") ? "scale" : "size", literal(0));
        return new Mutation("upsampling by 0", "MC104");
    }

    private Mutation tooFewOperands() {
        Field f = layerOf(Set.of(Kind.ADD, Kind.MULTIPLY, Kind.CONCAT));
        if (f == null) {
            return null;
        }
        f.operands = new ArrayList<>(f.operands.subList(0, random.nextInt(2)));
        return new Mutation("a merge of fewer than two", "MC126");
    }

    private Mutation unknownOperand() {
        Field f = layerOf(Set.of(Kind.ADD, Kind.MULTIPLY, Kind.CONCAT));
        if (f == null) {
            return null;
        }
        List<String> operands = new ArrayList<>(f.operands);
        operands.set(random.nextInt(operands.size()), later(f) != null && random.nextBoolean() ? later(f) : "ghost");
        f.operands = operands;
        return new Mutation("a merge of a layer not declared before it", "MC118");
    }

    private Mutation operandsDiffer() {
        Field f = layerOf(Set.of(Kind.ADD, Kind.MULTIPLY, Kind.CONCAT));
        if (f == null) {
            return null;
        }
        Shape first = meaning.outputOfName(network, f.operands.get(0), f);
        List<String> misfits = new ArrayList<>();
        for (String name : meaning.namesBefore(network, f)) {
            Shape other = meaning.outputOfName(network, name, f);
            boolean fits = f.kind == Kind.CONCAT ? SequenceOracle.concatFits(first, other, f.axis())
                    : broadcasts(first, other);
            if (!fits) {
                misfits.add(name);
            }
        }
        if (misfits.isEmpty()) {
            return null;
        }
        List<String> operands = new ArrayList<>(f.operands);
        operands.set(1 + random.nextInt(operands.size() - 1), pick(misfits));
        f.operands = operands;
        return new Mutation("a merge of shapes that do not fit", "MC119");
    }

    private Mutation sliceOutOfRange() {
        Field f = layerOf(Set.of(Kind.SLICE));
        if (f == null) {
            return null;
        }
        int channels = input(f).channels();
        if (random.nextBoolean()) {
            f.values.put("to", literal(channels + 1 + random.nextInt(3)));
        } else {
            f.values.put("from", literal(channels));
            f.values.put("to", literal(channels));
        }
        return new Mutation("a slice outside the channels", "MC124");
    }

    private Mutation groupsNotDividing() {
        Field f = layerOf(Set.of(Kind.SHUFFLE, Kind.GROUP_NORM));
        if (f == null) {
            return null;
        }
        boolean zero = random.nextBoolean();
        f.values.put("value", literal(zero ? 0 : input(f).channels() + 1));
        return zero ? new Mutation("a shuffle or group norm of 0 groups", "MC104")
                : new Mutation("a shuffle or group norm whose groups do not divide the channels", "MC107");
    }

    private Mutation negativeFlops() {
        Field f = layerOf(Set.of(Kind.ELEMENTWISE));
        if (f == null) {
            return null;
        }
        f.values.put("flopsPerElement", literal(-1));
        return new Mutation("negative operations per element", "MC105");
    }

    // ---- structure ----

    private Mutation unknownFrom() {
        List<Field> fields = networkFields(k -> !k.isMerge());
        if (fields.isEmpty()) {
            return null;
        }
        Field f = pick(fields);
        f.from = later(f) != null && random.nextBoolean() ? later(f) : "ghost";
        return new Mutation("@From a layer not declared before it", "MC118");
    }

    // ---- the per-token kinds ----

    private Mutation tieToUnknownLayer() {
        Field f = layerOf(Set.of(Kind.LINEAR));
        if (f == null) {
            return null;
        }
        tie(f, later(f) != null && random.nextBoolean() ? later(f) : "ghost");
        return new Mutation("tiedTo a layer not declared before it", "MC170");
    }

    private Mutation tieToALayerWithoutAMatrix() {
        Field f = layerOf(Set.of(Kind.LINEAR));
        if (f == null) {
            return null;
        }
        Set<Kind> withMatrix = Set.of(Kind.LINEAR, Kind.EMBEDDING);
        List<Field> before = network.fields.subList(0, network.fields.indexOf(f)).stream()
                .filter(g -> !withMatrix.contains(g.kind)).toList();
        if (before.isEmpty()) {
            return null;
        }
        tie(f, pick(before).name);
        return new Mutation("tiedTo a layer or stage without a weight matrix", "MC171");
    }

    private Mutation tiedMatrixDiffers() {
        List<Field> tied = networkFields(k -> k == Kind.LINEAR).stream().filter(f -> f.tiedTo != null).toList();
        if (tied.isEmpty()) {
            return null;
        }
        Field f = pick(tied);
        int out = new Semantics.Attributes(f, java.util.Map.of()).single("out", null, 1);
        f.values.put("out", literal(out + 1));
        return new Mutation("a tied matrix of another shape", "MC172");
    }

    private Mutation embeddingOfFeatures() {
        if (network.sizes.length != 1 || network.channels == 1) {
            return null;
        }
        Field f = new Field("ids", Kind.EMBEDDING);
        f.from = Spec.INPUT;
        f.values.put("vocabulary", literal(5));
        f.values.put("dim", literal(2));
        network.fields.add(f);
        return new Mutation("an embedding of features, not token ids", "MC173");
    }

    private Mutation sequenceLongerThanPositions() {
        if (network.sizes.length != 1 || network.sizes[0] < 2) {
            return null;
        }
        Field f = new Field("positions", Kind.POSITION_EMBEDDING);
        f.from = Spec.INPUT;
        f.values.put("positions", literal(network.sizes[0] - 1));
        network.fields.add(f);
        return new Mutation("a sequence longer than its position table", "MC175");
    }

    private Mutation learnedTensorDoesNotFit() {
        if (network.sizes.length == 0 || network.sizes[0] < 2) {
            return null;
        }
        Field f = new Field("learned", Kind.LEARNED);
        f.from = Spec.INPUT;
        f.values.put("size", literal(network.sizes[0] + 1));
        network.fields.add(f);
        return new Mutation("a learned tensor that does not broadcast with its input", "MC174");
    }

    private static void tie(Field f, String owner) {
        f.verbatim.removeIf(attribute -> attribute.startsWith("tiedTo = "));
        f.tiedTo = owner;
        f.verbatim.add("tiedTo = \"" + owner + "\"");
    }

    private Mutation fromOnMerge() {
        Field f = layerOf(Set.of(Kind.ADD, Kind.MULTIPLY, Kind.CONCAT));
        if (f == null) {
            return null;
        }
        f.from = f.operands.get(0);
        return new Mutation("@From on a merge", "MC132");
    }

    private Mutation twoLayerKinds() {
        Field f = pick(network.fields);
        f.extraAnnotations.add(f.kind == Kind.BATCH_NORM ? "@Dropout" : "@BatchNorm");
        return new Mutation("two layer annotations on one field", "MC102");
    }

    private Mutation modifierWithoutLayer() {
        Field plain = new Field("plain", Kind.NONE);
        String[][] modifiers = {{"@Grouped(2)", "MC103"}, {"@From(From.INPUT)", "MC114"},
                {"@Budget(macs = 1L)", "MC114"}};
        String[] modifier = modifiers[random.nextInt(modifiers.length)];
        plain.extraAnnotations.add(modifier[0]);
        network.fields.add(random.nextInt(network.fields.size() + 1), plain);
        return new Mutation(modifier[0] + " on a field without a layer", modifier[1]);
    }

    private Mutation spatialLayerOnVector() {
        List<Integer> positions = new ArrayList<>();
        if (network.sizes.length == 0) {
            positions.add(0);
        }
        for (int i = 0; i < network.fields.size(); i++) {
            if (meaning.outputOf(network.fields.get(i)).rank() == 0) {
                positions.add(i + 1);
            }
        }
        if (positions.isEmpty()) {
            return null;
        }
        Field spatial = new Field("onVector", oneOf(Kind.CONV, Kind.DECONV, Kind.MAX_POOL, Kind.AVG_POOL,
                Kind.ADAPTIVE_POOL, Kind.UPSAMPLE));
        switch (spatial.kind) {
            case CONV, DECONV -> {
                spatial.values.put("out", literal(2));
                spatial.values.put("kernel", literal(1));
            }
            case MAX_POOL, AVG_POOL -> spatial.values.put("kernel", literal(1));
            case ADAPTIVE_POOL -> spatial.values.put("size", literal(1));
            default -> spatial.values.put("scale", literal(2));
        }
        network.fields.add(pick(positions), spatial);
        return new Mutation("@" + spatial.kind.annotation + " on a vector", "MC111");
    }

    // ---- blocks and stages ----

    private Mutation notABlock() {
        List<Field> stages = networkFields(k -> k == Kind.STAGE);
        if (stages.isEmpty()) {
            return null;
        }
        Block plain = new Block("NotABlock");
        plain.annotated = false;
        network.blocks.add(plain);
        pick(stages).block = plain;
        return new Mutation("@Stage of a class that is not a @Block", "MC120");
    }

    private Mutation blockCycle() {
        Block block = usedBlock();
        if (block == null) {
            return null;
        }
        Field self = new Field("again", Kind.STAGE);
        self.block = block;
        block.fields.add(self);
        return new Mutation("a block that contains itself", "MC121");
    }

    private Mutation repeatBelowOne() {
        List<Field> stages = networkFields(k -> k == Kind.STAGE);
        if (stages.isEmpty()) {
            return null;
        }
        pick(stages).repeat = oneOf(0, -1);
        return new Mutation("a repeat below 1", "MC104");
    }

    private Mutation unknownArgument() {
        List<Field> stages = networkFields(k -> k == Kind.STAGE);
        if (stages.isEmpty()) {
            return null;
        }
        pick(stages).with.put("ghost", Expr.literal(1));
        return new Mutation("a stage argument the block does not have", "MC122");
    }

    private Mutation missingArgument() {
        Block block = usedBlock();
        if (block == null) {
            return null;
        }
        block.params.add(new Param("extra", null, null));
        return new Mutation("a required parameter no stage gives", "MC122");
    }

    private Mutation malformedArgument() {
        List<Field> stages = networkFields(k -> k == Kind.STAGE);
        if (stages.isEmpty()) {
            return null;
        }
        pick(stages).rawWith = oneOf("width", "k == 2", "= 3");
        return new Mutation("a stage argument that is not name = expression", "MC122");
    }

    private Mutation badExpression() {
        Field f = alwaysInstantiatedBlockLayer(f2 -> !twinned(f2).isEmpty());
        if (f == null) {
            return null;
        }
        List<String> attributes = twinned(f);
        f.values.put(pick(attributes), new Raw(oneOf("1 +", "ghost * 2", "4 / 0", "(2", "2 % (in - in)",
                "99999999999")));
        return new Mutation("an expression that does not parse, names nothing known, divides by 0 or is too large",
                "MC117");
    }

    private Mutation badWhen() {
        Field f = alwaysInstantiatedBlockLayer(f2 -> true);
        if (f == null) {
            return null;
        }
        f.rawWhen = oneOf("in >", "ghost == 1", "1 / 0", "in != ");
        return new Mutation("a @When that cannot be evaluated", "MC117");
    }

    private Mutation badParamDefault() {
        Block block = usedBlock();
        if (block == null) {
            return null;
        }
        if (!block.params.isEmpty() && random.nextBoolean()) {
            // A default sees only the parameters declared before it.
            block.params.add(0, new Param("extra", Expr.name(pick(block.params).name()), null));
            return new Mutation("a parameter default that uses a parameter declared after it", "MC145");
        } else {
            block.params.add(new Param("extra", null, oneOf("1 +", "ghost", "in / 0")));
        }
        return new Mutation("a parameter default that cannot be evaluated", "MC117");
    }

    private Mutation budgetOnStage() {
        List<Field> stages = networkFields(k -> k == Kind.STAGE);
        if (stages.isEmpty()) {
            return null;
        }
        pick(stages).budget = "@Budget(macs = 1L)";
        return new Mutation("@Budget on a stage", "MC114");
    }

    private Mutation blockFromOutsideItsScope() {
        Field f = alwaysInstantiatedBlockLayer(f2 -> !f2.kind.isMerge());
        if (f == null) {
            return null;
        }
        // The network's fields are not visible inside a block: only the block's own and its input.
        f.from = pick(network.fields).name;
        return new Mutation("@From in a block naming a network layer", "MC118");
    }

    private Mutation blockValueBelowOne() {
        Field f = alwaysInstantiatedBlockLayer(f2 -> CONVOLUTIONS.contains(f2.kind) || f2.kind == Kind.DENSE);
        if (f == null) {
            return null;
        }
        f.values.put("out", literal(0));
        return new Mutation("out below 1 in a block", "MC104");
    }

    // ---- helpers ----

    /** The field's attributes that have an {@code ...Expr} twin (none: @MaxPool's dilation, @Permute's order). */
    private static List<String> twinned(Field f) {
        return f.values.keySet().stream().filter(WITH_EXPRESSION_TWIN::contains)
                .filter(attribute -> !(f.kind == Kind.MAX_POOL && attribute.equals("dilation")))
                .filter(attribute -> f.kind != Kind.PERMUTE).toList();
    }

    /** A block that a stage of the network itself uses (so it is certainly instantiated). */
    private Block usedBlock() {
        List<Field> stages = networkFields(k -> k == Kind.STAGE);
        return stages.isEmpty() ? null : pick(stages).block;
    }

    /**
     * A layer field (not a stage) without {@code @When}, of a block a network stage uses: it is instantiated in
     * every repetition, so a problem in it is certainly reported.
     */
    private Field alwaysInstantiatedBlockLayer(Predicate<Field> wanted) {
        List<Field> candidates = new ArrayList<>();
        for (Field stage : networkFields(k -> k == Kind.STAGE)) {
            for (Field f : stage.block.fields) {
                if (f.kind != Kind.STAGE && f.when == null && wanted.test(f)) {
                    candidates.add(f);
                }
            }
        }
        return candidates.isEmpty() ? null : pick(candidates);
    }

    /** A network field of one of these kinds (never a block's), or null. */
    private Field layerOf(Set<Kind> kinds) {
        List<Field> fields = networkFields(kinds::contains);
        return fields.isEmpty() ? null : pick(fields);
    }

    private List<Field> networkFields(Predicate<Kind> kind) {
        List<Field> fields = new ArrayList<>();
        for (Field f : network.fields) {
            if (kind.test(f.kind)) {
                fields.add(f);
            }
        }
        return fields;
    }

    /** The name of a field declared after this one, or null. */
    private String later(Field f) {
        int index = network.fields.indexOf(f);
        return index + 1 < network.fields.size() ? network.fields.get(index + 1 + random.nextInt(network.fields.size()
                - index - 1)).name : null;
    }

    private Shape input(Field f) {
        return meaning.inputsOf(f).get(0);
    }

    private int rank(Field f) {
        return input(f).rank();
    }

    /** A network field's per-dimension attribute as literal values, one per dimension. */
    private static int[] literalDims(Field f, String attribute, int fallback, int rank) {
        Value value = f.values.get(attribute);
        int[] values = new int[rank];
        Arrays.fill(values, fallback);
        if (value instanceof Literal literal) {
            int[] written = literal.values();
            for (int d = 0; d < rank; d++) {
                values[d] = written.length == 1 ? written[0] : written[d];
            }
        } else if (value instanceof Expressions) {
            throw new IllegalStateException("a network field with an expression");
        }
        return values;
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

    private static Literal literal(int value) {
        return new Literal(new int[] {value}, false);
    }

    @SafeVarargs
    private <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
