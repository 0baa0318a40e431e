package dev.modelcost.processor.analysis;

import java.util.List;

/**
 * A network's backward pass, per sample, and a training step's operations (docs/FORMULAS.md#the-backward-pass).
 *
 * @param layers each layer's part, in declaration order
 * @param macs the multiply-accumulates of every gradient computed
 * @param flops the operations of every gradient computed: {@code 2 * macs} plus the others
 * @param trainingStepFlops the forward pass's {@code FLOPS} plus {@code flops}
 */
public record BackwardPass(List<LayerBackward> layers, long macs, long flops, long trainingStepFlops) {

    public BackwardPass {
        layers = List.copyOf(layers);
    }
}
