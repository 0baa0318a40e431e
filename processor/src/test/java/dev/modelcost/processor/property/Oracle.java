package dev.modelcost.processor.property;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * What a naive implementation of each layer actually does, counted rather than computed: output sizes come from
 * placing windows (or scattering taps) one by one, multiplications from the loops a textbook convolution,
 * transposed convolution or matrix product runs. Nothing here uses the closed-form formulas the processor
 * implements, so agreement between the two means something.
 *
 * <p>The convention (docs/FORMULAS.md#convolutions) counts a product with a padded zero like any other: a convolution
 * multiplies at every (output position, input channel of the group, kernel tap), a transposed convolution at
 * every (input position, output channel of the group, kernel tap), wherever the tap lands.
 */
final class Oracle {
    private Oracle() {
    }

    /** Multiplications counted, and the sizes the loops found (see each loop for which sizes). */
    record Counted(long multiplications, int[] sizes) {
    }

    /** How one spatial dimension of a convolution is swept: kernel, stride, dilation and padding on each side. */
    record Sweep(int kernel, int stride, int dilation, int padBefore, int padAfter) {
        /** How many input elements one window spans, from its first tap to its last. */
        int reach() {
            return dilation * (kernel - 1) + 1;
        }
    }

    /** Windows placed every {@code stride} from the start of the padded input, kept while they fit in it. */
    static int windows(int in, Sweep sweep) {
        int count = 0;
        for (int start = -sweep.padBefore(); start + sweep.reach() <= in + sweep.padAfter(); start += sweep.stride()) {
            count++;
        }
        return count;
    }

    /**
     * TensorFlow's "SAME" padding, as its documentation defines it (not via the output size): the padding a
     * window of this reach needs beyond the input, given where the last stride ends; the odd one goes at the end.
     */
    static Sweep same(int in, int kernel, int stride, int dilation) {
        int reach = dilation * (kernel - 1) + 1;
        int total = Math.max(reach - (in % stride == 0 ? stride : in % stride), 0);
        return new Sweep(kernel, stride, dilation, total / 2, total - total / 2);
    }

    /**
     * The uncropped extent of a transposed convolution over one dimension: input element {@code i} scatters tap
     * {@code t} to position {@code i * stride + t * dilation}; the extent is one past the furthest.
     */
    static int scatterExtent(int in, int kernel, int stride, int dilation) {
        int furthest = -1;
        for (int i = 0; i < in; i++) {
            for (int t = 0; t < kernel; t++) {
                furthest = Math.max(furthest, i * stride + t * dilation);
            }
        }
        return furthest + 1;
    }

    /**
     * A "SAME" transposed convolution's output size: it is the adjoint of a "SAME" convolution, so its output is
     * a size that such a convolution maps back to the input size; of those, TensorFlow takes the largest.
     */
    static int sameTransposedSize(int in, int kernel, int stride, int dilation) {
        for (int out = (in + 1) * stride; out >= 1; out--) {
            if (windows(out, same(out, kernel, stride, dilation)) == in) {
                return out;
            }
        }
        throw new IllegalStateException("no SAME convolution maps back to " + in);
    }

    /**
     * Pooling windows as PyTorch places them: full windows across the padded input; in ceil mode one more,
     * partial, window when the last full one stopped short of the end, unless it would start in the right
     * padding. The caller keeps PyTorch's own preconditions: padding at most half the reach, and a first window
     * that fits.
     */
    static int poolWindows(int in, int kernel, int stride, int padding, int dilation, boolean ceilMode) {
        int reach = dilation * (kernel - 1) + 1;
        int padded = in + 2 * padding;
        int count = 0;
        for (int start = 0; ; start += stride) {
            if (start + reach <= padded) {
                count++;
                continue;
            }
            boolean lastFullStoppedShort = start - stride + reach < padded;
            if (ceilMode && lastFullStoppedShort && start < in + padding) {
                count++;
            }
            return count;
        }
    }

    /**
     * A grouped convolution, literally: for every output position, every output channel, every input channel of
     * that channel's group and every kernel tap, one multiplication (by a padded zero when the tap falls in the
     * padding).
     */
    static Counted convolution(int inChannels, int[] inSizes, int outChannels, int groups, Sweep[] sweeps) {
        int rank = inSizes.length;
        int[] outSizes = new int[rank];
        int[] kernel = new int[rank];
        for (int d = 0; d < rank; d++) {
            outSizes[d] = windows(inSizes[d], sweeps[d]);
            kernel[d] = sweeps[d].kernel();
        }
        int inPerGroup = inChannels / groups;
        int outPerGroup = outChannels / groups;
        long multiplications = 0;
        for (int[] position : box(outSizes)) {
            for (int out = 0; out < outChannels; out++) {
                int group = out / outPerGroup;
                for (int in = group * inPerGroup; in < (group + 1) * inPerGroup; in++) {
                    for (int[] tap : box(kernel)) {
                        for (int d = 0; d < rank; d++) {
                            Sweep s = sweeps[d];
                            int x = position[d] * s.stride() - s.padBefore() + tap[d] * s.dilation();
                            if (x < -s.padBefore() || x >= inSizes[d] + s.padAfter()) {
                                throw new IllegalStateException("a window left the padded input");
                            }
                        }
                        multiplications++;
                    }
                }
            }
        }
        return new Counted(multiplications, outSizes);
    }

    /**
     * A grouped transposed convolution, literally: every input position, every input channel, every output
     * channel of that channel's group and every tap multiplies once and scatters its product to position
     * {@code i * stride + t * dilation} of the uncropped output. Returns the multiplications and the uncropped
     * extent the scattering reached; the caller cuts the padding from it.
     */
    static Counted transposedConvolution(int inChannels, int[] inSizes, int outChannels, int groups, int[] kernel,
            int[] stride, int[] dilation) {
        int rank = inSizes.length;
        int[] extent = new int[rank];
        int inPerGroup = inChannels / groups;
        int outPerGroup = outChannels / groups;
        long multiplications = 0;
        for (int[] position : box(inSizes)) {
            for (int in = 0; in < inChannels; in++) {
                int group = in / inPerGroup;
                for (int out = group * outPerGroup; out < (group + 1) * outPerGroup; out++) {
                    for (int[] tap : box(kernel)) {
                        for (int d = 0; d < rank; d++) {
                            extent[d] = Math.max(extent[d], position[d] * stride[d] + tap[d] * dilation[d] + 1);
                        }
                        multiplications++;
                    }
                }
            }
        }
        return new Counted(multiplications, extent);
    }

    /** A matrix-vector product on the flattened input: every input value times every output's weight. */
    static long dense(int inChannels, int[] inSizes, int outFeatures) {
        long multiplications = 0;
        for (int channel = 0; channel < inChannels; channel++) {
            for (int[] ignored : box(inSizes)) {
                for (int out = 0; out < outFeatures; out++) {
                    multiplications++;
                }
            }
        }
        return multiplications;
    }

    /** The operations a layer counts (FLOPs) and the parameters it has. */
    record Figures(long flops, long params) {
    }

    /**
     * A layer normalization over the channels, position by position (docs/FORMULAS.md#normalization): at every
     * position each of the {@code C} values costs 4 operations for the statistics and the normalization and, with
     * {@code affine}, 1 more for its channel's scale and shift; those two per channel are the parameters.
     */
    static Figures layerNorm(int channels, int[] sizes, boolean affine) {
        int perElement = affine ? 5 : 4;
        long flops = 0;
        for (int[] ignored : box(sizes)) {
            for (int channel = 0; channel < channels; channel++) {
                flops += perElement;
            }
        }
        long params = 0;
        for (int channel = 0; affine && channel < channels; channel++) {
            params += 2; // its gamma and its beta
        }
        return new Figures(flops, params);
    }

    /**
     * Every index of a box of these extents, in row-major order (one index for zero dimensions). The array is
     * reused from step to step: read it, do not keep it.
     */
    static Iterable<int[]> box(int[] extents) {
        return () -> new Iterator<>() {
            private final int[] index = new int[extents.length];
            private boolean more = Arrays.stream(extents).allMatch(e -> e > 0);
            private boolean started;

            @Override
            public boolean hasNext() {
                if (started && more) {
                    advance();
                    started = false;
                }
                return more;
            }

            private void advance() {
                for (int d = extents.length - 1; d >= 0; d--) {
                    if (++index[d] < extents[d]) {
                        return;
                    }
                    index[d] = 0;
                }
                more = false;
            }

            @Override
            public int[] next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                started = true;
                return index;
            }
        };
    }
}
