package dev.modelcost;

/** How {@link Upsample} computes new values. */
public enum UpsampleMode {
    /** Copies the nearest input value: no operations. */
    NEAREST,
    /** Interpolates linearly between neighbours in every spatial dimension. */
    BILINEAR
}
