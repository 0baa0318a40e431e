package dev.modelcost;

import java.util.ArrayList;
import java.util.List;

/**
 * How a layer's name places it in the network's hierarchy. A block's layer is named
 * {@code stage.repetition.field} ({@code layer2.0.conv1}), a block inside a block
 * {@code stage.repetition.inner.repetition.field}; a field name holds no dot, so the name alone says which
 * stages and repetitions hold the layer. Every report groups layers by this rule.
 */
public final class Stages {
    private Stages() {
    }

    /**
     * The groups that hold the layer, outermost first: for {@code layer2.0.conv1}, {@code layer2} (the stage, at
     * depth 1) and {@code layer2.0} (its first repetition, at depth 2); none for a layer of the network itself.
     */
    public static List<String> of(String layerName) {
        List<String> groups = new ArrayList<>(4);
        for (int dot = layerName.indexOf('.'); dot >= 0; dot = layerName.indexOf('.', dot + 1)) {
            groups.add(layerName.substring(0, dot));
        }
        return groups;
    }

    /** The innermost group that holds the layer ({@code layer2.0} for {@code layer2.0.conv1}), or "" for none. */
    public static String innermost(String layerName) {
        int dot = layerName.lastIndexOf('.');
        return dot < 0 ? "" : layerName.substring(0, dot);
    }

    /** A group's depth: 1 for a stage, 2 for one of its repetitions, 3 for a stage inside that, and so on. */
    public static int depth(String group) {
        int depth = 1;
        for (int dot = group.indexOf('.'); dot >= 0; dot = group.indexOf('.', dot + 1)) {
            depth++;
        }
        return depth;
    }
}
