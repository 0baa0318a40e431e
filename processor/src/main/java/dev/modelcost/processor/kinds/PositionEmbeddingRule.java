package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.LayerKind;
import dev.modelcost.PositionEmbedding;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import java.util.List;

/**
 * {@code @PositionEmbedding}: a {@code positions x d} table whose first {@code L} rows are added to a sequence
 * {@code d x {L}} (docs/FORMULAS.md#embeddings-and-learned-tensors).
 */
final class PositionEmbeddingRule extends LayerRule<PositionEmbeddingRule.Spec> {

    /**
     * The settings of a position embedding.
     *
     * @param positions rows of its table
     */
    record Spec(IntValue positions) implements LayerSpec {
    }

    PositionEmbeddingRule() {
        super(PositionEmbedding.class, LayerKind.POSITION_EMBEDDING, Spec.class);
    }

    @Override
    public Spec read(LayerValues values) {
        return new Spec(values.requiredInt("positions"));
    }

    @Override
    protected boolean check(LayerDecl layer, Spec embedding, Findings findings) {
        return Checks.atLeastOne(embedding.positions(), findings);
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, Spec embedding, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        TensorShape input = inputs.get(0);
        if (!Sequences.require(layer, "a position embedding", input, flattenedBy, findings)) {
            return null;
        }
        long tokens = input.size(0);
        int positions = embedding.positions().value();
        if (tokens > positions) {
            findings.add(Diagnostic.SEQUENCE_TOO_LONG, embedding.positions().position(), layer.name(), positions,
                    tokens, tokens);
            return null;
        }
        String of = " of layer '" + layer.name() + "'";
        long params = Exact.multiply("parameters" + of, positions, input.channels());
        return LayerFigures.operations(layer, "positions=" + positions, input, input, input.elements("FLOPs" + of),
                params);
    }

    /** The input's gradient is the output's; the table's first rows take it, one addition per element. */
    @Override
    protected GradientWork gradients(Spec embedding, List<TensorShape> inputs, LayerFigures figures) {
        return GradientWork.weightOps(figures.activations());
    }
}
