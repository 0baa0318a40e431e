package dev.modelcost.processor.analysis;

/**
 * The part of one layer's backward pass that a training step runs, per sample.
 *
 * @param inputGradient whether it computes its input gradient: something trainable lies before it
 * @param weightGradient whether it computes its weight gradients: it is trainable
 * @param macs multiply-accumulates of the gradients it computes
 * @param flops {@code 2 * macs} plus the other operations of those gradients
 */
public record LayerBackward(boolean inputGradient, boolean weightGradient, long macs, long flops) {
}
