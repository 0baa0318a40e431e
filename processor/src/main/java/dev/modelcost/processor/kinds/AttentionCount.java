package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.processor.analysis.Dimensions;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.model.LayerDecl;

/**
 * The arithmetic of multi-head attention (docs/FORMULAS.md#attention), from its settings and what it works on:
 * projections as per-token linear layers, the two products {@code Q K^T} and {@code A V}, the operations per
 * score, the rotary embedding, and what it writes and reads again in between.
 */
final class AttentionCount {
    /** Per score: the scaling by {@code 1/sqrt(hs)} (1) and the softmax (3: an exponential, a sum, a division). */
    static final int OPERATIONS_PER_SCORE = 4;
    /** Per rotated element: {@code x * cos + rotate_half(x) * sin}, two products and a sum. */
    static final int OPERATIONS_PER_ROTATED = 3;

    private AttentionCount() {
    }

    static LayerFigures figures(LayerDecl layer, AttentionSpec spec, AttentionShape shape, long positionBiasTable,
            TensorShape input, TensorShape output) {
        String of = " of layer '" + layer.name() + "'";
        String macsOf = "MACs" + of;
        long queryWidth = shape.queryWidth();
        long keyWidth = shape.keyWidth();
        long queryElements = Exact.multiply(macsOf, shape.queries(), queryWidth);
        long keyElements = Exact.multiply(macsOf, shape.keys(), keyWidth);
        long scores = shape.scores("scores" + of);
        long product = Exact.multiply(macsOf, scores, shape.headSize());
        long macs = Exact.multiply(macsOf, 2, product);
        long biasAdds = 0;
        long params = Exact.multiply("parameters" + of, positionBiasTable, shape.heads());
        // Each of Q, K, V and the heads' output is written once and read once; so are the scores.
        long kept = Exact.multiply("bytes moved" + of, 2, scores);
        if (spec.projections()) {
            long inQuery = Exact.multiply(macsOf, queryElements, shape.features());
            long inKeys = Exact.product(macsOf, 2, keyElements, shape.keyFeatures());
            long out = Exact.multiply(macsOf, queryElements, shape.features());
            macs = Exact.add(macsOf, macs, Exact.add(macsOf, Exact.add(macsOf, inQuery, inKeys), out));
            String paramsOf = "parameters" + of;
            long weights = Exact.add(paramsOf, Exact.product(paramsOf, 2, shape.features(), queryWidth),
                    Exact.product(paramsOf, 2, shape.keyFeatures(), keyWidth));
            params = Exact.add(paramsOf, params, weights);
            if (spec.bias()) {
                params = Exact.add(paramsOf, params, Exact.add(paramsOf, Exact.add(paramsOf, queryWidth,
                        Exact.multiply(paramsOf, 2, keyWidth)), shape.features()));
                String biasOf = "bias additions" + of;
                biasAdds = Exact.add(biasOf, Exact.add(biasOf, queryElements, Exact.multiply(biasOf, 2,
                        keyElements)), Exact.multiply(biasOf, shape.queries(), shape.features()));
            }
            String movedOf = "bytes moved" + of;
            long between = Exact.add(movedOf, Exact.multiply(movedOf, 2, queryElements),
                    Exact.multiply(movedOf, 2, keyElements));
            kept = Exact.add(movedOf, kept, Exact.multiply(movedOf, 2, between));
        }
        String flopsOf = "FLOPs" + of;
        int perScore = OPERATIONS_PER_SCORE + (positionBiasTable > 0 ? 1 : 0);
        long rotated = Exact.multiply(flopsOf, Exact.add(flopsOf, Exact.multiply(flopsOf, shape.queries(),
                shape.heads()), Exact.multiply(flopsOf, shape.keys(), shape.kvHeads())), spec.rotary().value());
        long flops = Exact.add(flopsOf, Exact.add(flopsOf, Exact.multiply(flopsOf, 2, macs), biasAdds),
                Exact.add(flopsOf, Exact.multiply(flopsOf, perScore, scores),
                        Exact.multiply(flopsOf, OPERATIONS_PER_ROTATED, rotated)));
        String settings = settings(layer, of, spec, shape);
        return new LayerFigures(layer, settings, input, output, macs, biasAdds, flops, params,
                output.elements("activations" + of), kept, 0);
    }

    /**
     * The backward pass (docs/FORMULAS.md#the-backward-pass). The products' gradients are four products of the
     * forward's size ({@code dA = dO V^T}, {@code dV = A^T dO}, {@code dQ = dS K}, {@code dK = dS^T Q}), and the
     * scores' 5 operations each (the softmax's {@code A (dA - sum(dA A))}, 4, and the scaling, 1); the rotation
     * of the gradients of Q and K back, as the forward's; with projections, the output projection's input
     * gradient: all of it needed for the input gradient and the weight gradients alike. The input gradient then
     * takes the Q, K and V projections' adjoint products; the weight gradients each projection's product again,
     * the bias gradients the forward's bias additions and a relative position bias one addition per score.
     */
    static GradientWork gradients(AttentionSpec spec, AttentionShape shape, long positionBiasTable,
            LayerFigures figures) {
        String of = " of layer '" + figures.layer().name() + "'";
        String macsOf = "backward MACs" + of;
        String flopsOf = "backward FLOPs" + of;
        long scores = shape.scores(flopsOf);
        long products = Exact.product(macsOf, 4, scores, shape.headSize());
        long rotated = Exact.multiply(flopsOf, Exact.add(flopsOf, Exact.multiply(flopsOf, shape.queries(),
                shape.heads()), Exact.multiply(flopsOf, shape.keys(), shape.kvHeads())), spec.rotary().value());
        long innerOps = Exact.add(flopsOf, Exact.multiply(flopsOf, OPERATIONS_PER_SCORE + 1, scores),
                Exact.multiply(flopsOf, OPERATIONS_PER_ROTATED, rotated));
        long weightOps = Exact.add(flopsOf, figures.biasAdds(), positionBiasTable > 0 ? scores : 0);
        if (!spec.projections()) {
            return new GradientWork(0, 0, products, innerOps, 0, weightOps, false);
        }
        long queryElements = Exact.multiply(macsOf, shape.queries(), shape.queryWidth());
        long inQuery = Exact.multiply(macsOf, queryElements, shape.features());
        long inKeys = Exact.product(macsOf, 2, Exact.multiply(macsOf, shape.keys(), shape.keyWidth()),
                shape.keyFeatures());
        long out = Exact.multiply(macsOf, queryElements, shape.features());
        long inputMacs = Exact.add(macsOf, inQuery, inKeys);
        return new GradientWork(inputMacs, 0, Exact.add(macsOf, products, out), innerOps,
                Exact.add(macsOf, inputMacs, out), weightOps, false);
    }

    /**
     * E.g. {@code "h=32 kv=8 hs=64 causal masked-macs=..."}: the heads, the head size, and what differs from
     * plain self-attention; a causal layer gives the products' multiply-accumulates over the pairs its mask keeps.
     */
    private static String settings(LayerDecl layer, String of, AttentionSpec spec, AttentionShape shape) {
        StringBuilder text = new StringBuilder("h=").append(shape.heads());
        if (shape.kvHeads() != shape.heads()) {
            text.append(" kv=").append(shape.kvHeads());
        }
        text.append(" hs=").append(shape.headSize());
        if (spec.isCross()) {
            text.append(" keys=").append(layer.reads(1, spec.keys()));
        }
        if (spec.causal()) {
            String figure = "masked MACs" + of;
            long masked = Exact.product(figure, 2, shape.heads(), shape.causalPairs(figure), shape.headSize());
            text.append(" causal masked-macs=").append(masked);
        }
        if (spec.isWindowed()) {
            text.append(" window=").append(Dimensions.dims(spec.window().values()));
            if (spec.shift().values().length > 0) {
                text.append(" shift=").append(Dimensions.dims(spec.shift().values()));
            }
        }
        if (spec.relativePositionBias()) {
            text.append(" rpb");
        }
        if (spec.rotary().value() > 0) {
            text.append(" rope=").append(spec.rotary().value());
        }
        if (!spec.projections()) {
            text.append(" no-proj");
        } else if (!spec.bias()) {
            text.append(" no-bias");
        }
        return text.toString();
    }
}
