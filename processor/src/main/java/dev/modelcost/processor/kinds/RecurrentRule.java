package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.ActivationFunction;
import dev.modelcost.GRU;
import dev.modelcost.LSTM;
import dev.modelcost.LayerKind;
import dev.modelcost.RNN;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.LayerDecl;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Locale;

/**
 * {@code @LSTM}, {@code @GRU} and {@code @RNN}: a stack of recurrent layers on a sequence, each direction of
 * each layer repeating its cell at every step; counted as {@link Recurrence} says.
 */
final class RecurrentRule extends LayerRule<RecurrentSpec> {
    /** The cell of a gated kind; null for {@code @RNN}, whose nonlinearity makes its cell. */
    private final RecurrentCell gatedCell;
    private final String what;

    private RecurrentRule(Class<? extends Annotation> annotation, LayerKind kind, RecurrentCell gatedCell,
            String what) {
        super(annotation, kind, RecurrentSpec.class);
        this.gatedCell = gatedCell;
        this.what = what;
    }

    static RecurrentRule lstm() {
        return new RecurrentRule(LSTM.class, LayerKind.LSTM, RecurrentCell.LSTM, "an LSTM");
    }

    static RecurrentRule gru() {
        return new RecurrentRule(GRU.class, LayerKind.GRU, RecurrentCell.GRU, "a GRU");
    }

    static RecurrentRule rnn() {
        return new RecurrentRule(RNN.class, LayerKind.RNN, null, "a recurrent layer");
    }

    @Override
    public RecurrentSpec read(LayerValues values) {
        RecurrentCell cell = gatedCell != null ? gatedCell
                : RecurrentCell.elman(ActivationFunction.valueOf(values.enumValue("nonlinearity")));
        return new RecurrentSpec(cell, values.requiredInt("hidden"), values.optionalInt("layers"),
                values.bool("bidirectional"), values.bool("bias"),
                gatedCell != null ? null : values.position("nonlinearity"));
    }

    /** Forwards, one step per token on the state it keeps; backwards, the last token comes first. */
    @Override
    protected String noDecodeStep(RecurrentSpec spec) {
        return spec.bidirectional() ? "it is bidirectional, so its backward direction starts from the last token"
                : null;
    }

    @Override
    protected boolean check(LayerDecl layer, RecurrentSpec recurrent, Findings findings) {
        boolean valid = Checks.atLeastOne(recurrent.hidden(), findings);
        if (recurrent.layers().value() < 1) {
            findings.add(Diagnostic.NO_RECURRENT_LAYER, recurrent.layers().position(), recurrent.layers().label(),
                    recurrent.layers().value());
            valid = false;
        }
        ActivationFunction nonlinearity = recurrent.cell().nonlinearity();
        if (nonlinearity != null && nonlinearity != ActivationFunction.TANH && nonlinearity != ActivationFunction.RELU) {
            findings.add(Diagnostic.RECURRENT_NONLINEARITY, recurrent.nonlinearityAt(),
                    "nonlinearity of layer '" + layer.name() + "'", nonlinearity.name());
            valid = false;
        }
        return valid;
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, RecurrentSpec recurrent, List<TensorShape> inputs,
            String flattenedBy, Findings findings) {
        TensorShape input = inputs.get(0);
        if (!Sequences.require(layer, what, input, flattenedBy, findings)) {
            return null;
        }
        return Recurrence.figures(layer, recurrent, input, settings(recurrent));
    }

    @Override
    protected TensorShape unknownShape(RecurrentSpec recurrent, TensorShape input) {
        return TensorShape.unknownSizes((long) recurrent.directions() * Math.max(1, recurrent.hidden().value()), 1);
    }

    /** E.g. {@code "hidden=650 layers=2"}, {@code "hidden=20 layers=1 bidirectional no-bias relu"}. */
    private static String settings(RecurrentSpec recurrent) {
        ActivationFunction nonlinearity = recurrent.cell().nonlinearity();
        return "hidden=" + recurrent.hidden().value() + " layers=" + recurrent.layers().value()
                + (recurrent.bidirectional() ? " bidirectional" : "") + (recurrent.bias() ? "" : " no-bias")
                + (nonlinearity == null ? "" : " " + nonlinearity.name().toLowerCase(Locale.ROOT));
    }

    @Override
    protected GradientWork gradients(RecurrentSpec recurrent, List<TensorShape> inputs, LayerFigures figures) {
        return Recurrence.gradients(recurrent, inputs.get(0), figures);
    }
}
