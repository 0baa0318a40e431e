package dev.modelcost;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-layer breakdown as text, the form in which a generated cost class holds it: one line per layer, in
 * declaration order, its columns separated by tabs: name, kind, settings, input shape, output shape (as {@code
 * 3x224x224}), then MACs, bias additions, FLOPs, parameters, activations, activation bytes, bytes moved and the
 * latency bound in nanoseconds ({@code -1} for none). A backslash, tab or line feed within the name or the settings
 * is written as {@code \\}, {@code \t} or {@code \n}.
 *
 * <p>Text rather than a constructor call per layer because javac compiles a string literal in a fraction of the
 * time it takes to compile a call with fourteen arguments and two arrays; for a network of thousands of layers
 * that was most of the build time the processor added. The format belongs to the processor and this class
 * together and may change between versions of modelcost.
 */
public final class LayerTable {
    private static final int COLUMNS = 13;

    private LayerTable() {
    }

    /** Appends the line of one layer, its line feed included. Called by the processor. */
    public static StringBuilder appendLine(StringBuilder table, LayerCost layer) {
        appendEscaped(table, layer.name()).append('\t').append(layer.kind().name()).append('\t');
        appendEscaped(table, layer.settings()).append('\t');
        table.append(Shapes.format(layer.inputShape())).append('\t')
                .append(Shapes.format(layer.outputShape()));
        for (long figure : new long[] {layer.macs(), layer.biasAdds(), layer.flops(), layer.params(),
                layer.activations(), layer.activationBytes(), layer.bytesMoved(), layer.latencyNanos()}) {
            table.append('\t').append(figure);
        }
        return table.append('\n');
    }

    /**
     * The layers of a table, indexed by line from 0. Called by generated code.
     *
     * @throws IllegalArgumentException if a line does not have the columns above
     */
    public static List<LayerCost> read(CharSequence table) {
        List<LayerCost> layers = new ArrayList<>();
        String[] columns = new String[COLUMNS];
        int start = 0;
        while (start < table.length()) {
            int column = 0;
            // Each tab ends a column; the line feed (or the end of the table) ends the last one and the line.
            for (int end = start; ; end++) {
                boolean lineEnd = end == table.length() || table.charAt(end) == '\n';
                if (lineEnd || table.charAt(end) == '\t') {
                    if (column < COLUMNS) {
                        columns[column] = table.subSequence(start, end).toString();
                    }
                    column++;
                    start = end + 1;
                }
                if (lineEnd) {
                    break;
                }
            }
            if (column != COLUMNS) {
                throw new IllegalArgumentException("line " + (layers.size() + 1) + " of the layer table has "
                        + column + " columns, not " + COLUMNS);
            }
            layers.add(layer(layers.size(), columns));
        }
        return layers;
    }

    private static LayerCost layer(int index, String[] columns) {
        long[] figures = new long[COLUMNS - 5];
        for (int i = 0; i < figures.length; i++) {
            figures[i] = Long.parseLong(columns[5 + i]);
        }
        return new LayerCost(index, unescape(columns[0]), LayerKind.valueOf(columns[1]), unescape(columns[2]),
                shape(columns[3]), shape(columns[4]), figures[0], figures[1], figures[2], figures[3], figures[4],
                figures[5], figures[6], figures[7]);
    }

    /** {@code "3x224x224"} as {@code {3, 224, 224}}; the empty text as no dimensions. */
    private static int[] shape(String text) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] sizes = text.split("x", -1);
        int[] shape = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            shape[i] = Integer.parseInt(sizes[i]);
        }
        return shape;
    }

    private static StringBuilder appendEscaped(StringBuilder table, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> table.append("\\\\");
                case '\t' -> table.append("\\t");
                case '\n' -> table.append("\\n");
                default -> table.append(c);
            }
        }
        return table;
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                plain.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
