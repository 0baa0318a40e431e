package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.model.LayerDecl;

/**
 * The figures of a stack of recurrent layers on {@code d x {L}} (docs/FORMULAS.md#recurrent-layers), hidden
 * {@code h}, {@code g} gates, {@code dirs} directions, in PyTorch's convention. Per direction, the first layer
 * takes {@code in = d}, each one above it {@code in = dirs * h}; its weights are {@code g*h*(in + h)}, which is
 * also its multiply-accumulates per step; with bias its two vectors add {@code 2*g*h} parameters and as many
 * additions per step. The weights are read once per sequence in bytes moved; the output, {@code dirs*h x {L}},
 * is its activations. The figures are worked out in closed form, so that a stack of any height costs no time.
 */
final class Recurrence {
    private Recurrence() {
    }

    static LayerFigures figures(LayerDecl layer, RecurrentSpec recurrent, TensorShape input, String settings) {
        String of = " of layer '" + layer.name() + "'";
        long hidden = recurrent.hidden().value();
        long layers = recurrent.layers().value();
        long directions = recurrent.directions();
        long gates = recurrent.cell().gates();
        long steps = input.size(0);
        long gateRows = Exact.multiply("parameters" + of, gates, hidden);
        long firstLayer = Exact.multiply("parameters" + of, gateRows, Exact.add("parameters" + of,
                input.channels(), hidden));
        long upperLayer = Exact.multiply("parameters" + of, gateRows, Exact.multiply("parameters" + of,
                directions + 1, hidden));
        long perDirection = Exact.add("parameters" + of, firstLayer,
                Exact.multiply("parameters" + of, layers - 1, upperLayer));
        long weights = Exact.multiply("parameters" + of, directions, perDirection);
        long cells = Exact.multiply("parameters" + of, directions, layers); // one cell per layer and direction
        long biases = recurrent.bias() ? Exact.product("parameters" + of, cells, 2, gateRows) : 0;
        long params = Exact.add("parameters" + of, weights, biases);

        long macs = Exact.multiply("MACs" + of, steps, weights);
        long biasAdds = Exact.multiply("bias additions" + of, steps, biases);
        long elementwise = Exact.product("FLOPs" + of, steps, cells, recurrent.cell().operationsPerUnit(), hidden);
        long flops = Exact.add("FLOPs" + of, Exact.add("FLOPs" + of, Exact.multiply("FLOPs" + of, 2, macs),
                biasAdds), elementwise);
        long channels = Exact.checkInt("output channels" + of, Exact.multiply("output channels" + of, directions,
                hidden));
        TensorShape output = TensorShape.of(channels, steps);
        return new LayerFigures(layer, settings, input, output, macs, biasAdds, flops, params,
                output.elements("activations" + of));
    }

    /**
     * Back through the steps (docs/FORMULAS.md#the-backward-pass): at every step, layer and direction, each weight
     * takes one multiply-accumulate in the weight gradients ({@code dW += dz x^T}, {@code dz h^T}: the forward's
     * MACs) and one in the adjoint products ({@code W^T dz}): those of the first layer's {@code weight_ih} are the
     * input gradient, the others (the state's through {@code weight_hh}, the upper layers' inputs) are needed for
     * the weights' too. The cell's element-wise gradients count its forward operations and one multiplication
     * per gate, {@code (e + g) h}; the bias gradients the forward's bias additions.
     */
    static GradientWork gradients(RecurrentSpec recurrent, TensorShape input, LayerFigures figures) {
        String of = "backward MACs of layer '" + figures.layer().name() + "'";
        long hidden = recurrent.hidden().value();
        long directions = recurrent.directions();
        long steps = input.size(0);
        long gates = recurrent.cell().gates();
        long inputMacs = Exact.product(of, steps, directions, gates, hidden, input.channels());
        long cells = Exact.multiply(of, directions, recurrent.layers().value());
        long elementwise = Exact.product(of, steps, cells, recurrent.cell().operationsPerUnit() + gates, hidden);
        return new GradientWork(inputMacs, 0, figures.macs() - inputMacs, elementwise, figures.macs(),
                figures.biasAdds(), false);
    }
}
