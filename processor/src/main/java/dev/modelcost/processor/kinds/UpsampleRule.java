package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.GradientWork;
import dev.modelcost.LayerKind;
import dev.modelcost.Upsample;
import dev.modelcost.UpsampleMode;
import dev.modelcost.processor.analysis.Dimensions;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;
import java.util.List;
import java.util.stream.LongStream;

/**
 * {@code @Upsample}: the output size is the input's times the scale, or the size given. Nearest copies (no
 * operations); bilinear (linear, trilinear) weighs the {@code 2^d} neighbours of each output element in
 * {@code d} spatial dimensions: {@code 2^d} multiplications and {@code 2^d - 1} additions.
 */
final class UpsampleRule extends LayerRule<UpsampleSpec> {

    UpsampleRule() {
        super(Upsample.class, LayerKind.UPSAMPLE, UpsampleSpec.class);
    }

    @Override
    protected String noDecodeStep(UpsampleSpec spec) {
        return "it resizes the whole sequence";
    }

    @Override
    public UpsampleSpec read(LayerValues values) {
        boolean byScale = values.isGiven("scale");
        boolean bySize = values.isGiven("size");
        if (byScale == bySize) {
            throw values.fail(Diagnostic.ONE_OF, values.annotation(), values.layer(),
                    byScale ? "both scale and size" : "neither scale nor size", "scale or size");
        }
        boolean bilinear = values.enumValue("mode").equals(UpsampleMode.BILINEAR.name());
        return byScale ? new UpsampleSpec.ByScale(values.ints("scale"), bilinear)
                : new UpsampleSpec.ToSize(values.ints("size"), bilinear);
    }

    @Override
    protected boolean check(LayerDecl layer, UpsampleSpec upsample, Findings findings) {
        return Checks.atLeastOne(upsample.given(), findings);
    }

    @Override
    protected String spatialKind(UpsampleSpec spec) {
        return "an upsampling layer";
    }

    @Override
    protected LayerFigures analyze(LayerDecl layer, UpsampleSpec upsample, List<TensorShape> inputs,
            String flattenedBy, Findings findings) {
        TensorShape input = inputs.get(0);
        int rank = input.rank();
        IntsValue given = upsample.given();
        if (!Dimensions.fit(layer, rank, findings, given)) {
            return null;
        }
        boolean byScale = upsample instanceof UpsampleSpec.ByScale;
        String of = " of layer '" + layer.name() + "'";
        int[] values = given.forRank(rank);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            out[i] = byScale
                    ? Exact.checkInt("output size" + of, Exact.multiply("output size" + of, input.size(i), values[i]))
                    : values[i];
        }
        TensorShape output = TensorShape.of(input.channels(), out);
        long perElement = 0;
        if (upsample.bilinear()) {
            long neighbours = Exact.product("FLOPs" + of, LongStream.generate(() -> 2).limit(rank)
                    .toArray());
            perElement = Exact.add("FLOPs" + of, neighbours, neighbours - 1);
        }
        long flops = Exact.multiply("FLOPs" + of, perElement, output.elements("FLOPs" + of));
        String settings = (upsample.bilinear() ? "bilinear " : "nearest ") + (byScale ? "x" : "to ")
                + Dimensions.dims(values);
        return LayerFigures.operations(layer, settings, input, output, flops, 0);
    }

    /**
     * Each output gradient goes back to the input elements it was taken from: nearest, one addition into its
     * source; bilinear, into each of its {@code 2^d} neighbours, a multiplication by the weight and an addition,
     * {@code 2^(d+1)}: the forward's operations plus one per output element.
     */
    @Override
    protected GradientWork gradients(UpsampleSpec upsample, List<TensorShape> inputs, LayerFigures figures) {
        String of = "backward FLOPs of layer '" + figures.layer().name() + "'";
        return GradientWork.inputOps(Exact.add(of, figures.flops(), figures.activations()));
    }
}
