package dev.modelcost.processor.analysis;

/**
 * What one layer's backward pass can compute, per sample, by its kind's rule (docs/FORMULAS.md#the-backward-pass):
 * which of it runs depends on the graph, so each part is counted apart.
 *
 * @param inputMacs multiply-accumulates of the gradient with respect to its input(s): run only when something
 *     trainable lies before the layer
 * @param inputOps the other operations of that input gradient
 * @param innerMacs multiply-accumulates of the gradients of what the layer computes in between (attention's
 *     scores, queries, keys and values; a gated MLP's hidden values; a recurrence's state over the steps, and the
 *     inputs of its upper layers), which the input and weight gradients both need: run when either runs
 * @param innerOps the other operations of those gradients
 * @param weightMacs multiply-accumulates of the weight gradients: run only when the layer is trainable
 * @param weightOps the other operations of the parameter gradients: bias gradients, one addition per output
 *     element with a bias, and the scale and shift gradients of a normalization
 * @param trainable whether it has weights to train: its own or a shared matrix, and not {@code @Frozen}
 */
public record GradientWork(long inputMacs, long inputOps, long innerMacs, long innerOps, long weightMacs,
        long weightOps, boolean trainable) {

    /** An input gradient of {@code ops} operations and no multiply-accumulates, and nothing else. */
    public static GradientWork inputOps(long ops) {
        return new GradientWork(0, ops, 0, 0, 0, 0, false);
    }

    /** A layer with only parameter gradients of {@code ops} operations: its input gradient is the output's. */
    public static GradientWork weightOps(long ops) {
        return new GradientWork(0, 0, 0, 0, 0, ops, false);
    }

    /** These counts with {@code more} further operations in the parameter gradients. */
    public GradientWork plusWeightOps(String figure, long more) {
        return new GradientWork(inputMacs, inputOps, innerMacs, innerOps, weightMacs,
                Exact.add(figure, weightOps, more), trainable);
    }

    /** These counts, for a layer that is trainable or not. */
    public GradientWork trainable(boolean trainable) {
        return new GradientWork(inputMacs, inputOps, innerMacs, innerOps, weightMacs, weightOps, trainable);
    }
}
