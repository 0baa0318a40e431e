package dev.modelcost.processor.kinds;

import dev.modelcost.Concat;
import dev.modelcost.LayerKind;
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
 * {@code @Concat}: the named layers' outputs joined along one dimension, the channels (axis 0) or a size (axis 1
 * and up: a sequence's tokens); every other dimension equal. No operations, no parameters.
 */
final class ConcatRule extends LayerRule<ConcatRule.Spec> {

    /**
     * The settings of a concatenation.
     *
     * @param inputs the names of the layers it joins, as written
     * @param position where the names are written
     * @param axis the dimension joined: 0 the channels, 1 and up the sizes
     */
    record Spec(List<String> inputs, Position position, IntValue axis) implements LayerSpec {
        Spec {
            inputs = List.copyOf(inputs);
        }
    }

    ConcatRule() {
        super(Concat.class, LayerKind.CONCAT, Spec.class);
    }

    @Override
    protected String noDecodeStep(Spec spec) {
        return spec.axis().value() == 0 ? null : "it concatenates along the tokens";
    }

    @Override
    public boolean takesNamedInputs() {
        return true;
    }

    @Override
    public Spec read(LayerValues values) {
        return new Spec(values.strings("value"), values.position("value"), values.optionalInt("axis"));
    }

    @Override
    protected boolean check(LayerDecl layer, Spec concat, Findings findings) {
        return Checks.atLeastZero(concat.axis(), findings);
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, Spec concat, List<TensorShape> inputs, String flattenedBy,
            Findings findings) {
        TensorShape first = inputs.get(0);
        int axis = concat.axis().value();
        if (axis > first.rank()) {
            findings.add(Diagnostic.BAD_CONCAT_AXIS, concat.axis().position(), layer.name(), axis, first,
                    first.rank(), "use an axis from 0 to " + first.rank());
            return null;
        }
        String what = axis == 0 ? "spatial sizes" : "dimensions other than axis " + axis;
        String fix = axis == 0 ? "resize one of them (pooling, stride, upsampling) so that they match"
                : "make them equal: only dimension " + axis + " may differ";
        String figure = (axis == 0 ? "channels" : "size " + axis) + " of layer '" + layer.name() + "'";
        long joined = 0;
        for (int i = 0; i < inputs.size(); i++) {
            TensorShape input = inputs.get(i);
            if (!matchesBesides(axis, first, input)) {
                MergeRules.reportDiffer(layer, concat.inputs(), concat.position(), "concatenates", first, input, i,
                        what, fix, findings);
                return null;
            }
            joined = Exact.add(figure, joined, dimension(axis, input));
        }
        Exact.checkInt(figure, joined);
        long channels = first.channels();
        long[] sizes = first.sizes();
        if (axis == 0) {
            channels = joined;
        } else {
            sizes[axis - 1] = joined;
        }
        String settings = String.join(", ", layer.reads(concat.inputs())) + (axis == 0 ? "" : " axis=" + axis);
        return LayerFigures.operations(layer, settings, first, TensorShape.of(channels, sizes), 0, 0);
    }

    /** Dimension {@code axis} of the shape: 0 the channels, then the sizes. */
    private static long dimension(int axis, TensorShape shape) {
        return axis == 0 ? shape.channels() : shape.size(axis - 1);
    }

    /** Whether two shapes have the same rank and agree in every dimension but {@code axis}. */
    private static boolean matchesBesides(int axis, TensorShape a, TensorShape b) {
        if (a.rank() != b.rank()) {
            return false;
        }
        for (int d = 0; d <= a.rank(); d++) {
            if (d != axis && dimension(d, a) != dimension(d, b)) {
                return false;
            }
        }
        return true;
    }
}
