package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.Combine;
import dev.modelcost.LayerKind;
import dev.modelcost.Learned;
import dev.modelcost.processor.analysis.Dimensions;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import java.util.List;
import java.util.Locale;

/**
 * {@code @Learned}: a tensor of parameters added to the input, multiplied with it (sizes of 1 broadcast, one
 * operation per output element) or placed before it along its first size (no operations); its elements are its
 * parameters (docs/FORMULAS.md#embeddings-and-learned-tensors).
 */
final class LearnedRule extends LayerRule<LearnedRule.Spec> {

    /**
     * The settings of a learned tensor.
     *
     * @param combine how it meets the input
     * @param channels its channels, 0 for the input's
     * @param size its sizes, none for the input's
     */
    record Spec(Combine combine, IntValue channels, IntsValue size) implements LayerSpec {
    }

    LearnedRule() {
        super(Learned.class, LayerKind.LEARNED, Spec.class);
    }

    @Override
    protected String noDecodeStep(Spec spec) {
        if (spec.combine() == Combine.PREPEND) {
            return "it puts tokens before the whole sequence";
        }
        // A tensor of the input's shape follows the sequence's length; one of a given length does not.
        boolean spansTokens = spec.size().values().length > 0 && spec.size().values()[0] != 1;
        return spansTokens ? "its tensor spans a fixed number of tokens; @PositionEmbedding adds each position's row"
                : null;
    }

    @Override
    public Spec read(LayerValues values) {
        return new Spec(Combine.valueOf(values.enumValue("combine")), values.optionalInt("channels"),
                values.ints("size"));
    }

    @Override
    protected boolean check(LayerDecl layer, Spec learned, Findings findings) {
        boolean channels = Checks.atLeastZero(learned.channels(), findings);
        return Checks.atLeastOne(learned.size(), findings) && channels;
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, Spec learned, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        TensorShape input = inputs.get(0);
        TensorShape tensor = tensor(layer, learned, input, findings);
        if (tensor == null) {
            return null;
        }
        TensorShape output = learned.combine() == Combine.PREPEND ? prepended(layer, tensor, input, findings)
                : broadcast(layer, learned, tensor, input, findings);
        if (output == null) {
            return null;
        }
        String of = " of layer '" + layer.name() + "'";
        long flops = learned.combine() == Combine.PREPEND ? 0 : output.elements("FLOPs" + of);
        String settings = learned.combine().name().toLowerCase(Locale.ROOT) + " " + tensor;
        return LayerFigures.operations(layer, settings, input, output, flops, tensor.elements("parameters" + of));
    }

    /** Its own shape: the input's where it gives none; null when its sizes do not fit the input's (reported). */
    private static TensorShape tensor(LayerDecl layer, Spec learned, TensorShape input, Findings findings) {
        long channels = learned.channels().value() == 0 ? input.channels() : learned.channels().value();
        IntsValue size = learned.size();
        int rank = input.rank();
        int given = size.values().length;
        if (given == 0) {
            return TensorShape.of(channels, input.sizes());
        }
        if (rank == 0) {
            findings.add(Diagnostic.WRONG_ARITY, size.position(), size.label(), given, layer.name(), 0, "s",
                    "remove size: a vector has none");
            return null;
        }
        if (!Dimensions.fit(layer, rank, findings, size)) {
            return null;
        }
        int[] sizes = size.forRank(rank);
        long[] longs = new long[rank];
        for (int i = 0; i < rank; i++) {
            longs[i] = sizes[i];
        }
        return TensorShape.of(channels, longs);
    }

    /** The input with the tensor before it along the first size; null when they do not fit (reported). */
    private static TensorShape prepended(LayerDecl layer, TensorShape tensor, TensorShape input, Findings findings) {
        if (input.rank() == 0) {
            findings.add(Diagnostic.LEARNED_DOES_NOT_FIT, layer.annotation(), layer.name(), tensor,
                    "cannot be prepended to", input, "which has no size to prepend along",
                    "make the input a sequence first, or combine = ADD");
            return null;
        }
        boolean fits = tensor.channels() == input.channels();
        for (int i = 1; fits && i < input.rank(); i++) {
            fits = tensor.size(i) == input.size(i);
        }
        if (!fits) {
            findings.add(Diagnostic.LEARNED_DOES_NOT_FIT, layer.annotation(), layer.name(), tensor,
                    "cannot be prepended to", input, "its channels and every size but the first must be the input's",
                    "leave channels 0 (the input's) and give only the first size its own, e.g. size = 1 for a"
                            + " class token");
            return null;
        }
        long[] sizes = input.sizes();
        sizes[0] = Exact.checkInt("size of layer '" + layer.name() + "'",
                Exact.add("size of layer '" + layer.name() + "'", sizes[0], tensor.size(0)));
        return TensorShape.of(input.channels(), sizes);
    }

    /** The shape of the input and the tensor broadcast together; null when they do not broadcast (reported). */
    private static TensorShape broadcast(LayerDecl layer, Spec learned, TensorShape tensor, TensorShape input,
            Findings findings) {
        Long channels = MergeRules.BroadcastRule.broadcast(input.channels(), tensor.channels());
        long[] sizes = input.sizes();
        for (int i = 0; channels != null && i < sizes.length; i++) {
            Long size = MergeRules.BroadcastRule.broadcast(sizes[i], tensor.size(i));
            if (size == null) {
                channels = null;
            } else {
                sizes[i] = size;
            }
        }
        if (channels == null) {
            String verb = learned.combine() == Combine.ADD ? "cannot be added to" : "cannot multiply";
            findings.add(Diagnostic.LEARNED_DOES_NOT_FIT, layer.annotation(), layer.name(), tensor, verb, input,
                    "each of whose dimensions must equal the tensor's, or be 1 in one of them",
                    "give it the input's shape (channels = 0, no size), or 1 where it broadcasts");
            return null;
        }
        return TensorShape.of(channels, sizes);
    }

    /**
     * Added: the input's gradient is the output's, the tensor's the output's summed into it, one addition per
     * output element. Multiplied: the input's is the output's times the tensor, one multiplication per output
     * element, the tensor's the sum of the output's times the input, two. An input that was broadcast sums its
     * gradient, one more addition per output element. Prepended: the gradient is only split.
     */
    @Override
    protected GradientWork gradients(Spec learned, List<TensorShape> inputs, LayerFigures figures) {
        if (learned.combine() == Combine.PREPEND) {
            return GradientWork.inputOps(0);
        }
        String of = "backward FLOPs of layer '" + figures.layer().name() + "'";
        long out = figures.activations();
        boolean multiply = learned.combine() == Combine.MULTIPLY;
        long input = (multiply ? out : 0) + (inputs.get(0).elements(of) < out ? out : 0);
        return new GradientWork(0, input, 0, 0, 0, Exact.multiply(of, multiply ? 2 : 1, out), false);
    }
}
