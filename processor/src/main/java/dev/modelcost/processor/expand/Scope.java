package dev.modelcost.processor.expand;

import dev.modelcost.processor.diag.Position;
import java.util.Map;

/**
 * Where a layer field is being instantiated: in the network itself, or inside one repetition of a block.
 *
 * @param prefix what full layer names start with: {@code ""} in the network, {@code "layer2.0."} in a block
 * @param names the values expressions may use: the block's parameters and {@code in}; empty in the network
 * @param useSite where in the network the block is used (problems of its layers are reported there), or
 *     null in the network itself
 * @param blockName the block's simple name, for messages, or null in the network
 */
public record Scope(String prefix, Map<String, Long> names, Position useSite, String blockName) {

    public Scope {
        names = Map.copyOf(names);
    }

    /** The network's own scope. */
    public static Scope network() {
        return new Scope("", Map.of(), null, null);
    }

    /** Where to report a problem with a value written at {@code own}. */
    public Position at(Position own) {
        return useSite == null ? own : useSite;
    }

    /** The full name of a field in this scope. */
    public String fullName(String field) {
        return prefix + field;
    }
}
