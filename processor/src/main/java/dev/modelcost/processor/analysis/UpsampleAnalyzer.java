package dev.modelcost.processor.analysis;

import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.UpsampleSpec;
import java.util.stream.LongStream;

/**
 * Upsampling: the output size is the input's times the scale, or the size given. Nearest copies (no
 * operations); bilinear (linear, trilinear) weighs the {@code 2^d} neighbours of each output element in
 * {@code d} spatial dimensions: {@code 2^d} multiplications and {@code 2^d - 1} additions.
 */
final class UpsampleAnalyzer {

    LayerFigures upsample(LayerDecl layer, UpsampleSpec upsample, TensorShape input, Findings findings) {
        int rank = input.rank();
        IntsValue given = upsample.scale() != null ? upsample.scale() : upsample.size();
        if (!Dimensions.fit(layer, rank, findings, given)) {
            return null;
        }
        String of = " of layer '" + layer.name() + "'";
        int[] values = given.forRank(rank);
        long[] out = new long[rank];
        for (int i = 0; i < rank; i++) {
            out[i] = upsample.scale() != null
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
        String settings = (upsample.bilinear() ? "bilinear " : "nearest ")
                + (upsample.scale() != null ? "x" : "to ") + Dimensions.dims(values);
        return LayerFigures.operations(layer, settings, input, output, flops, 0);
    }
}
