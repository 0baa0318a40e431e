package dev.modelcost;

/**
 * The optimizer a network is trained with, which decides how many tensors of state it keeps per parameter
 * ({@link Training}).
 */
public enum Optimizer {
    /** Plain stochastic gradient descent: no state. */
    SGD(0),
    /** SGD with momentum (PyTorch's {@code SGD(momentum > 0)}): one momentum buffer per parameter. */
    SGD_MOMENTUM(1),
    /** Adam: a first and a second moment (momentum and variance) per parameter. */
    ADAM(2),
    /** AdamW: Adam's two moments; the decoupled weight decay keeps no state of its own. */
    ADAMW(2);

    private final int statesPerParameter;

    Optimizer(int statesPerParameter) {
        this.statesPerParameter = statesPerParameter;
    }

    /** Tensors of state the optimizer keeps per parameter, each of one element per parameter. */
    public int statesPerParameter() {
        return statesPerParameter;
    }
}
