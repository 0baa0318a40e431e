package dev.modelcost;

/** How a pooling window is reduced. */
public enum PoolMode {
    /** The mean of the window. */
    AVG,
    /** The maximum of the window. */
    MAX
}
