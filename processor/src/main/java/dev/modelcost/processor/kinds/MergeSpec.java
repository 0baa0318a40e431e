package dev.modelcost.processor.kinds;

import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.LayerSpec;
import java.util.List;

/**
 * An element-wise layer of several inputs: {@code @Add} or {@code @Multiply}.
 *
 * @param inputs the names of the layers it takes, as written
 * @param position where the names are written
 */
public record MergeSpec(List<String> inputs, Position position) implements LayerSpec {

    public MergeSpec {
        inputs = List.copyOf(inputs);
    }
}
