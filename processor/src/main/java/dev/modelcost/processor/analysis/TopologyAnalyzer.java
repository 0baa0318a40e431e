package dev.modelcost.processor.analysis;

import dev.modelcost.From;
import dev.modelcost.LayerKind;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.ChannelSpec;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.MergeSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Layers that join or rearrange others' outputs: element-wise sum and product (broadcasting sizes of 1; one
 * operation per output element and operand beyond the first), channel concatenation, slice, shuffle and flatten
 * (no operations). None has parameters.
 */
final class TopologyAnalyzer {

    LayerFigures merge(LayerDecl layer, MergeSpec merge, List<TensorShape> inputs, Findings findings) {
        TensorShape first = inputs.get(0);
        if (layer.kind() == LayerKind.CONCAT) {
            long channels = 0;
            for (int i = 0; i < inputs.size(); i++) {
                TensorShape input = inputs.get(i);
                if (input.rank() != first.rank() || !Arrays.equals(input.sizes(), first.sizes())) {
                    reportDiffer(layer, merge, "concatenates", first, input, i, "spatial sizes",
                            "resize one of them (pooling, stride, upsampling) so that they match", findings);
                    return null;
                }
                channels = Exact.add("channels of layer '" + layer.name() + "'", channels, input.channels());
            }
            Exact.checkInt("channels of layer '" + layer.name() + "'", channels);
            return LayerFigures.operations(layer, String.join(", ", merge.inputs()), first,
                    new TensorShape(channels, first.sizes(), true), 0, 0);
        }
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
                String verb = layer.kind() == LayerKind.ADD ? "adds" : "multiplies";
                reportDiffer(layer, merge, verb, first, input, i, "shapes",
                        "make them equal (a 1x1 convolution or a strided projection on the shortcut), or 1 where one"
                                + " is broadcast", findings);
                return null;
            }
            channels = broadcastChannels;
        }
        TensorShape output = TensorShape.of(channels, out);
        String of = " of layer '" + layer.name() + "'";
        long flops = Exact.multiply("FLOPs" + of, inputs.size() - 1L, output.elements("FLOPs" + of));
        String operator = layer.kind() == LayerKind.ADD ? " + " : " * ";
        return LayerFigures.operations(layer, String.join(operator, merge.inputs()), first, output, flops, 0);
    }

    /** The broadcast size of two sizes: equal, or one of them 1; null when neither. */
    private static Long broadcast(long a, long b) {
        // Not a conditional expression: mixing long and Long there unboxes the null, a NullPointerException.
        if (a == b || b == 1) {
            return a;
        }
        if (a == 1) {
            return b;
        }
        return null;
    }

    private static void reportDiffer(LayerDecl layer, MergeSpec merge, String verb, TensorShape first,
            TensorShape other, int index, String what, String fix, Findings findings) {
        String operands = operand(merge.inputs().get(0)) + " (" + first + ") and " + operand(merge.inputs().get(index))
                + " (" + other + ")";
        findings.add(Diagnostic.SHAPES_DIFFER, merge.position(), layer.name(), verb, operands, what, fix);
    }

    /** A name as the user wrote it, or {@code the input} for {@link From#INPUT}. */
    private static String operand(String name) {
        return From.INPUT.equals(name) ? "the input" : "'" + name + "'";
    }

    LayerFigures channels(LayerDecl layer, ChannelSpec spec, TensorShape input, Findings findings) {
        String of = " of layer '" + layer.name() + "'";
        if (layer.kind() == LayerKind.FLATTEN) {
            long elements = Exact.checkInt("size" + of, input.elements("size" + of));
            return LayerFigures.operations(layer, "", input, TensorShape.of(elements), 0, 0);
        }
        if (layer.kind() == LayerKind.SHUFFLE) {
            if (!Divisors.divideChannels(layer, spec.groups(), input.channels(), findings)) {
                return null;
            }
            long groups = spec.groups().value();
            return LayerFigures.operations(layer, "g=" + groups, input, input, 0, 0);
        }
        long from = spec.from().value();
        long to = spec.to().value();
        if (to <= from || to > input.channels()) {
            findings.add(Diagnostic.BAD_CHANNEL_RANGE, spec.to().position(), layer.name(), from, to,
                    input.channels(), "keep 0 <= from < to <= " + input.channels() + ", e.g. from = 0, to = "
                            + Math.max(1, input.channels() / 2));
            return null;
        }
        return LayerFigures.operations(layer, from + ":" + to, input,
                new TensorShape(to - from, input.sizes(), true), 0, 0);
    }
}
