package demo;

import dev.modelcost.Budget;
import dev.modelcost.Conv;
import dev.modelcost.Deconv;
import dev.modelcost.Dense;
import dev.modelcost.Grouped;
import dev.modelcost.Layer;
import dev.modelcost.Network;
import dev.modelcost.Shape;

@Network(input = @Shape(channels = 3, size = {224, 224}))
@Budget(macs = 600_000_000L, params = 9_000_000L)
public class TinyNet {
    @Conv(out = 32, kernel = 3, stride = 2, padding = 1) Layer stem;
    @Conv(out = 32, kernel = 3, padding = 1) @Grouped(32) Layer dw;
    @Conv(out = 64, kernel = 1) Layer pw;
    @Deconv(out = 16, kernel = 4, stride = 2, padding = 1) Layer up;
    @Dense(out = 10) Layer head;
}
