package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.Dimensions;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.Numbers;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;
import java.util.Arrays;

/**
 * Shape and cost of pooling: windowed (PyTorch's output size, ceil mode included), global, and adaptive (PyTorch's
 * windows, which may overlap). Every kind counts one operation per element of every window and has no
 * parameters.
 */
final class PoolingAnalyzer {

    LayerFigures pool(LayerDecl layer, PoolSpec pool, TensorShape input, Findings findings) {
        int rank = input.rank();
        IntsValue stride = pool.stride() == null ? pool.kernel() : pool.stride();
        // A stride left empty is the kernel: checked once, as the kernel.
        IntsValue[] written = pool.stride() == null
                ? new IntsValue[] {pool.kernel(), pool.padding(), pool.dilation()}
                : new IntsValue[] {pool.kernel(), pool.stride(), pool.padding(), pool.dilation()};
        if (!Dimensions.fit(layer, rank, findings, written)) {
            return null;
        }
        int[] k = pool.kernel().forRank(rank);
        int[] s = stride.forRank(rank);
        int[] p = pool.padding().forRank(rank);
        int[] d = pool.dilation().forRank(rank);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            long reach = (long) d[i] * (k[i] - 1) + 1;
            // PyTorch's rule: a window of padding alone would pool nothing.
            if (p[i] > reach / 2) {
                findings.add(Diagnostic.POOL_PADDING_TOO_LARGE, pool.padding().position(i), layer.name(), p[i], i + 1,
                        reach, reach / 2);
                return null;
            }
            long span = input.size(i) + 2L * p[i] - reach;
            out[i] = (pool.ceilMode() ? -Math.floorDiv(-span, s[i]) : Math.floorDiv(span, s[i])) + 1;
            // PyTorch: with ceil mode, a last window that would start in the right padding is dropped.
            if (pool.ceilMode() && (out[i] - 1) * s[i] >= input.size(i) + p[i]) {
                out[i]--;
            }
            if (out[i] < 1) {
                findings.add(Diagnostic.OUTPUT_TOO_SMALL, pool.kernel().position(i), layer.name(), out[i], i + 1,
                        input.size(i), "window " + k[i] + ", stride " + s[i] + ", padding " + p[i],
                        "use a padding of at least " + Numbers.grouped((reach - input.size(i) + 1) / 2)
                                + ", or a smaller window");
                return null;
            }
            // Half a window of padding on each side can still make the output one more than an input of
            // Integer.MAX_VALUE.
            Exact.checkInt("output size of layer '" + layer.name() + "'", out[i]);
        }
        TensorShape output = TensorShape.of(input.channels(), out);
        String of = " of layer '" + layer.name() + "'";
        long[] window = new long[k.length];
        for (int i = 0; i < k.length; i++) {
            window[i] = k[i];
        }
        long taps = Exact.product("window size" + of, window);
        long flops = Exact.multiply("FLOPs" + of, output.elements("activations" + of), taps);
        String settings = "k=" + Dimensions.dims(k) + " s=" + Dimensions.dims(s) + " p=" + Dimensions.dims(p)
                + (pool.ceilMode() ? " ceil" : "");
        return LayerFigures.operations(layer, settings, input, output, flops, 0);
    }

    LayerFigures global(LayerDecl layer, TensorShape input) {
        long[] ones = new long[input.rank()];
        Arrays.fill(ones, 1);
        return LayerFigures.operations(layer, "global", input, TensorShape.of(input.channels(), ones),
                input.elements("FLOPs of layer '" + layer.name() + "'"), 0);
    }

    LayerFigures adaptive(LayerDecl layer, IntsValue adaptiveSize, TensorShape input,
            Findings findings) {
        String of = " of layer '" + layer.name() + "'";
        if (!Dimensions.fit(layer, input.rank(), findings, adaptiveSize)) {
            return null;
        }
        int[] size = adaptiveSize.forRank(input.rank());
        long[] out = new long[size.length];
        long windowElements = 1;
        for (int i = 0; i < size.length; i++) {
            out[i] = size[i];
            windowElements = Exact.multiply("FLOPs" + of, windowElements, windowSum(input.size(i), size[i]));
        }
        long flops = Exact.multiply("FLOPs" + of, input.channels(), windowElements);
        return LayerFigures.operations(layer, "adaptive " + Dimensions.dims(size), input,
                TensorShape.of(input.channels(), out), flops, 0);
    }

    /**
     * The summed lengths of PyTorch's adaptive windows over one dimension: window {@code i} of {@code out} spans
     * {@code floor(i*in/out)} to {@code ceil((i+1)*in/out)}. Closed form, so a huge size costs no loop.
     */
    static long windowSum(long in, long out) {
        // sum_{i<out} ceil((i+1)in/out) = sum_{j=0..out} floor((j*in + out - 1)/out), the j = 0 term being 0
        return floorSum(out + 1, out, in, out - 1) - floorSum(out, out, in, 0);
    }

    /** {@code sum_{i=0}^{n-1} floor((a*i + b) / m)} for non-negative arguments, in O(log) steps. */
    static long floorSum(long n, long m, long a, long b) {
        long sum = 0;
        while (true) {
            if (a >= m) {
                sum = Math.addExact(sum, Math.multiplyExact(Math.multiplyExact(n, n - 1) / 2, a / m));
                a %= m;
            }
            if (b >= m) {
                sum = Math.addExact(sum, Math.multiplyExact(n, b / m));
                b %= m;
            }
            long yMax = Math.addExact(Math.multiplyExact(a, n), b);
            if (yMax < m) {
                return sum;
            }
            n = yMax / m;
            b = yMax % m;
            long swap = m;
            m = a;
            a = swap;
        }
    }
}
