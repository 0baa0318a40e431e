package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.Add;
import dev.modelcost.From;
import dev.modelcost.LayerKind;
import dev.modelcost.Multiply;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.LayerDecl;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Layers that join the outputs of the layers they name element-wise: sum and product ({@code @Add},
 * {@code @Multiply}: broadcasting sizes of 1; one operation per output element and operand beyond the first; no
 * parameters). {@code @Concat} is {@link ConcatRule}.
 */
abstract class MergeRules extends LayerRule<MergeSpec> {

    private MergeRules(Class<? extends Annotation> annotation, LayerKind kind) {
        super(annotation, kind, MergeSpec.class);
    }

    @Override
    public final boolean takesNamedInputs() {
        return true;
    }

    @Override
    public final MergeSpec read(LayerValues values) {
        return new MergeSpec(values.strings("value"), values.position("value"));
    }

    /** MC119 on the names of two operands, the first and the one at {@code index}, with their shapes. */
    static void reportDiffer(LayerDecl layer, List<String> inputs, Position position, String verb,
            TensorShape first, TensorShape other, int index, String what, String fix, Findings findings) {
        String operands = operand(inputs.get(0)) + " (" + first + ") and " + operand(inputs.get(index)) + " ("
                + other + ")";
        findings.add(Diagnostic.SHAPES_DIFFER, position, layer.name(), verb, operands, what, fix);
    }

    /** A name as the user wrote it, or {@code the input} for {@link From#INPUT}. */
    private static String operand(String name) {
        return From.INPUT.equals(name) ? "the input" : "'" + name + "'";
    }

    /** {@code @Add} and {@code @Multiply}: the common shape, sizes of 1 broadcast. */
    static final class BroadcastRule extends MergeRules {
        private final String verb;
        private final String operator;

        private BroadcastRule(Class<? extends Annotation> annotation, LayerKind kind, String verb, String operator) {
            super(annotation, kind);
            this.verb = verb;
            this.operator = operator;
        }

        static BroadcastRule add() {
            return new BroadcastRule(Add.class, LayerKind.ADD, "adds", " + ");
        }

        static BroadcastRule multiply() {
            return new BroadcastRule(Multiply.class, LayerKind.MULTIPLY, "multiplies", " * ");
        }

        @Override
        protected LayerFigures analyze(LayerDecl layer, MergeSpec merge, List<TensorShape> inputs,
                String flattenedBy, Findings findings) {
            TensorShape first = inputs.get(0);
            long[] out = first.sizes();
            long channels = first.channels();
            for (int i = 1; i < inputs.size(); i++) {
                TensorShape input = inputs.get(i);
                Long broadcastChannels = broadcast(channels, input.channels());
                boolean fits = input.rank() == first.rank() && broadcastChannels != null;
                for (int d = 0; fits && d < out.length; d++) {
                    Long size = broadcast(out[d], input.size(d));
                    fits = size != null;
                    if (fits) {
                        out[d] = size;
                    }
                }
                if (!fits) {
                    reportDiffer(layer, merge.inputs(), merge.position(), verb, first, input, i, "shapes",
                            "make them equal (a 1x1 convolution or a strided projection on the shortcut), or 1 where"
                                    + " one is broadcast", findings);
                    return null;
                }
                channels = broadcastChannels;
            }
            TensorShape output = TensorShape.of(channels, out);
            String of = " of layer '" + layer.name() + "'";
            long flops = Exact.multiply("FLOPs" + of, inputs.size() - 1L, output.elements("FLOPs" + of));
            return LayerFigures.operations(layer, String.join(operator, layer.reads(merge.inputs())), first, output, flops, 0);
        }

        /**
         * Each operand's gradient is the output gradient, for {@code @Add}, or the output gradient times the other
         * {@code n - 1} operands, for {@code @Multiply}: {@code n (n - 1) N_out} multiplications; an operand that
         * was broadcast sums its gradient over the broadcast positions, {@code N_out} more additions.
         */
        @Override
        protected GradientWork gradients(MergeSpec merge, List<TensorShape> inputs, LayerFigures figures) {
            String of = "backward FLOPs of layer '" + figures.layer().name() + "'";
            long out = figures.activations();
            long n = inputs.size();
            long ops = kind() == LayerKind.MULTIPLY ? Exact.product(of, n, n - 1, out) : 0;
            for (TensorShape input : inputs) {
                if (input.elements(of) < out) {
                    ops = Exact.add(of, ops, out);
                }
            }
            return GradientWork.inputOps(ops);
        }

        /** The broadcast size of two sizes: equal, or one of them 1; null when neither. */
        static Long broadcast(long a, long b) {
            // Not a conditional expression: mixing long and Long there unboxes the null, a NullPointerException.
            if (a == b || b == 1) {
                return a;
            }
            if (a == 1) {
                return b;
            }
            return null;
        }
    }
}
