package dev.modelcost.processor.kinds;

import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerSpec;

/**
 * The settings of a recurrent layer, as written.
 *
 * @param cell the cell it repeats at every step
 * @param hidden features of the hidden state
 * @param layers stacked layers
 * @param bidirectional whether each layer also runs backwards
 * @param bias whether each layer has its two bias vectors
 * @param nonlinearityAt where an Elman cell's function is written (null for a gated cell)
 */
record RecurrentSpec(RecurrentCell cell, IntValue hidden, IntValue layers, boolean bidirectional,
        boolean bias, Position nonlinearityAt) implements LayerSpec {

    /** 2 when bidirectional, else 1. */
    int directions() {
        return bidirectional ? 2 : 1;
    }
}
