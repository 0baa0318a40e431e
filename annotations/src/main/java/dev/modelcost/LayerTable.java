package dev.modelcost;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's cost as text, the form in which a generated cost class holds it: a header line with the network's
 * totals, then one line per layer, in declaration order. Every line ends with a line feed, and its columns are
 * separated by tabs.
 *
 * <ul>
 *   <li>The header: name, input shape, output shape (as {@code 3x224x224}), MACs, bias additions, FLOPs,
 *       parameters, activations, precision, parameter bytes, activation bytes, peak activation bytes, bytes moved
 *       and the latency bound in nanoseconds ({@code -1} for none): the figures of {@link ModelCost}.
 *   <li>A layer: name, kind, settings, input shape, output shape, then MACs, bias additions, FLOPs, parameters,
 *       activations, activation bytes, bytes moved and the latency bound in nanoseconds ({@code -1} for none):
 *       the figures of {@link LayerCost}.
 * </ul>
 *
 * <p>A backslash, tab or line feed within a name, the settings or the precision is written as {@code \\}, {@code
 * \t} or {@code \n}; numbers are decimal, without grouping.
 *
 * <p>Text rather than a constructor call per layer, or one for the totals, because javac compiles a string
 * literal in a fraction of the time it takes to compile a call with a dozen arguments and arrays. The format
 * belongs to the processor and this class together and may change between versions of modelcost.
 */
public final class LayerTable {
    private static final int HEADER_COLUMNS = 14;
    private static final int LAYER_COLUMNS = 13;
    /** The columns of a layer line before its figures: name, kind, settings, input and output shape. */
    private static final int LAYER_TEXT_COLUMNS = 5;

    private LayerTable() {
    }

    /** Appends the header line of a network's totals, its line feed included; its layers are not written. */
    public static StringBuilder appendHeader(StringBuilder table, ModelCost model) {
        appendEscaped(table, model.name()).append('\t').append(model.inputShapeText()).append('\t')
                .append(model.outputShapeText()).append('\t').append(model.macs()).append('\t')
                .append(model.biasAdds()).append('\t').append(model.flops()).append('\t').append(model.params())
                .append('\t').append(model.activations()).append('\t');
        appendEscaped(table, model.precision()).append('\t').append(model.paramBytes()).append('\t')
                .append(model.activationBytes()).append('\t').append(model.peakActivationBytes()).append('\t')
                .append(model.bytesMoved()).append('\t').append(model.latencyNanos());
        return table.append('\n');
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
     * The network of a header line and its layer lines. Called by generated code.
     *
     * @throws IllegalArgumentException if a line does not have the columns above, naming the line
     */
    public static ModelCost model(CharSequence table) {
        Lines lines = new Lines(table, "cost table");
        String[] header = lines.next(HEADER_COLUMNS);
        long[] figures = lines.figures(header, 3, 8);
        long[] bytes = lines.figures(header, 9, HEADER_COLUMNS);
        List<LayerCost> layers = layers(lines);
        return new ModelCost(unescape(header[0]), lines.shape(header, 1), lines.shape(header, 2), figures[0],
                figures[1], figures[2], figures[3], figures[4], unescape(header[8]), bytes[0], bytes[1], bytes[2],
                bytes[3], bytes[4], layers);
    }

    /**
     * The layers of a table of layer lines alone, indexed by line from 0: the form of cost classes generated
     * before the header line.
     *
     * @throws IllegalArgumentException if a line does not have the columns above, naming the line
     */
    public static List<LayerCost> read(CharSequence table) {
        return layers(new Lines(table, "layer table"));
    }

    private static List<LayerCost> layers(Lines lines) {
        List<LayerCost> layers = new ArrayList<>();
        while (lines.hasNext()) {
            String[] columns = lines.next(LAYER_COLUMNS);
            long[] figures = lines.figures(columns, LAYER_TEXT_COLUMNS, LAYER_COLUMNS);
            layers.add(new LayerCost(layers.size(), unescape(columns[0]), lines.kind(columns, 1),
                    unescape(columns[2]), lines.shape(columns, 3), lines.shape(columns, 4), figures[0], figures[1],
                    figures[2], figures[3], figures[4], figures[5], figures[6], figures[7]));
        }
        return layers;
    }

    /** The lines of a table, read one at a time; each failure names the line. */
    private static final class Lines {
        private final CharSequence table;
        private final String what;
        private int start;
        private int line;

        Lines(CharSequence table, String what) {
            this.table = table;
            this.what = what;
        }

        boolean hasNext() {
            return start < table.length();
        }

        /** The columns of the next line, of which there must be {@code count}. */
        String[] next(int count) {
            String[] columns = new String[count];
            int column = 0;
            line++;
            // Each tab ends a column; the line feed (or the end of the table) ends the last one and the line.
            for (int end = start; ; end++) {
                boolean lineEnd = end >= table.length() || table.charAt(end) == '\n';
                if (lineEnd || table.charAt(end) == '\t') {
                    if (column < count) {
                        columns[column] = table.subSequence(start, end).toString();
                    }
                    column++;
                    start = end + 1;
                }
                if (lineEnd) {
                    break;
                }
            }
            if (column != count) {
                throw failure(" has " + column + " columns, not " + count);
            }
            return columns;
        }

        /** The numbers of columns {@code from} to {@code to}, exclusive. */
        long[] figures(String[] columns, int from, int to) {
            long[] figures = new long[to - from];
            for (int i = from; i < to; i++) {
                try {
                    figures[i - from] = Long.parseLong(columns[i]);
                } catch (NumberFormatException e) {
                    throw failure(": column " + (i + 1) + " is not a number: \"" + columns[i] + "\"");
                }
            }
            return figures;
        }

        /** {@code "3x224x224"} as {@code {3, 224, 224}}; the empty text as no dimensions. */
        int[] shape(String[] columns, int column) {
            String text = columns[column];
            if (text.isEmpty()) {
                return new int[0];
            }
            String[] sizes = text.split("x", -1);
            int[] shape = new int[sizes.length];
            try {
                for (int i = 0; i < sizes.length; i++) {
                    shape[i] = Integer.parseInt(sizes[i]);
                }
            } catch (NumberFormatException e) {
                throw failure(": column " + (column + 1) + " is not a shape: \"" + text + "\"");
            }
            return shape;
        }

        LayerKind kind(String[] columns, int column) {
            try {
                return LayerKind.valueOf(columns[column]);
            } catch (IllegalArgumentException e) {
                throw failure(": column " + (column + 1) + " is not a layer kind: \"" + columns[column] + "\"");
            }
        }

        private IllegalArgumentException failure(String problem) {
            return new IllegalArgumentException("line " + line + " of the " + what + problem);
        }
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
