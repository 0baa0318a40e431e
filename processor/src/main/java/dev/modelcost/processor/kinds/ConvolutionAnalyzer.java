package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.Dimensions;
import dev.modelcost.processor.analysis.Divisors;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.Numbers;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.LayerDecl;

/**
 * Shape and cost of convolutions and transposed convolutions, grouped or not, in any number of spatial
 * dimensions, following the im2col / col2im derivation (docs/FORMULAS.md#convolutions): a convolution's multiplications
 * run over its output positions, a transposed convolution's over its input positions.
 */
final class ConvolutionAnalyzer {

    /**
     * The layer's figures, or null when it has a problem, which is added to {@code findings}.
     *
     * @param flattenedBy the layer that removed the spatial dimensions, or null
     */
    LayerFigures analyze(LayerDecl layer, ConvSpec conv, TensorShape input, String flattenedBy, Findings findings) {
        int rank = input.rank();
        if (rank == 0) {
            Dimensions.reportNoSpatialInput(layer, "a convolution", "use @Dense", input, flattenedBy, findings);
            return null;
        }
        boolean fits = Dimensions.fit(layer, rank, findings, conv.kernel(), conv.stride(), conv.padding(),
                conv.dilation())
                & (conv.outputPadding() == null || Dimensions.fit(layer, rank, findings, conv.outputPadding()));
        if (!fits) {
            return null;
        }
        Geometry g = new Geometry(conv, rank);
        long inChannels = input.channels();
        long outChannels = conv.out().value();
        long groups = conv.grouping() == null ? 1 : conv.grouping().groupsFor(inChannels);
        boolean valid = groupsDivide(layer, conv, groups, inChannels, outChannels, findings)
                & outputPaddingFits(layer, conv, g, findings);
        if (!valid || !input.sizesKnown()) {
            return null;
        }
        long[] outSizes = new long[rank];
        for (int i = 0; i < rank; i++) {
            outSizes[i] = conv.transposed()
                    ? transposedSize(layer, conv, g, input.size(i), i)
                    : size(conv, g, input.size(i), i);
            if (outSizes[i] < 1) {
                reportTooSmall(layer, conv, g, input.size(i), outSizes[i], i, findings);
                return null;
            }
            Exact.checkInt("output size of layer '" + layer.name() + "'", outSizes[i]);
        }
        TensorShape output = TensorShape.of(outChannels, outSizes);
        return figures(layer, conv, g, groups, input, output);
    }

    /** Kernel, stride, padding, dilation and output padding, one value per dimension. */
    private record Geometry(int[] kernel, int[] stride, int[] padding, int[] dilation, int[] outputPadding) {
        Geometry(ConvSpec conv, int rank) {
            this(conv.kernel().forRank(rank), conv.stride().forRank(rank), conv.padding().forRank(rank),
                    conv.dilation().forRank(rank),
                    conv.outputPadding() == null ? new int[rank] : conv.outputPadding().forRank(rank));
        }

        /** {@code d (k - 1)}: how far the first and last taps of the kernel lie apart. */
        long span(int i) {
            return (long) dilation[i] * (kernel[i] - 1);
        }
    }

    /** Convolution: {@code floor((S + 2p - d(k - 1) - 1) / s) + 1}, or {@code ceil(S / s)} with SAME. */
    private static long size(ConvSpec conv, Geometry g, long in, int i) {
        if (conv.same()) {
            return Math.floorDiv(in + g.stride[i] - 1, g.stride[i]);
        }
        return Math.floorDiv(in + 2L * g.padding[i] - g.span(i) - 1, g.stride[i]) + 1;
    }

    /** Transposed: {@code (S - 1)s - 2p + d(k - 1) + op + 1}, or {@code S * s} with SAME. */
    private static long transposedSize(LayerDecl layer, ConvSpec conv, Geometry g, long in, int i) {
        String figure = "output size of layer '" + layer.name() + "'";
        if (conv.same()) {
            return Exact.multiply(figure, in, g.stride[i]);
        }
        long stretched = Exact.multiply(figure, in - 1, g.stride[i]);
        return Exact.add(figure, stretched, g.span(i) + g.outputPadding[i] + 1 - 2L * g.padding[i]);
    }

    private static LayerFigures figures(LayerDecl layer, ConvSpec conv, Geometry g, long groups, TensorShape input,
            TensorShape output) {
        String of = " of layer '" + layer.name() + "'";
        long[] kernel = new long[g.kernel.length];
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = g.kernel[i];
        }
        long kernelTaps = Exact.product("kernel size" + of, kernel);
        long inChannels = input.channels();
        long outChannels = output.channels();
        // A convolution multiplies once per output position, input channel of its group and kernel tap; its
        // transpose once per *input* position, output channel of its group and tap, before col2im scatters.
        long macs = conv.transposed()
                ? Exact.product("MACs" + of, inChannels, input.spatialElements("MACs" + of), outChannels / groups,
                        kernelTaps)
                : Exact.product("MACs" + of, outChannels, output.spatialElements("MACs" + of), inChannels / groups,
                        kernelTaps);
        long outElements = output.elements("activations" + of);
        long biasAdds = conv.bias() ? outElements : 0;
        // Cout * (Cin / g) * taps for both: the transposed weight, Cin x (Cout / g) x taps, holds as many.
        long weights = Exact.product("parameters" + of, outChannels, inChannels / groups, kernelTaps);
        long params = Exact.add("parameters" + of, weights, conv.bias() ? outChannels : 0);
        long flops = Exact.add("FLOPs" + of, Exact.multiply("FLOPs" + of, 2, macs), biasAdds);
        return new LayerFigures(layer, settings(conv, g, groups), input, output, macs, biasAdds, flops, params,
                outElements);
    }

    private static String settings(ConvSpec conv, Geometry g, long groups) {
        StringBuilder text = new StringBuilder()
                .append("k=").append(Dimensions.dims(g.kernel))
                .append(" s=").append(Dimensions.dims(g.stride))
                .append(" p=").append(conv.same() ? "same" : Dimensions.dims(g.padding));
        if (!Dimensions.allEqual(g.dilation, 1)) {
            text.append(" d=").append(Dimensions.dims(g.dilation));
        }
        if (!Dimensions.allEqual(g.outputPadding, 0)) {
            text.append(" op=").append(Dimensions.dims(g.outputPadding));
        }
        if (groups != 1) {
            text.append(" g=").append(groups);
        }
        if (!conv.bias()) {
            text.append(" no-bias");
        }
        return text.toString();
    }

    private static boolean groupsDivide(LayerDecl layer, ConvSpec conv, long groups, long in, long out,
            Findings findings) {
        if (in % groups == 0 && out % groups == 0) {
            return true;
        }
        String side = in % groups != 0 ? "input" : "output";
        long channels = in % groups != 0 ? in : out;
        Position at = conv.grouping().depthwise() ? conv.grouping().depthwisePosition()
                : conv.grouping().count().position();
        String fix;
        if (conv.grouping().depthwise()) {
            long below = out / in * in;
            fix = "a depthwise layer needs out to be a multiple of its " + in + " input channels, e.g. "
                    + (below == 0 ? Long.toString(in) : below + " or " + (below + in));
        } else {
            fix = "valid group counts for " + in + " -> " + out + " channels: "
                    + Divisors.commonNearText(in, out, groups);
        }
        findings.add(Diagnostic.GROUPS_DO_NOT_DIVIDE, at, layer.name(), groups, side, channels, fix);
        return false;
    }

    private static boolean outputPaddingFits(LayerDecl layer, ConvSpec conv, Geometry g, Findings findings) {
        for (int i = 0; i < g.outputPadding.length; i++) {
            int limit = Math.max(g.stride[i], g.dilation[i]);
            if (g.outputPadding[i] >= limit) {
                findings.add(Diagnostic.OUTPUT_PADDING_TOO_LARGE, conv.outputPadding().position(i), layer.name(),
                        g.outputPadding[i], i + 1, g.stride[i], g.dilation[i], limit - 1);
                return false;
            }
        }
        return true;
    }

    private static void reportTooSmall(LayerDecl layer, ConvSpec conv, Geometry g, long in, long out, int i,
            Findings findings) {
        String settings = "kernel " + g.kernel[i] + ", stride " + g.stride[i] + ", padding " + g.padding[i]
                + ", dilation " + g.dilation[i];
        if (conv.transposed()) {
            long maxPadding = ((in - 1) * g.stride[i] + g.span(i) + g.outputPadding[i]) / 2;
            findings.add(Diagnostic.OUTPUT_TOO_SMALL, conv.padding().position(i), layer.name(), out, i + 1, in,
                    settings, "use a padding of at most " + Numbers.grouped(maxPadding));
        } else {
            long reach = g.span(i) + 1;
            long minPadding = (reach - in + 1) / 2;
            long minInput = reach - 2L * g.padding[i];
            findings.add(Diagnostic.OUTPUT_TOO_SMALL, conv.kernel().position(i), layer.name(), out, i + 1, in,
                    settings, "use a padding of at least " + Numbers.grouped(minPadding) + ", or an input of at least "
                            + Numbers.grouped(minInput) + " there");
        }
    }
}
