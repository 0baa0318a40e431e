package dev.modelcost.processor.expand;

import dev.modelcost.processor.analysis.CostAnalyzer;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.GenerationCost;
import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.MemoryAnalyzer;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.OverflowException;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.kinds.LayerRule;
import dev.modelcost.processor.kinds.LayerRules;
import dev.modelcost.processor.model.GenerationDecl;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.NetworkDecl;
import dev.modelcost.processor.read.AnnotationNames;
import dev.modelcost.processor.read.NetworkTemplate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.VariableElement;

/**
 * The cost of generating text with a key/value cache (docs/FORMULAS.md#generation-with-a-keyvalue-cache): the
 * network expanded again on the prompt (the prefill) and on one token, each layer's decode step from its figures
 * on that token by its kind's rule ({@link LayerRule#decodeStepOf}), and the steps summed over the tokens
 * generated.
 */
public final class GenerationAnalyzer {
    /** Layers times decode steps that may be summed one by one, when the steps are not affine in the context. */
    static final long MAX_SUMMED_LAYER_STEPS = 10_000_000L;

    private final NetworkExpander expander;
    private final CostAnalyzer totals = new CostAnalyzer();
    private final MemoryAnalyzer memory = new MemoryAnalyzer();

    /** @param expander the round's, which expands the network again on other lengths */
    public GenerationAnalyzer(NetworkExpander expander) {
        this.expander = expander;
    }

    /**
     * The cost with its generation figures; the cost itself without {@code @Generation}; null after reporting a
     * problem.
     */
    public NetworkCost analyze(NetworkTemplate template, NetworkCost cost, GenerationDecl generation,
            Findings findings) {
        if (generation == null) {
            return cost;
        }
        NetworkDecl network = cost.network();
        if (!declarationFits(cost, generation, findings) || !everyLayerDecodes(cost, generation, findings)) {
            return null;
        }
        long longest = cost.input().size(0);
        long prompt = generation.prompt().value();
        NetworkCost prefill = expandAt(template, cost, prompt, generation, findings);
        // The first length that fails is reported; the other would most often say the same again.
        NetworkCost oneToken = prefill == null ? null : expandAt(template, cost, 1, generation, findings);
        if (oneToken == null) {
            return null;
        }
        try {
            String of = " of network " + network.displayName();
            long bytes = network.target().precision().bytes();
            long cachedPerToken = 0;
            for (LayerFigures layer : oneToken.layers()) {
                cachedPerToken = Exact.add("key/value cache per token" + of, cachedPerToken,
                        ruleOf(layer.layer()).cachedPerTokenOf(layer.layer(), layer));
            }
            long cacheBytesPerToken = Exact.multiply("key/value cache bytes per token" + of, cachedPerToken, bytes);
            long cacheBytes = Exact.multiply("key/value cache bytes" + of, cacheBytesPerToken, longest);
            NetworkCost longestStep = decodeStep(oneToken, longest, findings);
            if (longestStep == null) {
                return null;
            }
            long decoded = decodeFlops(oneToken, prompt + 1, generation.tokens().value() - 1L, generation, findings);
            if (decoded < 0) {
                return null;
            }
            long generationFlops = Exact.add("generation FLOPs" + of, prefill.flops(), decoded);
            MemoryProfile prefillMemory = memory.profile(prefill, network.target(), findings);
            MemoryProfile stepMemory = memory.profile(longestStep, network.target(), findings);
            if (prefillMemory == null || stepMemory == null) {
                return null;
            }
            return cost.withGeneration(new GenerationCost(generation, longest, prefill.flops(), longestStep.flops(),
                    generationFlops, cacheBytesPerToken, cacheBytes, prefillMemory.latencyNanos(),
                    stepMemory.latencyNanos()));
        } catch (OverflowException e) {
            findings.add(Diagnostic.OVERFLOW, generation.annotation(), e.figure(), e.terms(), e.limit());
            return null;
        }
    }

    /** A sequence input, a prompt and tokens of at least one, and both within the longest context. */
    private static boolean declarationFits(NetworkCost cost, GenerationDecl generation, Findings findings) {
        String name = cost.network().displayName();
        if (cost.input().rank() != 1) {
            findings.add(Diagnostic.GENERATION_NOT_A_SEQUENCE, generation.annotation(), name, cost.input());
            return false;
        }
        boolean positive = true;
        for (IntValue value : List.of(generation.prompt(), generation.tokens())) {
            if (value.value() < 1) {
                findings.add(Diagnostic.NOT_POSITIVE, value.position(), value.label(), value.value());
                positive = false;
            }
        }
        long longest = cost.input().size(0);
        long total = (long) generation.prompt().value() + generation.tokens().value();
        if (positive && total > longest) {
            findings.add(Diagnostic.GENERATION_TOO_LONG, generation.tokens().position(), name,
                    generation.prompt().value(), generation.tokens().value(), total, longest, longest);
            return false;
        }
        return positive;
    }

    /** Every layer has a decode step, and one at least keeps a cache (causal self-attention). */
    private static boolean everyLayerDecodes(NetworkCost cost, GenerationDecl generation, Findings findings) {
        boolean valid = true;
        boolean caches = false;
        Set<VariableElement> reported = new HashSet<>();
        for (LayerFigures figures : cost.layers()) {
            LayerDecl layer = figures.layer();
            LayerRule<?> rule = ruleOf(layer);
            String problem = rule.noDecodeStepOf(layer);
            if (problem != null) {
                // A block's layer: once, not once per repetition.
                if (reported.add(layer.field())) {
                    findings.add(Diagnostic.NO_DECODE_STEP, layer.annotation(), layer.name(),
                            cost.network().displayName(), problem);
                }
                valid = false;
            } else if (rule.cachedPerTokenOf(layer, figures) > 0) {
                caches = true;
            }
        }
        if (valid && !caches) {
            findings.add(Diagnostic.GENERATION_WITHOUT_CAUSAL_ATTENTION, generation.annotation(),
                    cost.network().displayName());
        }
        return valid && caches;
    }

    /** The network on a sequence of {@code tokens}, or null after reporting why it cannot be analyzed there. */
    private NetworkCost expandAt(NetworkTemplate template, NetworkCost cost, long tokens, GenerationDecl generation,
            Findings findings) {
        Findings there = new Findings();
        NetworkCost at = expander.expand(template, TensorShape.of(cost.input().channels(), new long[] {tokens}),
                there);
        if (at == null || there.hasErrors()) {
            String first = there.all().stream().filter(f -> f.diagnostic().defaultKind()
                    == javax.tools.Diagnostic.Kind.ERROR).map(f -> f.message()).findFirst().orElse("no layers");
            findings.add(Diagnostic.GENERATION_FAILS_AT, generation.annotation(), cost.network().displayName(),
                    tokens == 1 ? "one token (a decode step's)" : "the prompt's " + tokens + " tokens", first);
            return null;
        }
        return at;
    }

    /** One decode step at a context of {@code context} tokens: each layer's, from its figures on one token. */
    private NetworkCost decodeStep(NetworkCost oneToken, long context, Findings findings) {
        List<LayerFigures> layers = new ArrayList<>(oneToken.layers().size());
        for (LayerFigures layer : oneToken.layers()) {
            layers.add(ruleOf(layer.layer()).decodeStepOf(layer.layer(), layer, context));
        }
        // A decode step is inference: no backward pass to count.
        List<GradientWork> noGradients = Collections.nCopies(layers.size(), GradientWork.inputOps(0));
        return totals.total(oneToken.network(), oneToken.input(), oneToken.output(), layers, oneToken.inputs(),
                noGradients, findings);
    }

    /**
     * The FLOPs of {@code steps} decode steps at contexts {@code first, first + 1, ...}, exactly; -1 after
     * reporting a problem. Every kind's step is affine in the context, so the sum is {@code steps} times the
     * first plus the slope times {@code steps (steps - 1) / 2}, once the last step confirms the slope that the
     * first two give; steps that are not affine are summed one by one.
     */
    private long decodeFlops(NetworkCost oneToken, long first, long steps, GenerationDecl generation,
            Findings findings) {
        String figure = "generation FLOPs of network " + oneToken.network().displayName();
        if (steps == 0) {
            return 0;
        }
        long firstFlops = stepFlops(oneToken, first, findings);
        if (steps == 1 || firstFlops < 0) {
            return firstFlops;
        }
        long slope = stepFlops(oneToken, first + 1, findings) - firstFlops;
        long last = stepFlops(oneToken, first + steps - 1, findings);
        if (last < 0) {
            return -1;
        }
        if (last == Exact.add(figure, firstFlops, Exact.multiply(figure, slope, steps - 1))) {
            long pairs = steps % 2 == 0 ? Exact.multiply(figure, steps / 2, steps - 1)
                    : Exact.multiply(figure, steps, (steps - 1) / 2);
            return Exact.add(figure, Exact.multiply(figure, steps, firstFlops), Exact.multiply(figure, slope, pairs));
        }
        if (steps > MAX_SUMMED_LAYER_STEPS / oneToken.layers().size()) {
            findings.add(Diagnostic.GENERATION_TOO_MANY_STEPS, generation.tokens().position(),
                    oneToken.network().displayName(), steps, oneToken.layers().size(), MAX_SUMMED_LAYER_STEPS);
            return -1;
        }
        long sum = 0;
        for (long context = first; context < first + steps; context++) {
            long flops = stepFlops(oneToken, context, findings);
            if (flops < 0) {
                return -1;
            }
            sum = Exact.add(figure, sum, flops);
        }
        return sum;
    }

    private long stepFlops(NetworkCost oneToken, long context, Findings findings) {
        NetworkCost step = decodeStep(oneToken, context, findings);
        return step == null ? -1 : step.flops();
    }

    /** The rule of the layer's annotation. */
    private static LayerRule<?> ruleOf(LayerDecl layer) {
        for (AnnotationMirror mirror : layer.field().getAnnotationMirrors()) {
            LayerRule<?> rule = LayerRules.of(AnnotationNames.nameOf(mirror));
            if (rule != null) {
                return rule;
            }
        }
        throw new IllegalStateException("no layer annotation on " + layer.name());
    }
}
