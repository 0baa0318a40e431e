package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.Attention;
import dev.modelcost.LayerKind;
import dev.modelcost.processor.analysis.Dimensions;
import dev.modelcost.processor.analysis.Divisors;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;
import java.util.List;

/**
 * {@code @Attention}: multi-head self- or cross-attention on a sequence, or within the windows of a feature map.
 * This rule reads and checks the settings and works out the shape attention runs on; {@link AttentionCount}
 * counts it.
 */
final class AttentionRule extends LayerRule<AttentionSpec> {
    /** The attribute naming the layer that gives keys and values. */
    static final String KEYS = "keys";

    AttentionRule() {
        super(Attention.class, LayerKind.ATTENTION, AttentionSpec.class);
    }

    @Override
    public String extraInputAttribute() {
        return KEYS;
    }

    @Override
    public AttentionSpec read(LayerValues values) {
        return new AttentionSpec(values.requiredInt("heads"), values.optionalInt("kvHeads"),
                values.optionalInt("headSize"), values.bool("causal"), values.bool("projections"),
                values.bool("bias"), values.string(KEYS), values.optionalInt("rotary"), values.ints("window"),
                values.ints("shift"), values.bool("relativePositionBias"),
                new AttentionSpec.Positions(values.position("causal"), values.position("projections"),
                        values.position(KEYS), values.position("relativePositionBias")));
    }

    @Override
    protected boolean check(LayerDecl layer, AttentionSpec spec, Findings findings) {
        boolean valid = Checks.atLeastOne(spec.heads(), findings) & Checks.atLeastZero(spec.kvHeads(), findings)
                & Checks.atLeastZero(spec.headSize(), findings) & Checks.atLeastZero(spec.rotary(), findings)
                & Checks.atLeastOne(spec.window(), findings) & Checks.atLeastZero(spec.shift(), findings);
        if (!valid) {
            return false;
        }
        int heads = spec.heads().value();
        int kvHeads = spec.kvHeads().value();
        if (kvHeads > 0 && heads % kvHeads != 0) {
            findings.add(Diagnostic.KV_HEADS_DO_NOT_DIVIDE, spec.kvHeads().position(), layer.name(), kvHeads, heads,
                    Divisors.commonNearText(heads, heads, kvHeads));
            valid = false;
        }
        if (spec.rotary().value() % 2 != 0) {
            valid &= Rotations.reportOdd(spec.rotary(), findings);
        }
        return valid & checkWindowSettings(layer, spec, findings);
    }

    /** Shifts and relative position biases need windows; a causal mask and other keys do not go with them. */
    private static boolean checkWindowSettings(LayerDecl layer, AttentionSpec spec, Findings findings) {
        String needsWindow = "only windowed attention has";
        String fix = "give window = {...}, or remove it";
        if (!spec.isWindowed()) {
            if (spec.shift().values().length > 0) {
                findings.add(Diagnostic.SETTINGS_CONFLICT, spec.shift().position(), layer.name(),
                        "shift = " + Dimensions.dims(spec.shift().values()), needsWindow, fix);
                return false;
            }
            if (spec.relativePositionBias()) {
                findings.add(Diagnostic.SETTINGS_CONFLICT, spec.at().relativePositionBias(), layer.name(),
                        "relativePositionBias = true", needsWindow + " (its table is per window offset)", fix);
                return false;
            }
            return true;
        }
        String window = "window = " + Dimensions.dims(spec.window().values());
        if (spec.causal()) {
            findings.add(Diagnostic.SETTINGS_CONFLICT, spec.at().causal(), layer.name(), "causal = true and " + window,
                    "windowed attention over a feature map does not have (its tokens have no order)",
                    "remove causal, or the window");
            return false;
        }
        if (spec.isCross()) {
            findings.add(Diagnostic.SETTINGS_CONFLICT, spec.at().keys(), layer.name(), "keys = \"" + spec.keys()
                    + "\" and " + window, "windowed attention does not take (its windows attend within themselves)",
                    "remove keys, or the window");
            return false;
        }
        return true;
    }

    @Override
    protected String spatialKind(AttentionSpec spec) {
        return spec.isWindowed() ? "windowed attention" : null;
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, AttentionSpec spec, List<TensorShape> inputs,
            String flattenedBy, Findings findings) {
        Sized sized = sized(layer, spec, inputs, flattenedBy, findings);
        return sized == null ? null
                : AttentionCount.figures(layer, spec, sized.shape(), sized.positionBiasTable(), inputs.get(0),
                        inputs.get(0));
    }

    @Override
    protected GradientWork gradients(AttentionSpec spec, List<TensorShape> inputs, LayerFigures figures) {
        // The layer was analyzed: its shape is known and has no problem to report.
        Sized sized = sized(figures.layer(), spec, inputs, null, new Findings());
        return AttentionCount.gradients(spec, sized.shape(), sized.positionBiasTable(), figures);
    }

    /** What it works on, and the entries of its relative position bias table per head (0 without). */
    private record Sized(AttentionShape shape, long positionBiasTable) {
    }

    private static Sized sized(LayerDecl layer, AttentionSpec spec, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        TensorShape input = inputs.get(0);
        String of = " of layer '" + layer.name() + "'";
        long features = input.channels();
        AttentionShape shape;
        long positionBiasTable = 0;
        if (spec.isWindowed()) {
            int rank = input.rank();
            boolean shifted = spec.shift().values().length > 0;
            if (!Dimensions.fit(layer, rank, findings, shifted ? new IntsValue[] {spec.window(), spec.shift()}
                    : new IntsValue[] {spec.window()})) {
                return null;
            }
            int[] window = spec.window().forRank(rank);
            if (!windowsFit(layer, spec, window, input, findings)) {
                return null;
            }
            long tokens = input.spatialElements("tokens" + of);
            long perWindow = Exact.product("tokens per window" + of, toLongs(window));
            long headSize = headSize(layer, spec, features, findings);
            if (headSize < 0) {
                return null;
            }
            shape = new AttentionShape(features, tokens, features, tokens, spec.heads().value(), spec.keyValueHeads(),
                    headSize, tokens / perWindow, perWindow, perWindow);
            if (spec.relativePositionBias()) {
                positionBiasTable = 1;
                for (int w : window) {
                    positionBiasTable = Exact.multiply("parameters" + of, positionBiasTable, 2L * w - 1);
                }
            }
        } else {
            if (!Sequences.require(layer, "multi-head attention", input, flattenedBy, findings)) {
                return null;
            }
            TensorShape keys = spec.isCross() ? inputs.get(1) : input;
            if (spec.isCross() && !Sequences.isSequence(keys)) {
                findings.add(Diagnostic.KEYS_NOT_A_SEQUENCE, spec.at().keys(), layer.name(), spec.keys(), keys,
                        keys.rank() == 0 ? "name a layer before the one that made it a vector"
                                : "make it a sequence of tokens first with @Tokens");
                return null;
            }
            long headSize = headSize(layer, spec, features, findings);
            if (headSize < 0) {
                return null;
            }
            shape = new AttentionShape(features, input.size(0), keys.channels(), keys.size(0), spec.heads().value(),
                    spec.keyValueHeads(), headSize, 1, input.size(0), keys.size(0));
        }
        return fitsHeads(layer, spec, shape, findings) ? new Sized(shape, positionBiasTable) : null;
    }

    @Override
    protected String noDecodeStep(AttentionSpec spec) {
        if (spec.isWindowed()) {
            return "windowed attention over a feature map has no order of tokens to cache";
        } else if (spec.isCross()) {
            return "its keys and values come from '" + spec.keys() + "', not from the tokens generated";
        } else if (!spec.causal()) {
            return "it is not causal, so each new token would change every earlier output";
        }
        return null;
    }

    /**
     * One new token attends over the {@code t} keys and values of the context, its own included: on one token it
     * met one key, so each of the {@code t - 1} cached ones adds, per head, its share of both products
     * ({@code 2 hs} multiply-accumulates), a score's operations, the score written and read, and its key and value
     * read from the cache. The projections and the rotation stay those of the one token.
     */
    @Override
    protected LayerFigures decodeStep(LayerDecl layer, AttentionSpec spec, LayerFigures oneToken, long context) {
        String of = " of a decode step of layer '" + layer.name() + "'";
        long heads = spec.heads().value();
        long headSize = headSizeOf(spec, oneToken);
        long cached = context - 1;
        long macsPerKey = Exact.product("MACs" + of, 2, heads, headSize);
        long macs = Exact.add("MACs" + of, oneToken.macs(), Exact.multiply("MACs" + of, cached, macsPerKey));
        long flopsPerKey = Exact.add("FLOPs" + of, Exact.multiply("FLOPs" + of, 2, macsPerKey),
                Exact.multiply("FLOPs" + of, AttentionCount.OPERATIONS_PER_SCORE, heads));
        long flops = Exact.add("FLOPs" + of, oneToken.flops(), Exact.multiply("FLOPs" + of, cached, flopsPerKey));
        long movedPerKey = Exact.add("bytes moved" + of, Exact.multiply("bytes moved" + of, 2, heads),
                Exact.product("bytes moved" + of, 2, spec.keyValueHeads(), headSize));
        long internal = Exact.add("bytes moved" + of, oneToken.internalElements(),
                Exact.multiply("bytes moved" + of, cached, movedPerKey));
        return new LayerFigures(layer, oneToken.settings() + " context=" + context, oneToken.input(),
                oneToken.output(), macs, oneToken.biasAdds(), flops, oneToken.params(), oneToken.activations(),
                internal, oneToken.sharedParams());
    }

    /** A key and a value of {@code Hkv * hs} per token, for a layer that has a decode step. */
    @Override
    protected long cachedPerToken(AttentionSpec spec, LayerFigures oneToken) {
        return noDecodeStep(spec) != null ? 0
                : Exact.product("key/value cache of layer '" + oneToken.layer().name() + "'", 2,
                        spec.keyValueHeads(), headSizeOf(spec, oneToken));
    }

    private static long headSizeOf(AttentionSpec spec, LayerFigures oneToken) {
        return spec.headSize().value() > 0 ? spec.headSize().value()
                : oneToken.input().channels() / spec.heads().value();
    }

    /** The head size, given or the features divided by the heads; -1 after reporting heads that do not divide. */
    private static long headSize(LayerDecl layer, AttentionSpec spec, long features, Findings findings) {
        if (spec.headSize().value() > 0) {
            return spec.headSize().value();
        }
        IntValue heads = spec.heads();
        if (features % heads.value() != 0) {
            findings.add(Diagnostic.HEADS_DO_NOT_DIVIDE, heads.position(), layer.name(), heads.value(), features,
                    "use one of " + Divisors.commonNearText(features, features, heads.value())
                            + ", or give headSize");
            return -1;
        }
        return features / heads.value();
    }

    /** A rotation within the heads; without projections, inputs whose channels are the heads. */
    private static boolean fitsHeads(LayerDecl layer, AttentionSpec spec, AttentionShape shape, Findings findings) {
        if (spec.rotary().value() > shape.headSize()) {
            return Rotations.reportTooMany(spec.rotary(), shape.headSize(), findings);
        }
        if (spec.projections()) {
            return true;
        }
        String heads = "heads * headSize = " + shape.heads() + " * " + shape.headSize() + " = " + shape.queryWidth();
        String fix = "give the heads and headSize whose product it is, or keep the projections";
        if (shape.features() != shape.queryWidth()) {
            findings.add(Diagnostic.HEAD_CHANNELS_DIFFER, spec.at().projections(), layer.name(), "its input",
                    shape.features(), "without projections it is the queries, of " + heads, fix);
            return false;
        }
        if (shape.keyFeatures() != shape.keyWidth()) {
            String what = spec.isCross() ? "'" + spec.keys() + "'" : "its input";
            findings.add(Diagnostic.HEAD_CHANNELS_DIFFER, spec.at().projections(), layer.name(), what,
                    shape.keyFeatures(), "without projections it is the keys and values, of kvHeads * headSize = "
                            + shape.kvHeads() + " * " + shape.headSize() + " = " + shape.keyWidth(),
                    spec.isCross() ? fix : "give kvHeads = heads, or keep the projections");
            return false;
        }
        return true;
    }

    /**
     * Whether each window divides its dimension and each shift is smaller than its window; reports the first that
     * does not.
     */
    private static boolean windowsFit(LayerDecl layer, AttentionSpec spec, int[] window, TensorShape input,
            Findings findings) {
        IntsValue written = spec.window();
        int[] shift = spec.shift().values().length == 0 ? new int[window.length]
                : spec.shift().forRank(window.length);
        for (int d = 0; d < window.length; d++) {
            long size = input.size(d);
            if (size % window[d] != 0) {
                findings.add(Diagnostic.WINDOW_DOES_NOT_FIT, written.position(d), layer.name(), window[d], size, d + 1,
                        input, "use a window that divides it: " + Divisors.commonNearText(size, size, window[d])
                                + " (Swin pads the map to a multiple of the window: pad it before this layer)");
                return false;
            }
            if (shift[d] >= window[d]) {
                findings.add(Diagnostic.BAD_SHIFT, spec.shift().position(d), layer.name(), "a shift of " + shift[d]
                        + " in dimension " + (d + 1) + " is not smaller than the window (" + window[d] + ")",
                        "use at most " + (window[d] - 1) + " (Swin shifts by half the window, " + window[d] / 2 + ")");
                return false;
            }
        }
        return true;
    }

    private static long[] toLongs(int[] values) {
        long[] longs = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i];
        }
        return longs;
    }
}
