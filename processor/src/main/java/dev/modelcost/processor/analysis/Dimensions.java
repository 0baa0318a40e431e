package dev.modelcost.processor.analysis;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;

/** Per-dimension attributes: whether they fit the input's rank, and how settings show them. */
public final class Dimensions {
    private Dimensions() {
    }

    /** Whether every value has 1 entry or one per spatial dimension; reports each one that does not. */
    public static boolean fit(LayerDecl layer, int rank, Findings findings, IntsValue... values) {
        boolean fit = true;
        for (IntsValue value : values) {
            if (!value.fits(rank)) {
                String fix = rank == 1 ? "give 1 value" : "give 1 value for all of them or " + rank + ", one each";
                findings.add(Diagnostic.WRONG_ARITY, value.position(), value.label(), value.values().length,
                        layer.name(), rank, rank == 1 ? "" : "s", fix);
                fit = false;
            }
        }
        return fit;
    }

    /**
     * Reports a layer that works over spatial dimensions whose input has none (MC111).
     *
     * @param what what the layer is, e.g. {@code "a convolution"}
     * @param instead the other way out, besides moving it, e.g. {@code "use @Dense"}
     * @param flattenedBy the layer that removed the spatial dimensions, or null for an input without any
     */
    public static void reportNoSpatialInput(LayerDecl layer, String what, String instead, TensorShape input,
            String flattenedBy, Findings findings) {
        String why = flattenedBy == null ? " (the network's input has no size)" : " ('" + flattenedBy
                + "' flattened it)";
        String fix = flattenedBy == null ? "give @Shape a size, or " + instead
                : "move it before '" + flattenedBy + "', or " + instead;
        findings.add(Diagnostic.NO_SPATIAL_INPUT, layer.annotation(), layer.name(), what, input, why, fix);
    }

    /** {@code {3, 3}} as {@code "3"}, {@code {1, 7}} as {@code "1x7"}. */
    public static String dims(int[] values) {
        if (allEqual(values, values[0])) {
            return Integer.toString(values[0]);
        }
        StringBuilder text = new StringBuilder().append(values[0]);
        for (int i = 1; i < values.length; i++) {
            text.append('x').append(values[i]);
        }
        return text.toString();
    }

    /** Whether every value is {@code value}. */
    public static boolean allEqual(int[] values, int value) {
        for (int v : values) {
            if (v != value) {
                return false;
            }
        }
        return true;
    }
}
