package dev.modelcost.sample;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import java.util.function.ToLongFunction;

/** Sums and counts over a network's generated layers, for checking a stage or a block at a time. */
final class Layers {
    private Layers() {
    }

    /** The MACs of the layers whose name starts with {@code prefix} (a stage: {@code "layer2."}). */
    static long macs(ModelCost network, String prefix) {
        return sum(network, prefix, LayerCost::macs);
    }

    /** The parameters of the layers whose name starts with {@code prefix}. */
    static long params(ModelCost network, String prefix) {
        return sum(network, prefix, LayerCost::params);
    }

    /** How many layers are of this kind. */
    static long count(ModelCost network, LayerKind kind) {
        return network.layers().stream().filter(layer -> layer.kind() == kind).count();
    }

    /** Whether a layer of this name was generated (a {@code @When} layer may be absent). */
    static boolean has(ModelCost network, String name) {
        return network.layers().stream().anyMatch(layer -> layer.name().equals(name));
    }

    private static long sum(ModelCost network, String prefix, ToLongFunction<LayerCost> figure) {
        return network.layers().stream().filter(layer -> layer.name().startsWith(prefix)).mapToLong(figure).sum();
    }
}
