package dev.modelcost.processor.kinds;

import dev.modelcost.LayerKind;
import dev.modelcost.PixelShuffle;
import dev.modelcost.PixelUnshuffle;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.OverflowException;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerDecl;
import java.lang.annotation.Annotation;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * {@code @PixelShuffle(r)}: {@code C * r^k x S1 x ... x Sk} to {@code C x r*S1 x ... x r*Sk};
 * {@code @PixelUnshuffle(r)} the inverse. The elements stay the same: no operations, no parameters.
 */
final class PixelShuffleRule extends LayerRule<ShapeSpec.PixelShuffle> {
    private final boolean inverse;

    private PixelShuffleRule(Class<? extends Annotation> annotation, LayerKind kind, boolean inverse) {
        super(annotation, kind, ShapeSpec.PixelShuffle.class);
        this.inverse = inverse;
    }

    @Override
    protected String noDecodeStep(ShapeSpec.PixelShuffle spec) {
        return "it moves values between neighbouring tokens";
    }

    static PixelShuffleRule shuffle() {
        return new PixelShuffleRule(PixelShuffle.class, LayerKind.PIXEL_SHUFFLE, false);
    }

    static PixelShuffleRule unshuffle() {
        return new PixelShuffleRule(PixelUnshuffle.class, LayerKind.PIXEL_UNSHUFFLE, true);
    }

    @Override
    public ShapeSpec.PixelShuffle read(LayerValues values) {
        return new ShapeSpec.PixelShuffle(values.requiredInt("value"));
    }

    @Override
    protected boolean check(LayerDecl layer, ShapeSpec.PixelShuffle spec, Findings findings) {
        return Checks.atLeastOne(spec.factor(), findings);
    }

    @Override
    protected String spatialKind(ShapeSpec.PixelShuffle spec) {
        return inverse ? "a pixel unshuffle" : "a pixel shuffle";
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, ShapeSpec.PixelShuffle spec, List<TensorShape> inputs,
            String flattenedBy, Findings findings) {
        TensorShape input = inputs.get(0);
        TensorShape output = inverse ? unshuffled(layer, spec.factor(), input, findings)
                : shuffled(layer, spec.factor(), input, findings);
        return output == null ? null
                : LayerFigures.operations(layer, "r=" + spec.factor().value(), input, output, 0, 0);
    }

    /** {@code C x S} to {@code C / r^k x r*S}; null after MC165 when {@code r^k} does not divide {@code C}. */
    private static TensorShape shuffled(LayerDecl layer, IntValue factor, TensorShape input, Findings findings) {
        int r = factor.value();
        int rank = input.rank();
        // Exact whatever r and k: a block beyond the channels cannot divide them, and the message shows it.
        BigInteger block = BigInteger.valueOf(r).pow(rank);
        BigInteger channels = BigInteger.valueOf(input.channels());
        if (channels.mod(block).signum() != 0) {
            BigInteger lower = channels.divide(block).multiply(block);
            findings.add(Diagnostic.CHANNELS_NOT_DIVISIBLE, factor.position(), layer.name(), input.channels(), rank,
                    r, input.channels(), r, rank, block, "give its input a multiple of " + block + " channels ("
                            + (lower.signum() > 0 ? lower + " or " : "") + lower.add(block)
                            + "), or use a factor whose power divides " + input.channels());
            return null;
        }
        String of = " of layer '" + layer.name() + "'";
        long[] sizes = input.sizes();
        for (int d = 0; d < rank; d++) {
            sizes[d] = Exact.checkInt("size" + of, Exact.multiply("size" + of, sizes[d], r));
        }
        return TensorShape.of(channels.divide(block).longValueExact(), sizes);
    }

    /** {@code C x r*S} to {@code C r^k x S}; null after MC166 when {@code r} does not divide a size. */
    private static TensorShape unshuffled(LayerDecl layer, IntValue factor, TensorShape input, Findings findings) {
        int r = factor.value();
        long[] sizes = input.sizes();
        for (int d = 0; d < sizes.length; d++) {
            if (sizes[d] % r != 0) {
                long lower = sizes[d] / r * r;
                findings.add(Diagnostic.SIZE_NOT_DIVISIBLE, factor.position(), layer.name(), input, r, sizes[d],
                        d + 1, r, "make the size a multiple of " + r + " (" + (lower > 0 ? lower + " or " : "")
                                + (lower + r) + "), or use a factor that divides every size");
                return null;
            }
            sizes[d] /= r;
        }
        // Every size a multiple of r: r^k is at most their product, which fits a long.
        String figure = "channels of layer '" + layer.name() + "'";
        long block = Exact.product(figure, blockOf(r, sizes.length));
        return TensorShape.of(Exact.checkInt(figure, Exact.multiply(figure, input.channels(), block)), sizes);
    }

    @Override
    protected TensorShape unknownShape(ShapeSpec.PixelShuffle spec, TensorShape input) {
        long channels = input.channels();
        try {
            long block = Exact.product("channels", blockOf(Math.max(1, spec.factor().value()), input.rank()));
            if (inverse) {
                channels = Exact.multiply("channels", channels, block);
            } else if (channels % block == 0) {
                channels /= block;
            }
        } catch (OverflowException e) {
            // The layer already failed; its input's channels are the best guess left.
        }
        return TensorShape.unknownSizes(channels, input.rank());
    }

    /** {@code r} once per size: their product is {@code r^k}, the channels one output position gathers. */
    private static long[] blockOf(int r, int rank) {
        long[] factors = new long[rank];
        Arrays.fill(factors, r);
        return factors;
    }
}
