package dev.modelcost.processor.writing;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerTable;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.LayerTraffic;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import java.util.ArrayList;
import java.util.List;

/**
 * A network's {@link LayerTable} text, its totals and its layers, as the string literals of its cost class: one
 * literal of at most {@value #PART_BYTES} bytes in the class file, or more, which nested classes append,
 * {@value #PARTS_PER_CLASS} to a class. A literal costs its class two constant-pool entries and its method eight
 * bytes of bytecode, a nested class costs the method that calls it four bytes, so no class nears the JVM's limits
 * (65,535 constants, 64 KiB per method) below some 70 GB of table, far beyond what javac can hold.
 */
final class TableSource {
    /** Bytes of one string literal of the table in the class file: under javac's 65,535. */
    static final int PART_BYTES = 48 * 1024;
    static final int PARTS_PER_CLASS = 100;

    private TableSource() {
    }

    /** The header line of the network's totals, then a line per layer. */
    static String text(NetworkCost cost, MemoryProfile memory) {
        ModelCost totals = new ModelCost(cost.network().displayName(), cost.input().toInts(),
                cost.output().toInts(), cost.macs(), cost.biasAdds(), cost.flops(), cost.params(),
                cost.activations(), memory.target().precision().name(), memory.paramBytes(),
                memory.activationBytes(), memory.peakActivationBytes(), memory.bytesMoved(),
                memory.target().hasDevice() ? memory.latencyNanos() : -1L, List.of());
        List<LayerFigures> layers = cost.layers();
        List<LayerTraffic> traffic = memory.layers();
        StringBuilder table = LayerTable.appendHeader(new StringBuilder(128 + 100 * layers.size()), totals);
        for (int index = 0; index < layers.size(); index++) {
            LayerTable.appendLine(table, layerCost(layers.get(index), traffic.get(index), index));
        }
        return table.toString();
    }

    private static LayerCost layerCost(LayerFigures layer, LayerTraffic traffic, int index) {
        return new LayerCost(index, layer.layer().name(), layer.layer().kind(),
                layer.settings(), layer.input().toInts(), layer.output().toInts(), layer.macs(), layer.biasAdds(),
                layer.flops(), layer.params(), layer.activations(), traffic.activationBytes(), traffic.bytesMoved(),
                traffic.latencyNanos() < 0 ? -1L : traffic.latencyNanos());
    }

    /**
     * The table cut into string literals of at most {@value #PART_BYTES} bytes in the class file's encoding
     * (javac rejects a string constant over 65,535), at the end of a line unless a line alone is longer.
     */
    static List<String> parts(CharSequence table) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int lineEnd = 0;
        int bytes = 0;
        for (int i = 0; i < table.length(); i++) {
            int size = classFileBytes(table.charAt(i));
            while (bytes + size > PART_BYTES) {
                int cut = lineEnd > start ? lineEnd : i;
                parts.add(table.subSequence(start, cut).toString());
                start = cut;
                bytes = 0;
                for (int j = cut; j < i; j++) {
                    bytes += classFileBytes(table.charAt(j));
                }
            }
            bytes += size;
            if (table.charAt(i) == '\n') {
                lineEnd = i + 1;
            }
        }
        if (start < table.length()) {
            parts.add(table.subSequence(start, table.length()).toString());
        }
        return parts;
    }

    /** Bytes of a character in a class file's string constant (modified UTF-8). */
    private static int classFileBytes(char c) {
        return c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }

    /**
     * The names of the classes that hold the parts: this prefix and a number, {@code Table0}, {@code Table1}...,
     * unless the cost class itself is named so, which a nested class may not be ({@code Rows0} then). None for a
     * table of one part, written where it is read.
     */
    static List<String> nestedClasses(String typeName, int parts) {
        if (parts <= 1) {
            return List.of();
        }
        String prefix = typeName.startsWith("Table") ? "Rows" : "Table";
        List<String> names = new ArrayList<>();
        for (int block = 0; block * PARTS_PER_CLASS < parts; block++) {
            names.add(prefix + block);
        }
        return names;
    }
}
