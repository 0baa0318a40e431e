package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.LayerKind;
import dev.modelcost.MatMul;
import dev.modelcost.processor.analysis.Divisors;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import java.util.List;

/**
 * {@code @MatMul}: the product of two sequences, head by head. A sequence {@code K x {L}} is PyTorch's
 * {@code (L, K)}; per head, {@code (L, K) @ (K, N)}, or {@code (L, K) @ (M, K)^T} with {@code transposeSecond}.
 */
final class MatMulRule extends LayerRule<MatMulRule.Spec> {

    /**
     * The settings of a product.
     *
     * @param operands the two layers' names, as written
     * @param position where they are written
     * @param transposeSecond whether the second is transposed
     * @param heads heads the channels split into
     */
    record Spec(List<String> operands, Position position, boolean transposeSecond, IntValue heads)
            implements LayerSpec {
        Spec {
            operands = List.copyOf(operands);
        }
    }

    MatMulRule() {
        super(MatMul.class, LayerKind.MATMUL, Spec.class);
    }

    @Override
    protected String noDecodeStep(Spec spec) {
        return "a product of two activations mixes every token of one with the other's; @Attention(causal = true)"
                + " is the product a key/value cache serves";
    }

    @Override
    public boolean takesNamedInputs() {
        return true;
    }

    @Override
    public Spec read(LayerValues values) {
        return new Spec(values.strings("value"), values.position("value"), values.bool("transposeSecond"),
                values.optionalInt("heads"));
    }

    @Override
    protected boolean check(LayerDecl layer, Spec spec, Findings findings) {
        if (spec.operands().size() != 2) {
            findings.add(Diagnostic.MATMUL_OPERANDS, spec.position(), layer.name(), spec.operands().size(),
                    "name the left and the right one, and chain further products as layers of their own");
            return false;
        }
        return Checks.atLeastOne(spec.heads(), findings);
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, Spec spec, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        TensorShape left = inputs.get(0);
        TensorShape right = inputs.get(1);
        if (!Sequences.require(layer, "a matrix product", left, flattenedBy, findings)
                || !Sequences.require(layer, "a matrix product", right, null, findings)) {
            return null;
        }
        long heads = spec.heads().value();
        for (TensorShape operand : List.of(left, right)) {
            if (operand.channels() % heads != 0) {
                differ(layer, spec, left, right, heads + " heads do not divide the " + operand.channels()
                        + " channels of " + operand, "use heads = one of "
                        + Divisors.commonNearText(left.channels(), right.channels(), heads), findings);
                return null;
            }
        }
        long inner = left.channels() / heads;
        long innerRight = spec.transposeSecond() ? right.channels() / heads : right.size(0);
        if (inner != innerRight) {
            String where = spec.transposeSecond() ? "features per head" : "tokens";
            differ(layer, spec, left, right, "the left one's features per head (" + inner + ") are not the right one's "
                    + where + " (" + innerRight + ")", spec.transposeSecond()
                            ? "give both the same features per head"
                            : "transpose the right one (transposeSecond = true) if its features are the shared"
                                    + " dimension",
                    findings);
            return null;
        }
        long columns = spec.transposeSecond() ? right.size(0) : right.channels() / heads;
        String of = " of layer '" + layer.name() + "'";
        long channels = Exact.checkInt("channels" + of, Exact.multiply("channels" + of, heads, columns));
        long macs = Exact.product("MACs" + of, heads, left.size(0), inner, columns);
        TensorShape output = TensorShape.of(channels, left.size(0));
        String settings = String.join(" x ", layer.reads(spec.operands())) + (spec.transposeSecond() ? "^T" : "")
                + (heads > 1 ? " h=" + heads : "");
        return new LayerFigures(layer, settings, left, output, macs, 0, Exact.multiply("FLOPs" + of, 2, macs), 0,
                output.elements("activations" + of));
    }

    private static void differ(LayerDecl layer, Spec spec, TensorShape left, TensorShape right, String why,
            String fix, Findings findings) {
        findings.add(Diagnostic.MATMUL_SHAPES_DIFFER, spec.position(), layer.name(), "'" + spec.operands().get(0)
                + "'", left, "'" + spec.operands().get(1) + "'" + (spec.transposeSecond() ? " transposed" : ""),
                right, why, fix);
    }

    @Override
    protected TensorShape unknownShape(Spec spec, TensorShape input) {
        return TensorShape.unknownSizes(input.channels(), 1);
    }

    /** Two adjoint products of the forward's size, one per operand: {@code dA = dC B^T}, {@code dB = A^T dC}. */
    @Override
    protected GradientWork gradients(Spec spec, List<TensorShape> inputs, LayerFigures figures) {
        long macs = Exact.multiply("backward MACs of layer '" + figures.layer().name() + "'", 2, figures.macs());
        return new GradientWork(macs, 0, 0, 0, 0, 0, false);
    }
}
