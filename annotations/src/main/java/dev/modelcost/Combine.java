package dev.modelcost;

/** How a {@link Learned} tensor is combined with the layer's input. */
public enum Combine {
    /** Added element by element, sizes of 1 broadcast: a position embedding. One operation per output element. */
    ADD,
    /** Multiplied element by element, sizes of 1 broadcast: a layer scale. One operation per output element. */
    MULTIPLY,
    /** Placed before the input along its first size: a class token. No operations. */
    PREPEND
}
