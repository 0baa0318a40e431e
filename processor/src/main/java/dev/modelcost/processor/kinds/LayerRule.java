package dev.modelcost.processor.kinds;

import dev.modelcost.LayerKind;
import dev.modelcost.processor.analysis.Dimensions;
import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.OverflowException;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.analysis.WeightMatrix;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import dev.modelcost.processor.model.WeightTie;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Everything the processor knows of one layer annotation: the kind it declares, how its values are read into
 * settings, what is valid, the output shape and the figures (with the settings as reports show them). One
 * subclass per annotation, or one per family with an instance per annotation, registered in {@link LayerRules}.
 *
 * @param <S> the settings it reads
 */
public abstract class LayerRule<S extends LayerSpec> {
    private final String annotation;
    private final LayerKind kind;
    private final Class<S> specType;

    protected LayerRule(Class<? extends Annotation> annotation, LayerKind kind, Class<S> specType) {
        this.annotation = annotation.getCanonicalName();
        this.kind = kind;
        this.specType = specType;
    }

    /** The annotation's qualified name. */
    public final String annotation() {
        return annotation;
    }

    /** The kind it declares (for {@code @AdaptivePool}, by default: its mode decides). */
    public final LayerKind kind() {
        return kind;
    }

    /** Whether it takes the layers it names as inputs ({@code @Add}), rather than the previous one or its {@code @From}. */
    public boolean takesNamedInputs() {
        return false;
    }

    /**
     * The {@code String} attribute that names a further input, taken after its own (cross-attention's
     * {@code keys}), or null when it has none; the attribute left empty adds none.
     */
    public String extraInputAttribute() {
        return null;
    }

    /** Whether {@code @Grouped} may stand beside it. */
    public boolean groupable() {
        return false;
    }

    /** Reads the settings; a value that cannot be resolved is reported and thrown by {@code values}. */
    public abstract S read(LayerValues values);

    /** The kind a layer of these settings is. */
    protected LayerKind kindFor(S spec) {
        return kind;
    }

    /** Checks what can be judged without shapes; reports each problem, returns whether there is none. */
    protected boolean check(LayerDecl layer, S spec, Findings findings) {
        return true;
    }

    /** What it is, for a message, when it needs spatial dimensions; null when it does not. */
    protected String spatialKind(S spec) {
        return null;
    }

    /** Whether {@link #analyze} itself handles an input without spatial dimensions or with unknown sizes. */
    protected boolean checksItsInput() {
        return false;
    }

    /**
     * The figures, or null after reporting a problem.
     *
     * @param inputs the shapes of its inputs, their sizes known unless {@link #checksItsInput()}
     * @param flattenedBy the layer that removed the spatial dimensions of its (first) input, or null
     */
    protected abstract LayerFigures analyze(LayerDecl layer, S spec, List<TensorShape> inputs, String flattenedBy,
            Findings findings);

    /** What a layer that could not be analyzed passes on: by default its input's channels and rank, sizes unknown. */
    protected TensorShape unknownShape(S spec, TensorShape input) {
        return TensorShape.unknownSizes(input.channels(), input.rank());
    }

    /**
     * The weight matrix a layer of these settings multiplies by, which a later layer may share
     * (docs/FORMULAS.md#tied-weights); null when it has none to share.
     */
    protected WeightMatrix matrix(S spec, TensorShape input) {
        return null;
    }

    /** The earlier layer whose weight matrix a layer of these settings shares, or null when it holds its own. */
    protected WeightTie tie(S spec) {
        return null;
    }

    /**
     * Why a layer of these settings has no decode step with a key/value cache (its output at a position depends on
     * later positions, or on every position at once), or null when it has one: by default it has, as a layer that
     * works on each token on its own does (docs/FORMULAS.md#generation-with-a-keyvalue-cache).
     */
    protected String noDecodeStep(S spec) {
        return null;
    }

    /**
     * Its figures in one decode step at a context of {@code context} tokens: the step runs it on one new token,
     * whose figures are {@code oneToken} (it analyzed at a sequence of one token). By default those, as for a
     * layer that works on each token on its own; a layer that reads what earlier tokens left (attention's cached
     * keys and values) adds what that costs.
     */
    protected LayerFigures decodeStep(LayerDecl layer, S spec, LayerFigures oneToken, long context) {
        return oneToken;
    }

    /**
     * The elements it caches per token for later decode steps, given its figures on one token: 0 by default;
     * attention's keys and values.
     */
    protected long cachedPerToken(S spec, LayerFigures oneToken) {
        return 0;
    }

    /** The elements the layer caches per token for later decode steps. */
    public final long cachedPerTokenOf(LayerDecl layer, LayerFigures oneToken) {
        return cachedPerToken(specType.cast(layer.spec()), oneToken);
    }

    /** Why the layer has no cached decode step, or null when it has one. */
    public final String noDecodeStepOf(LayerDecl layer) {
        return noDecodeStep(specType.cast(layer.spec()));
    }

    /**
     * The layer's figures in one decode step at a context of {@code context} tokens, from its figures on one token.
     *
     * @throws OverflowException when a figure overflows
     */
    public final LayerFigures decodeStepOf(LayerDecl layer, LayerFigures oneToken, long context) {
        return decodeStep(layer, specType.cast(layer.spec()), oneToken, context);
    }

    /**
     * What the backward pass of a layer of these settings can compute (docs/FORMULAS.md#the-backward-pass), its
     * {@code trainable} left false. By default, a layer that multiplies by weights (a convolution, a transposed
     * convolution, a dense or per-token linear layer): its input gradient is the adjoint product, as many
     * multiply-accumulates as the forward pass, and the forward's other operations again; its weight gradient the
     * product of the output gradient with the (unfolded) input, as many again; its bias gradient one addition per
     * output element, as many as the forward's bias additions. A layer without operations computes nothing.
     *
     * @param inputs the shapes of its inputs
     * @param figures its forward figures
     */
    protected GradientWork gradients(S spec, List<TensorShape> inputs, LayerFigures figures) {
        long others = figures.flops() - 2 * figures.macs() - figures.biasAdds();
        return new GradientWork(figures.macs(), others, 0, 0, figures.macs(), figures.biasAdds(), false);
    }

    /** The layer's weight matrix for this input, or null when it has none to share. */
    public final WeightMatrix matrixOf(LayerDecl layer, TensorShape input) {
        return matrix(specType.cast(layer.spec()), input);
    }

    /** The earlier layer whose weight matrix the layer shares, or null. */
    public final WeightTie tieOf(LayerDecl layer) {
        return tie(specType.cast(layer.spec()));
    }

    /**
     * What the layer's backward pass can compute; an overflow is thrown. It is trainable when it holds weights or
     * shares a matrix and is not {@code frozen}; a shared matrix's gradient is added into its owner's, one
     * addition per element, as PyTorch accumulates both uses into one gradient.
     */
    public final GradientWork gradientsOf(LayerDecl layer, List<TensorShape> inputs, LayerFigures figures,
            boolean frozen) {
        GradientWork work = gradients(specType.cast(layer.spec()), inputs, figures)
                .plusWeightOps("backward FLOPs of layer '" + layer.name() + "'", figures.sharedParams());
        return work.trainable(!frozen && (figures.params() > 0 || figures.sharedParams() > 0));
    }

    /** The kind of a layer this rule read. */
    public final LayerKind kindOf(LayerSpec spec) {
        return kindFor(specType.cast(spec));
    }

    /** Checks the layer's values; returns whether it can be analyzed. */
    public final boolean validate(LayerDecl layer, Findings findings) {
        return check(layer, specType.cast(layer.spec()), findings);
    }

    /**
     * The layer's figures, or null when it has a problem (reported), a figure that overflows included.
     *
     * @param inputs the shapes of its inputs; after a layer with a problem, their sizes may be unknown, and then
     *     only what does not depend on them is checked
     * @param flattenedBy the layer that removed the spatial dimensions of its (first) input, or null
     */
    public final LayerFigures figures(LayerDecl layer, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        S spec = specType.cast(layer.spec());
        try {
            if (!checksItsInput()) {
                String spatial = spatialKind(spec);
                TensorShape input = inputs.get(0);
                if (spatial != null && input.rank() == 0) {
                    // Windows, adaptive sizes and scales are per spatial dimension; a vector has none.
                    Dimensions.reportNoSpatialInput(layer, spatial, "remove it", input, flattenedBy, findings);
                    return null;
                }
                for (TensorShape shape : inputs) {
                    if (!shape.sizesKnown()) {
                        return null;
                    }
                }
            }
            return analyze(layer, spec, inputs, flattenedBy, findings);
        } catch (OverflowException e) {
            findings.add(Diagnostic.OVERFLOW, layer.annotation(), e.figure(), e.terms(), e.limit());
            return null;
        }
    }

    /**
     * What a layer that could not be analyzed passes on, so that later layers can still be checked as far as
     * it is known: the channels it declares (else its input's) at unknown sizes, of the rank it produces.
     */
    public final TensorShape unknownOutput(LayerDecl layer, TensorShape input) {
        return unknownShape(specType.cast(layer.spec()), input);
    }
}
