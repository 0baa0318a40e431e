package dev.modelcost.processor.expand;

import dev.modelcost.From;
import dev.modelcost.processor.analysis.CostAnalyzer;
import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.Numbers;
import dev.modelcost.processor.analysis.OverflowException;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.NetworkDecl;
import dev.modelcost.processor.model.WeightTie;
import dev.modelcost.processor.read.AnnotationNames;
import dev.modelcost.processor.read.AnnotationValues;
import dev.modelcost.processor.read.BlockTemplate;
import dev.modelcost.processor.read.LayerTemplate;
import dev.modelcost.processor.read.NetworkReader;
import dev.modelcost.processor.read.NetworkTemplate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Walks a network's fields in declaration order and turns them into the graph of concrete layers: each layer
 * fed by the previous one or by the layers it names, each {@code @Stage} replaced by its block's layers, once per
 * repetition, with the block's parameters bound. Every layer goes through {@link LayerSteps} (resolved, checked
 * and analyzed) as soon as its inputs are known, so a block can depend on its input's channels ({@code in}). A layer with a problem does not
 * stop the walk: later layers are still checked as far as their input is known, so one compile shows every
 * problem.
 */
public final class NetworkExpander {
    /**
     * More layers than this, or more steps of expansion (a layer, a {@code @When} evaluated, a repetition that
     * adds nothing), is an error: it bounds the work and the generated class, whatever the repeats.
     */
    public static final int MAX_LAYERS = 1_000_000;
    /**
     * Blocks nest at most this deep. Instantiating a block recurses, so without a bound a long enough chain of
     * blocks, each using the next, overflowed javac's stack; real networks nest two or three deep.
     */
    public static final int MAX_NESTING = 100;
    /** The node index that stands for the network's input. */
    private static final int NETWORK_INPUT = -1;

    private final NetworkReader reader;
    private final LayerSteps layerSteps = new LayerSteps();
    private final CostAnalyzer analyzer = new CostAnalyzer();
    /** Each block read so far, with the problems of its own text: read once, however often it is used. */
    private final Map<TypeElement, ReadBlock> blocks = new HashMap<>();
    private final Map<TypeElement, Long> knownLeastSteps = new HashMap<>();

    public NetworkExpander(NetworkReader reader) {
        this.reader = reader;
    }

    /** A block's template and the problems of its own text ({@link BlockTextChecker}). */
    private record ReadBlock(BlockTemplate template, Findings problems) {
    }

    /**
     * The block declared by this class, which the caller has checked is a {@code @Block}, with every problem of
     * its own text added to {@code findings}; null when one of them is an error. The block is read and checked
     * once, for its declaration and for every use of it.
     */
    public BlockTemplate readBlock(TypeElement type, Findings findings) {
        ReadBlock read = blocks.get(type);
        if (read == null) {
            Findings problems = new Findings();
            read = new ReadBlock(BlockTextChecker.read(reader, type, problems), problems);
            blocks.put(type, read);
        }
        findings.addAll(read.problems());
        return read.problems().hasErrors() ? null : read.template();
    }

    /** The network's cost, or null if any problem was found (added to {@code findings}). */
    public NetworkCost expand(NetworkTemplate template, Findings findings) {
        TensorShape input = analyzer.inputShape(template.declaration(), findings);
        return input == null ? null : expand(template, input, findings);
    }

    /**
     * The network's cost on another input than the one it declares (a sequence of another length, for the
     * prefill and the decode steps of generation), or null if any problem was found.
     */
    public NetworkCost expand(NetworkTemplate template, TensorShape input, Findings findings) {
        NetworkDecl network = template.declaration();
        Walk walk = new Walk(network, input, findings);
        Frame frame = new Frame(Scope.network(), NETWORK_INPUT);
        try {
            walk.fields(template.layers(), frame);
        } catch (TooManyLayers e) {
            return null;
        }
        if (walk.valid && walk.figures.isEmpty() && !template.layers().isEmpty()) {
            // Every layer it has comes from blocks whose layers are all absent (@When).
            findings.add(Diagnostic.EMPTY_NETWORK, network.annotation(), network.type().getSimpleName());
        }
        if (!walk.valid || walk.figures.isEmpty()) {
            return null;
        }
        // The network's output is its last field's, which need not be the last layer listed: a stage whose block
        // ends in an absent @When layer outputs what that layer would have taken.
        return analyzer.total(network, input, walk.shapeOf(frame.previous), walk.figures, walk.inputs,
                walk.gradients, findings);
    }

    /** Whether the field is {@code @Frozen}: a layer without weight gradients, or a stage of such layers. */
    private static boolean isFrozen(Element field) {
        return AnnotationNames.find(field, AnnotationNames.FROZEN).isPresent();
    }

    /** The {@code @Block} class a {@code @Stage} names, or null when it names something else. */
    static TypeElement blockType(AnnotationValues stage) {
        TypeMirror type = stage.typeValue("block");
        Element element = type instanceof DeclaredType declared ? declared.asElement() : null;
        return element instanceof TypeElement blockType
                && AnnotationNames.find(blockType, AnnotationNames.BLOCK).isPresent() ? blockType : null;
    }

    /**
     * What to name instead of a type that is not a {@code @Block}: only a class of the user's own can be
     * annotated, so that is suggested for a class outside the JDK, and what a block is for anything else.
     */
    static String notABlockAdvice(TypeMirror type) {
        Element element = type instanceof DeclaredType declared ? declared.asElement() : null;
        if (element == null || element.getKind() != ElementKind.CLASS) {
            String what = element == null ? type.getKind().isPrimitive() ? "a primitive type"
                    : type.getKind() == TypeKind.ARRAY ? "an array type" : "not a class"
                    : article(element.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' '));
            return type + " is " + what + ": block = must name a class annotated with @Block";
        }
        String qualifiedName = ((TypeElement) element).getQualifiedName().toString();
        if (qualifiedName.startsWith("java.") || qualifiedName.startsWith("javax.")
                || qualifiedName.startsWith("jdk.")) {
            return type + " is a class of the JDK: block = must name a class of yours annotated with @Block";
        }
        return "annotate " + type + " with @Block, or name a class that is one";
    }

    /** The names a layer can take input from, for MC118: the fields declared before it, and the input. */
    static String declaredNames(Collection<String> before) {
        return before.isEmpty() ? "none (use From.INPUT for the input)"
                : String.join(", ", before) + " (and From.INPUT)";
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /**
     * At least how many steps one use of the block takes, capped just above {@link #MAX_LAYERS}: one per field
     * (a layer, or a {@code @When} evaluated), and for a nested stage that always exists its repeat times its
     * block's steps, a repetition counting at least one, since instantiating it is work even if it adds nothing.
     * A stage with {@code @When} counts one, as it may be absent; a block that cannot be counted (not a block, a
     * cycle, nested too deep) counts one too: the walk reports it on the way. The walk counts the same steps as
     * it goes, so a use whose steps alone would pass the limit is refused before anything is instantiated: a
     * repeat in the billions, or repeats multiplied through nested blocks, is answered at once, and a network
     * whose large stages {@code @When} removes is walked, and counted exactly.
     */
    private long leastSteps(TypeElement type, Set<TypeElement> open) {
        Long known = knownLeastSteps.get(type);
        if (known != null) {
            return known;
        }
        if (open.size() >= MAX_NESTING || !open.add(type)) {
            return 1;
        }
        ReadBlock read = blocks.get(type);
        // A block not read yet is read here only to be counted; the walk reads it and reports its problems.
        List<LayerTemplate> fields = read != null ? read.template().layers()
                : reader.readBlock(type, new Findings()).layers();
        long bound = 0;
        for (LayerTemplate field : fields) {
            long steps = 1;
            if (field.isStage() && field.when() == null) {
                TypeElement nested = blockType(field.values());
                long each = nested == null ? 1 : Math.max(1, leastSteps(nested, open));
                steps = Math.max(1, field.values().intValue("repeat")) * each;
            }
            bound = Math.min(MAX_LAYERS + 1L, bound + steps);
        }
        open.remove(type);
        knownLeastSteps.put(type, bound);
        return bound;
    }

    /** The state of one walk over a network: every node's output shape and figures, in order. */
    private final class Walk {
        private final NetworkDecl network;
        private final TensorShape input;
        private final Findings findings;
        private final List<TensorShape> outputs = new ArrayList<>();
        /** Each node's layer, by its full name. */
        private final List<String> nodeNames = new ArrayList<>();
        private final List<String> flattenedBy = new ArrayList<>();
        private final List<LayerFigures> figures = new ArrayList<>();
        private final List<List<Integer>> inputs = new ArrayList<>();
        /** Each layer's backward pass, as its rule counts it. */
        private final List<GradientWork> gradients = new ArrayList<>();
        /** How many of the stages being expanded are {@code @Frozen}: their layers are, all of them. */
        private int frozenStages;
        /** Whether each layer walked so far is frozen, by full name, for the layers that share its matrix. */
        private final Map<String, Boolean> frozenLayers = new HashMap<>();
        private final TiedWeights tiedWeights = new TiedWeights();
        /** The blocks being instantiated, outermost first, so that a cycle reads in the order it was entered. */
        private final Deque<TypeElement> blockStack = new ArrayDeque<>();
        /** Where the network uses the stage being expanded (its repeat), or null outside stages. */
        private Position expanding;
        /**
         * Steps taken so far: a field's layer, a {@code @When} that removed one, a repetition of a block that adds
         * nothing. Bounded as the layers are, since a block may add no layer at all.
         */
        private long steps;
        private boolean valid = true;

        Walk(NetworkDecl network, TensorShape input, Findings findings) {
            this.network = network;
            this.input = input;
            this.findings = findings;
        }

        void fields(List<LayerTemplate> templates, Frame frame) {
            for (LayerTemplate template : templates) {
                field(template, frame);
            }
        }

        /** Defines the field in the frame; a field counts at least one step, whatever it adds. */
        private void field(LayerTemplate template, Frame frame) {
            long before = steps;
            define(template, frame);
            if (steps == before) {
                step(frame.scope.fullName(template.name()));
            }
        }

        private void define(LayerTemplate template, Frame frame) {
            List<Integer> inputs = withExtraInput(template, frame, inputs(template, frame));
            if (inputs == null) {
                valid = false;
                frame.define(template.name(), unknownNode(null, frame.previous));
                return;
            }
            if (template.when() != null && !exists(template, frame)) {
                frame.define(template.name(), inputs.get(0));
                frame.absent.add(template.name());
                return;
            }
            if (template.declares() instanceof LayerTemplate.OneLayer layer) {
                frame.define(template.name(), layer(template, layer, frame, inputs));
            } else {
                frame.define(template.name(), stage(template, frame, inputs.get(0)));
            }
        }

        /** The nodes a field takes: those it names, else the previous one; null when a name is unknown. */
        private List<Integer> inputs(LayerTemplate template, Frame frame) {
            String layerName = frame.scope.fullName(template.name());
            List<String> names;
            Position position;
            if (template.takesNamedInputs()) {
                names = template.values().stringsValue("value");
                position = frame.scope.at(template.values().position("value"));
                if (names.size() < 2) {
                    findings.add(Diagnostic.TOO_FEW_INPUTS, position, layerName, names.size(),
                            names.size() == 1 ? "" : "s");
                    return null;
                }
            } else if (template.from() != null) {
                names = List.of(template.from().stringValue("value"));
                position = frame.scope.at(template.from().position("value"));
            } else {
                return List.of(frame.previous);
            }
            List<Integer> nodes = new ArrayList<>(names.size());
            for (String name : names) {
                Integer node = frame.lookup(name);
                if (node == null) {
                    findings.add(Diagnostic.UNKNOWN_LAYER, position, layerName, name,
                            DidYouMean.hint(name, frame.names.keySet()), frame.declaredNames());
                    return null;
                }
                nodes.add(node);
            }
            return nodes;
        }

        /**
         * The nodes with the further input its rule names by an attribute (cross-attention's keys), after its own;
         * null when a name is unknown, or {@code nodes} was null.
         */
        private List<Integer> withExtraInput(LayerTemplate template, Frame frame, List<Integer> nodes) {
            String attribute = nodes != null && template.declares() instanceof LayerTemplate.OneLayer layer
                    ? layer.rule().extraInputAttribute() : null;
            String name = attribute == null ? "" : template.values().stringValue(attribute);
            if (name.isEmpty()) {
                return nodes;
            }
            Integer node = frame.lookup(name);
            if (node == null) {
                findings.add(Diagnostic.UNKNOWN_LAYER, frame.scope.at(template.values().position(attribute)),
                        frame.scope.fullName(template.name()), name, DidYouMean.hint(name, frame.names.keySet()),
                        frame.declaredNames());
                return null;
            }
            List<Integer> all = new ArrayList<>(nodes);
            all.add(node);
            return all;
        }

        /**
         * How the layer's settings name each node it reads: the name as written, or the full name of the layer read
         * in place of an absent one ({@link LayerDecl#reads()}); the previous layer by its full name.
         */
        private List<String> reads(LayerTemplate template, Frame frame, List<Integer> nodes) {
            List<String> written = new ArrayList<>(nodes.size());
            if (template.takesNamedInputs()) {
                written.addAll(template.values().stringsValue("value"));
            } else {
                written.add(template.from() != null ? template.from().stringValue("value") : null);
            }
            String attribute = template.declares() instanceof LayerTemplate.OneLayer layer
                    ? layer.rule().extraInputAttribute() : null;
            if (attribute != null && !template.values().stringValue(attribute).isEmpty()) {
                written.add(template.values().stringValue(attribute));
            }
            List<String> reads = new ArrayList<>(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                String name = i < written.size() ? written.get(i) : null;
                reads.add(name != null && !frame.absent.contains(name) ? name : nameOf(nodes.get(i)));
            }
            return reads;
        }

        /** The full name of the layer whose output is the node, {@link From#INPUT} for the network's input. */
        private String nameOf(int node) {
            return node == NETWORK_INPUT ? From.INPUT : nodeNames.get(node);
        }

        private boolean exists(LayerTemplate template, Frame frame) {
            AnnotationValues when = template.when();
            String what = "@When of layer '" + frame.scope.fullName(template.name()) + "'";
            try {
                return Instantiator.evaluate(when.stringValue("value"), frame.scope, when.position("value"), what,
                        findings) != 0;
            } catch (Instantiator.Unresolved e) {
                valid = false;
                return false;
            }
        }

        private int layer(LayerTemplate template, LayerTemplate.OneLayer declared, Frame frame,
                List<Integer> inputNodes) {
            List<TensorShape> inputShapes = new ArrayList<>(inputNodes.size());
            for (int node : inputNodes) {
                inputShapes.add(shapeOf(node));
            }
            String flattenedBy = flattenedOf(inputNodes.get(0));
            LayerSteps.Outcome outcome = layerSteps.run(template, declared, frame.scope, inputShapes,
                    reads(template, frame, inputNodes), flattenedBy, findings);
            LayerFigures layerFigures = outcome.figures();
            if (layerFigures != null) {
                layerFigures = tiedWeights.apply(outcome.layer(), declared.rule(), layerFigures, frame.scope,
                        frame.names.keySet(), findings);
            }
            tiedWeights.declare(frame.scope.fullName(template.name()), declared.rule(), outcome.layer(), layerFigures);
            if (layerFigures == null) {
                valid = false;
                return addNode(outcome.output(), flattenedBy, null, frame.scope.fullName(template.name()));
            }
            LayerDecl layer = outcome.layer();
            GradientWork gradient = gradients(declared, layer, frame.scope, inputShapes, layerFigures);
            if (gradient == null) {
                valid = false;
                return addNode(outcome.output(), flattenedBy, null, layer.name());
            }
            gradients.add(gradient);
            boolean flattens = layerFigures.output().rank() == 0 && layerFigures.input().rank() > 0;
            inputs.add(List.copyOf(inputNodes));
            return addNode(layerFigures.output(), flattens ? layer.name() : flattenedOf(inputNodes.get(0)),
                    layerFigures, layer.name());
        }

        /**
         * What the layer's backward pass can compute, or null when {@code @Frozen} is misplaced or a count
         * overflows (reported).
         */
        private GradientWork gradients(LayerTemplate.OneLayer declared, LayerDecl layer, Scope scope,
                List<TensorShape> inputs, LayerFigures figures) {
            Optional<AnnotationMirror> frozenHere = AnnotationNames.find(layer.field(), AnnotationNames.FROZEN);
            if (frozenHere.isPresent() && figures.params() == 0 && figures.sharedParams() == 0) {
                // A block's own text: reported once, however often the block is used.
                findings.addOnce(Diagnostic.FROZEN_WITHOUT_WEIGHTS, Position.of(layer.field(), frozenHere.get()),
                        layer.name(), AnnotationNames.simpleName(declared.rule().annotation()),
                        figures.settings().isEmpty() ? "" : "(" + figures.settings() + ")");
                return null;
            }
            boolean frozen = frozenStages > 0 || frozenHere.isPresent();
            frozenLayers.put(layer.name(), frozen);
            WeightTie tie = declared.rule().tieOf(layer);
            Boolean ownerFrozen = tie == null ? null : frozenLayers.get(scope.fullName(tie.owner()));
            if (ownerFrozen != null && ownerFrozen != frozen) {
                // One tensor: PyTorch trains it in both uses or in neither.
                findings.add(Diagnostic.FROZEN_TIE_DIFFERS, tie.position(), layer.name(), frozen ? "is" : "is not",
                        scope.fullName(tie.owner()), ownerFrozen ? "is" : "is not");
                return null;
            }
            try {
                return declared.rule().gradientsOf(layer, inputs, figures, frozen);
            } catch (OverflowException e) {
                findings.add(Diagnostic.OVERFLOW, layer.annotation(), e.figure(), e.terms(), e.limit());
                return null;
            }
        }

        /** Instantiates the stage's block once per repetition; returns the last repetition's output node. */
        private int stage(LayerTemplate template, Frame frame, int inputNode) {
            String stageName = frame.scope.fullName(template.name());
            AnnotationValues values = template.values();
            Position useSite = frame.scope.at(values.annotation());
            BlockTemplate block = block(template, values, frame);
            if (block == null) {
                valid = false;
                return unknownNode(null, inputNode);
            }
            if (blockStack.contains(block.type())) {
                // The stack's top is the innermost block: the cycle runs from the block's own use outwards in.
                List<String> cycle = new ArrayList<>();
                for (Iterator<TypeElement> outerFirst = blockStack.descendingIterator(); outerFirst.hasNext(); ) {
                    TypeElement type = outerFirst.next();
                    if (!cycle.isEmpty() || type.equals(block.type())) {
                        cycle.add(type.getSimpleName().toString());
                    }
                }
                cycle.add(block.type().getSimpleName().toString());
                // A block's own text: reported once, at the use that closes the cycle.
                findings.addOnce(Diagnostic.BLOCK_CYCLE, values.position("block"), block.type().getSimpleName(),
                        String.join(" > ", cycle));
                valid = false;
                return unknownNode(null, inputNode);
            }
            if (blockStack.size() >= MAX_NESTING) {
                findings.add(Diagnostic.NESTED_TOO_DEEP, useSite, stageName, block.type().getSimpleName(),
                        MAX_NESTING + 1, MAX_NESTING);
                valid = false;
                return unknownNode(null, inputNode);
            }
            Arguments arguments = Arguments.of(template, block, frame.scope, findings);
            long repeat = values.intValue("repeat");
            if (arguments == null || repeat < 1) {
                if (repeat < 1) {
                    findings.add(Diagnostic.NOT_POSITIVE, frame.scope.at(values.position("repeat")),
                            "repeat of stage '" + stageName + "'", repeat);
                }
                valid = false;
                return unknownNode(null, inputNode);
            }
            Position outerExpanding = expanding;
            if (expanding == null) {
                expanding = values.position("repeat");
            }
            if (repeat > MAX_LAYERS
                    || steps + repeat * Math.max(1, leastSteps(block.type(), new HashSet<>())) > MAX_LAYERS) {
                // Known too large before instantiating anything: answer at once, however large the repeats, here
                // or in the blocks this one uses.
                tooManyLayers(stageName);
            }
            blockStack.push(block.type());
            boolean frozen = isFrozen(template.field());
            frozenStages += frozen ? 1 : 0;
            int current = inputNode;
            for (int rep = 0; rep < repeat; rep++) {
                long stepsBefore = steps;
                Map<String, Long> names = arguments.bind(rep == 0, shapeOf(current).channels());
                if (names == null) {
                    valid = false;
                    break;
                }
                Scope inner = new Scope(stageName + "." + rep + ".", names, useSite,
                        block.type().getSimpleName().toString());
                Frame blockFrame = new Frame(inner, current);
                long errorsBefore = findings.errorCount();
                fields(block.layers(), blockFrame);
                if (steps == stepsBefore) {
                    step(stageName + "." + rep);
                }
                current = blockFrame.previous;
                if (findings.errorCount() > errorsBefore) {
                    // Later repetitions would report the same errors at the same places again, one per repeat.
                    break;
                }
            }
            blockStack.pop();
            frozenStages -= frozen ? 1 : 0;
            expanding = outerExpanding;
            return current;
        }

        private BlockTemplate block(LayerTemplate template, AnnotationValues values, Frame frame) {
            TypeElement blockType = blockType(values);
            if (blockType == null) {
                TypeMirror type = values.typeValue("block");
                findings.add(Diagnostic.NOT_A_BLOCK, frame.scope.at(values.position("block")), template.name(), type,
                        notABlockAdvice(type));
                return null;
            }
            return readBlock(blockType, findings);
        }

        private int addNode(TensorShape output, String flattened, LayerFigures layerFigures, String name) {
            if (outputs.size() >= MAX_LAYERS) {
                tooManyLayers(name);
            }
            outputs.add(output);
            nodeNames.add(name);
            flattenedBy.add(flattened);
            if (layerFigures != null) {
                figures.add(layerFigures);
            }
            return outputs.size() - 1;
        }

        private void step(String at) {
            if (++steps > MAX_LAYERS) {
                tooManyLayers(at);
            }
        }

        /**
         * Reports that the network is too large, at the repeat of the stage being expanded (else at the network),
         * and stops the walk. Checked before expanding a repeat beyond the limit, so no repeat count makes the walk
         * slow.
         */
        private void tooManyLayers(String at) {
            findings.add(Diagnostic.TOO_MANY_LAYERS, expanding != null ? expanding : network.annotation(),
                    network.displayName(), Numbers.grouped(MAX_LAYERS), at);
            valid = false;
            throw new TooManyLayers();
        }

        /** A node for a field that could not even be instantiated: its input's shape, sizes unknown. */
        private int unknownNode(LayerDecl layer, int inputNode) {
            TensorShape shape = shapeOf(inputNode);
            return addNode(TensorShape.unknownSizes(shape.channels(), shape.rank()), flattenedOf(inputNode), null,
                    layer == null ? "?" : layer.name());
        }

        private TensorShape shapeOf(int node) {
            return node == NETWORK_INPUT ? input : outputs.get(node);
        }

        private String flattenedOf(int node) {
            return node == NETWORK_INPUT ? null : flattenedBy.get(node);
        }
    }

    /** The names visible in one scope: its fields so far, and its input. */
    private static final class Frame {
        private final Scope scope;
        private final int inputNode;
        private final Map<String, Integer> names = new LinkedHashMap<>();
        /** The names of its absent fields ({@code @When} false), each standing for the node that would have fed it. */
        private final Set<String> absent = new HashSet<>();
        private int previous;

        Frame(Scope scope, int inputNode) {
            this.scope = scope;
            this.inputNode = inputNode;
            this.previous = inputNode;
        }

        void define(String name, int node) {
            names.put(name, node);
            previous = node;
        }

        Integer lookup(String name) {
            return From.INPUT.equals(name) ? Integer.valueOf(inputNode) : names.get(name);
        }

        String declaredNames() {
            return NetworkExpander.declaredNames(names.keySet());
        }
    }

    /** Thrown to stop a walk that reached {@link #MAX_LAYERS}; already reported. */
    private static final class TooManyLayers extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyLayers() {
            super(null, null, false, false);
        }
    }
}
