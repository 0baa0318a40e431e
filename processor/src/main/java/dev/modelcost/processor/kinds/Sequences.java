package dev.modelcost.processor.kinds;

import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.LayerDecl;

/**
 * Sequences of tokens: a sequence of {@code L} tokens of {@code d} features is the shape {@code d x {L}}, what a
 * 1-D convolution sees too. The check every layer that needs one shares (MC160).
 */
public final class Sequences {
    private Sequences() {
    }

    /** Whether the shape is a sequence: channels and exactly one size. */
    public static boolean isSequence(TensorShape shape) {
        return shape.rank() == 1;
    }

    /**
     * Whether the input is a sequence; reports MC160 when it is not.
     *
     * @param what what the layer is, e.g. {@code "multi-head attention"}
     * @param flattenedBy the layer that removed the spatial dimensions of the input, or null
     */
    public static boolean require(LayerDecl layer, String what, TensorShape input, String flattenedBy,
            Findings findings) {
        if (isSequence(input)) {
            return true;
        }
        String why;
        String fix;
        if (input.rank() == 0) {
            why = flattenedBy == null ? " (the network's input has no size)" : " ('" + flattenedBy
                    + "' made it a vector)";
            fix = flattenedBy == null ? "give @Shape one size, the tokens: @Shape(channels = d, size = L)"
                    : "move it before '" + flattenedBy + "'";
        } else {
            why = " (a feature map of " + input.rank() + " sizes)";
            fix = "make the map a sequence of tokens first with @Tokens";
        }
        findings.add(Diagnostic.NOT_A_SEQUENCE, layer.annotation(), layer.name(), what, input, why, fix);
        return false;
    }
}
