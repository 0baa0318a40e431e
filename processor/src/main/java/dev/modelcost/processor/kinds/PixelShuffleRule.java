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
import dev.modelcost.processor.model.LayerDecl;
import java.lang.annotation.Annotation;
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
        int r = spec.factor().value();
        int rank = input.rank();
        String of = " of layer '" + layer.name() + "'";
        long block = Exact.checkInt("channels" + of, Exact.product("channels" + of, blockOf(r, rank)));
        long[] sizes = input.sizes();
        long channels;
        if (inverse) {
            for (int d = 0; d < rank; d++) {
                if (sizes[d] % r != 0) {
                    long lower = sizes[d] / r * r;
                    findings.add(Diagnostic.SIZE_NOT_DIVISIBLE, spec.factor().position(), layer.name(), input, r,
                            sizes[d], d + 1, r, "make the size a multiple of " + r + " ("
                                    + (lower > 0 ? lower + " or " : "") + (lower + r) + "), or use a factor that "
                                    + "divides every size");
                    return null;
                }
                sizes[d] /= r;
            }
            channels = Exact.checkInt("channels" + of, Exact.multiply("channels" + of, input.channels(), block));
        } else {
            if (input.channels() % block != 0) {
                long lower = input.channels() / block * block;
                findings.add(Diagnostic.CHANNELS_NOT_DIVISIBLE, spec.factor().position(), layer.name(),
                        input.channels(), rank, r, input.channels(), r, rank, block, "give its input a multiple of "
                                + block + " channels (" + (lower > 0 ? lower + " or " : "") + (lower + block)
                                + "), or use a factor whose power divides " + input.channels());
                return null;
            }
            channels = input.channels() / block;
            for (int d = 0; d < rank; d++) {
                sizes[d] = Exact.checkInt("size" + of, Exact.multiply("size" + of, sizes[d], r));
            }
        }
        return LayerFigures.operations(layer, "r=" + r, input, TensorShape.of(channels, sizes), 0, 0);
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
