package dev.modelcost;

/** What a layer computes; the key to which counting rule applies to it. */
public enum LayerKind {
    /** A convolution, grouped or not ({@link Conv}). */
    CONV,
    /** A transposed convolution, grouped or not ({@link Deconv}). */
    DECONV,
    /** A fully connected layer ({@link Dense}). */
    DENSE
}
