package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.Activation;
import dev.modelcost.ActivationFunction;
import dev.modelcost.Dropout;
import dev.modelcost.Elementwise;
import dev.modelcost.LayerKind;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerDecl;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Locale;

/**
 * Layers applied element by element without parameters, keeping their input's shape: {@code @Activation} (its
 * function's operations per element), {@code @Elementwise} (those stated) and {@code @Dropout} (none).
 */
abstract class PointwiseRules extends LayerRule<PointwiseSpec> {

    private PointwiseRules(Class<? extends Annotation> annotation, LayerKind kind) {
        super(annotation, kind, PointwiseSpec.class);
    }

    @Override
    protected boolean check(LayerDecl layer, PointwiseSpec pointwise, Findings findings) {
        return Checks.atLeastZero(pointwise.flopsPerElement(), findings);
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, PointwiseSpec pointwise, List<TensorShape> inputs,
            String flattenedBy, Findings findings) {
        TensorShape input = inputs.get(0);
        String of = " of layer '" + layer.name() + "'";
        long flops = Exact.multiply("FLOPs" + of, pointwise.flopsPerElement().value(), input.elements("FLOPs" + of));
        return LayerFigures.operations(layer, pointwise.settings(), input, input, flops, 0);
    }

    /**
     * The output gradient times the derivative, at each element: the derivative counted as the function's own
     * {@code f} operations (an upper bound: a sigmoid's is {@code s (1 - s)} from its output) and one
     * multiplication, {@code (f + 1) * N}.
     */
    @Override
    protected GradientWork gradients(PointwiseSpec pointwise, List<TensorShape> inputs, LayerFigures figures) {
        String of = "backward FLOPs of layer '" + figures.layer().name() + "'";
        return GradientWork.inputOps(Exact.add(of, figures.flops(), figures.activations()));
    }

    /** {@code @Activation}. */
    static final class ActivationRule extends PointwiseRules {
        ActivationRule() {
            super(Activation.class, LayerKind.ACTIVATION);
        }

        @Override
        public PointwiseSpec read(LayerValues values) {
            ActivationFunction function = ActivationFunction.valueOf(values.enumValue("value"));
            return new PointwiseSpec(values.fixed(function.flopsPerElement()),
                    function.name().toLowerCase(Locale.ROOT));
        }
    }

    /** {@code @Elementwise}. */
    static final class ElementwiseRule extends PointwiseRules {
        ElementwiseRule() {
            super(Elementwise.class, LayerKind.ELEMENTWISE);
        }

        @Override
        public PointwiseSpec read(LayerValues values) {
            IntValue flops = values.optionalInt("flopsPerElement");
            return new PointwiseSpec(flops, "ops/element=" + flops.value());
        }
    }

    /** {@code @Dropout}. */
    static final class DropoutRule extends PointwiseRules {
        DropoutRule() {
            super(Dropout.class, LayerKind.DROPOUT);
        }

        @Override
        public PointwiseSpec read(LayerValues values) {
            return new PointwiseSpec(values.fixed(0), "p=" + values.doubleValue("value"));
        }

        /** The identity, as its forward pass is counted: the gradient passes through. */
        @Override
        protected GradientWork gradients(PointwiseSpec pointwise, List<TensorShape> inputs, LayerFigures figures) {
            return GradientWork.inputOps(0);
        }
    }
}
