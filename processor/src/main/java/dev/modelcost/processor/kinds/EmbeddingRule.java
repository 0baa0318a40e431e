package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.Embedding;
import dev.modelcost.LayerKind;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.analysis.WeightMatrix;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import java.util.List;

/**
 * {@code @Embedding}: token ids {@code 1 x {L}} to the {@code dim x {L}} rows of a {@code vocabulary x dim} table,
 * a lookup without operations (docs/FORMULAS.md#embeddings-and-learned-tensors); its table is a matrix later
 * layers may share.
 */
final class EmbeddingRule extends LayerRule<EmbeddingRule.Spec> {

    /**
     * The settings of an embedding.
     *
     * @param vocabulary rows of the table
     * @param dim features of each token
     */
    record Spec(IntValue vocabulary, IntValue dim) implements LayerSpec {
    }

    EmbeddingRule() {
        super(Embedding.class, LayerKind.EMBEDDING, Spec.class);
    }

    @Override
    public Spec read(LayerValues values) {
        return new Spec(values.requiredInt("vocabulary"), values.requiredInt("dim"));
    }

    @Override
    protected boolean check(LayerDecl layer, Spec embedding, Findings findings) {
        boolean vocabulary = Checks.atLeastOne(embedding.vocabulary(), findings);
        return Checks.atLeastOne(embedding.dim(), findings) && vocabulary;
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, Spec embedding, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        TensorShape input = inputs.get(0);
        if (!Sequences.require(layer, "an embedding", input, flattenedBy, findings)) {
            return null;
        }
        if (input.channels() != 1) {
            findings.add(Diagnostic.NOT_TOKEN_IDS, layer.annotation(), layer.name(), input,
                    "feed it the ids, @Shape(channels = 1, size = " + input.size(0) + "), or remove it if its input"
                            + " is embedded already");
            return null;
        }
        String of = " of layer '" + layer.name() + "'";
        TensorShape output = TensorShape.of(embedding.dim().value(), input.sizes());
        long params = matrix(embedding, input).elements("parameters" + of);
        return LayerFigures.operations(layer, "vocabulary=" + embedding.vocabulary().value(), input, output, 0,
                params);
    }

    @Override
    protected WeightMatrix matrix(Spec embedding, TensorShape input) {
        return new WeightMatrix(embedding.vocabulary().value(), embedding.dim().value(), "vocabulary x dim");
    }

    @Override
    protected TensorShape unknownShape(Spec embedding, TensorShape input) {
        return TensorShape.unknownSizes(Math.max(1, embedding.dim().value()), 1);
    }

    /**
     * Token ids have no gradient; the table's is the output gradient added into the rows looked up, one addition
     * per output element.
     */
    @Override
    protected GradientWork gradients(Spec embedding, List<TensorShape> inputs, LayerFigures figures) {
        return GradientWork.weightOps(figures.activations());
    }
}
