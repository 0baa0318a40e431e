package dev.modelcost.processor.property;

import dev.modelcost.processor.property.Semantics.Invalid;
import dev.modelcost.processor.property.Spec.Shape;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The shapes of the layers that only move elements, worked out the way PyTorch defines them: every element of
 * the input, by its index, is sent where the layer puts it, and the output is the box those indexes fill. A
 * layer is valid only when that is a bijection onto a box (each place filled once, none left empty), which is
 * how a size that does not divide or a map of other elements shows here, without the processor's formulas.
 * An index is the channel first, then the sizes, as {@link Shape#toArray()} lists the dimensions.
 */
final class SequenceOracle {
    private SequenceOracle() {
    }

    /** {@code x.flatten(2).transpose(1, 2)}: position {@code s} of channel {@code c} is token {@code s}, row-major. */
    static Shape tokens(Shape in) {
        if (in.rank() == 0) {
            throw new Invalid("tokens of a vector");
        }
        return walk(in, index -> new int[] {index[0], rowMajor(Arrays.copyOfRange(index, 1, index.length),
                in.sizes())});
    }

    /** Token {@code t} of channel {@code c} is the {@code t}-th position of the map, row-major. */
    static Shape toMap(Shape in, int[] size) {
        sequence(in);
        if (size.length == 0) {
            throw new Invalid("a map of no size");
        }
        Shape out = walk(in, index -> {
            int[] position = unravel(index[1], size);
            int[] where = new int[size.length + 1];
            where[0] = index[0];
            System.arraycopy(position, 0, where, 1, size.length);
            return where;
        });
        return declared(out, new Shape(in.channels(), size));
    }

    /** {@code x[:, index]}: the channels of one token; a negative index counts from the end. */
    static Shape selectToken(Shape in, int index) {
        sequence(in);
        int tokens = in.sizes()[0];
        int kept = index < 0 ? tokens + index : index;
        int channels = 0;
        for (int[] element : Oracle.box(in.toArray())) {
            if (element[1] == kept) {
                channels++;
            }
        }
        if (channels == 0) {
            throw new Invalid("token " + index + " of " + tokens);
        }
        return new Shape(channels, new int[0]);
    }

    /**
     * {@code reshape}: the elements in row-major order (channels first) laid out in the new dimensions; one entry
     * of -1 is the count that makes the elements fit, found by trying each.
     */
    static Shape reshape(Shape in, int channels, int[] size) {
        int[] entries = new int[size.length + 1];
        entries[0] = channels;
        System.arraycopy(size, 0, entries, 1, size.length);
        int elements = 0;
        for (int[] ignored : Oracle.box(in.toArray())) {
            elements++;
        }
        int inferred = -1;
        for (int d = 0; d < entries.length; d++) {
            if (entries[d] == -1 && inferred < 0) {
                inferred = d;
            } else if (entries[d] < 1) {
                throw new Invalid("reshape entry " + entries[d]);
            }
        }
        if (inferred >= 0) {
            entries[inferred] = fitting(elements, entries, inferred);
        }
        int[] target = entries;
        Shape out = walk(in, index -> unravel(rowMajor(index, in.toArray()), target));
        return declared(out, new Shape(target[0], Arrays.copyOfRange(target, 1, target.length)));
    }

    /** {@code permute}: output dimension {@code i} is input dimension {@code order[i]}. */
    static Shape permute(Shape in, int[] order) {
        int dimensions = in.rank() + 1;
        boolean[] seen = new boolean[dimensions];
        if (order.length != dimensions) {
            throw new Invalid("permutation of " + order.length + " for " + dimensions);
        }
        for (int d : order) {
            if (d < 0 || d >= dimensions || seen[d]) {
                throw new Invalid("not a permutation");
            }
            seen[d] = true;
        }
        return walk(in, index -> Arrays.stream(order).map(d -> index[d]).toArray());
    }

    /**
     * PyTorch's pixel shuffle ({@code view(C, r, r, H, W).permute(0, 3, 1, 4, 2)} in 2-D): channel
     * {@code c * r^k + offsets}, the offsets its base-{@code r} digits, goes to position {@code s * r + offset} of
     * channel {@code c} in every dimension. The unshuffle sends each element back.
     */
    static Shape pixelShuffle(Shape in, int r, boolean inverse) {
        if (in.rank() == 0 || r < 1) {
            throw new Invalid("pixel shuffle of a vector or by " + r);
        }
        int rank = in.rank();
        int block = 1;
        for (int d = 0; d < rank; d++) {
            block *= r;
        }
        int perBlock = block;
        return walk(in, index -> {
            int[] where = new int[rank + 1];
            if (inverse) {
                int offset = 0;
                for (int d = 0; d < rank; d++) {
                    offset = offset * r + index[d + 1] % r;
                    where[d + 1] = index[d + 1] / r;
                }
                where[0] = index[0] * perBlock + offset;
            } else {
                int offset = index[0] % perBlock;
                for (int d = rank - 1; d >= 0; d--) {
                    where[d + 1] = index[d + 1] * r + offset % r;
                    offset /= r;
                }
                where[0] = index[0] / perBlock;
            }
            return where;
        });
    }

    /** Whether {@code @Concat} along {@code axis} joins the two: the same rank, equal in every other dimension. */
    static boolean concatFits(Shape a, Shape b, int axis) {
        int[] x = a.toArray();
        int[] y = b.toArray();
        if (x.length != y.length || axis >= x.length) {
            return false;
        }
        for (int d = 0; d < x.length; d++) {
            if (d != axis && x[d] != y[d]) {
                return false;
            }
        }
        return true;
    }

    private static void sequence(Shape in) {
        if (in.rank() != 1) {
            throw new Invalid("not a sequence: " + in);
        }
    }

    /** The count that, in place of entry {@code at}, makes the entries' product the elements. */
    private static int fitting(int elements, int[] entries, int at) {
        for (int candidate = 1; candidate <= elements; candidate++) {
            long product = 1;
            for (int d = 0; d < entries.length; d++) {
                product *= d == at ? candidate : entries[d];
            }
            if (product == elements) {
                return candidate;
            }
        }
        throw new Invalid("no -1 fits " + elements + " elements");
    }

    /**
     * The box the input's elements fill when each is sent where {@code where} says; invalid unless every place of
     * that box receives exactly one element.
     */
    private static Shape walk(Shape in, Function<int[], int[]> where) {
        int[] extents = null;
        for (int[] element : Oracle.box(in.toArray())) {
            int[] to = where.apply(element.clone());
            if (extents == null) {
                extents = new int[to.length];
            }
            for (int d = 0; d < to.length; d++) {
                extents[d] = Math.max(extents[d], to[d] + 1);
            }
        }
        if (extents == null) {
            throw new Invalid("no elements");
        }
        int places = Arrays.stream(extents).reduce(1, Math::multiplyExact);
        boolean[] filled = new boolean[places];
        int count = 0;
        for (int[] element : Oracle.box(in.toArray())) {
            int place = rowMajor(where.apply(element.clone()), extents);
            if (filled[place]) {
                throw new Invalid("two elements in one place");
            }
            filled[place] = true;
            count++;
        }
        if (count != places) {
            throw new Invalid("places left empty");
        }
        return new Shape(extents[0], Arrays.copyOfRange(extents, 1, extents.length));
    }

    /** The walk's box must be the shape the layer declares (else the elements did not fit it). */
    private static Shape declared(Shape walked, Shape declared) {
        if (!walked.equals(declared)) {
            throw new Invalid("the elements fill " + walked + ", not " + declared);
        }
        return declared;
    }

    private static int rowMajor(int[] index, int[] extents) {
        int linear = 0;
        for (int d = 0; d < extents.length; d++) {
            linear = linear * extents[d] + index[d];
        }
        return linear;
    }

    /** The index of a row-major position; the first coordinate takes whatever is left (it may run past its extent). */
    private static int[] unravel(int linear, int[] extents) {
        int[] index = new int[extents.length];
        for (int d = extents.length - 1; d > 0; d--) {
            index[d] = linear % extents[d];
            linear /= extents[d];
        }
        if (extents.length > 0) {
            index[0] = linear;
        }
        return index;
    }
}
