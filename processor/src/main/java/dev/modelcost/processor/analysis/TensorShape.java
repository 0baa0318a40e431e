package dev.modelcost.processor.analysis;

import java.util.Arrays;

/**
 * The shape of one sample flowing between layers: channels, then spatial sizes. After a layer that could
 * not be analyzed, the sizes are unknown but the rank and channels still are, so later layers can still be
 * checked for what does not depend on the sizes.
 *
 * @param channels channels (or features, with no spatial dimensions)
 * @param sizes spatial sizes; their count is the rank
 * @param sizesKnown whether {@code sizes} hold real values
 */
public record TensorShape(long channels, long[] sizes, boolean sizesKnown) {

    public TensorShape {
        sizes = sizes.clone();
    }

    /** A shape with known sizes. */
    public static TensorShape of(long channels, long... sizes) {
        return new TensorShape(channels, sizes, true);
    }

    /** A shape of this rank whose sizes are unknown. */
    public static TensorShape unknownSizes(long channels, int rank) {
        return new TensorShape(channels, new long[rank], false);
    }

    @Override
    public long[] sizes() {
        return sizes.clone();
    }

    /** Number of spatial dimensions. */
    public int rank() {
        return sizes.length;
    }

    /** Spatial size in dimension {@code i}, from 0. */
    public long size(int i) {
        return sizes[i];
    }

    /** Product of the spatial sizes (1 with none). */
    public long spatialElements(String figure) {
        return Exact.product(figure, sizes);
    }

    /** Channels times the spatial sizes. */
    public long elements(String figure) {
        return Exact.multiply(figure, channels, spatialElements(figure));
    }

    /** Channels then sizes, as {@code int}s for generated code (analysis checked that they fit). */
    public int[] toInts() {
        int[] ints = new int[sizes.length + 1];
        ints[0] = Math.toIntExact(channels);
        for (int i = 0; i < sizes.length; i++) {
            ints[i + 1] = Math.toIntExact(sizes[i]);
        }
        return ints;
    }

    /** E.g. {@code "3x224x224"}; unknown sizes show as {@code ?}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder().append(channels);
        for (long size : sizes) {
            text.append('x').append(sizesKnown ? Long.toString(size) : "?");
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorShape shape && channels == shape.channels
                && sizesKnown == shape.sizesKnown && Arrays.equals(sizes, shape.sizes);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(channels) + Arrays.hashCode(sizes);
    }
}
