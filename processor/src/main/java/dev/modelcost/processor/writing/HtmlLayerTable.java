package dev.modelcost.processor.writing;

import dev.modelcost.Convention;
import dev.modelcost.Reports;
import dev.modelcost.Stages;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.LayerTraffic;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.StageTotals;
import dev.modelcost.processor.analysis.TensorShape;
import java.util.ArrayList;
import java.util.List;

/**
 * The page's table of layers as markup written at compile time: every layer's row ({@code <tr id="layer-N"
 * data-index="N">}) in network order, each stage and block repetition's row ({@code data-stage="layer2.0"})
 * before its layers with the sums of their figures and each sum's share of the network's total. Read as it is
 * without scripts; the page's script adds sorting, searching and folding of the stages.
 *
 * <p>Written in one pass over the layers and the groups (both in network order), with no {@code String.format}
 * and end tags left out where HTML allows: a network of 100,000 layers gives a page in linear time and a row is
 * a little over its figures' digits.
 */
final class HtmlLayerTable {
    /** A column's heading, its key in the JSON report's layers (which the script sorts by), text or figure. */
    private record Column(String label, String key, boolean text) {
    }

    private static final int NAME_TITLE_LENGTH = 24;

    private HtmlLayerTable() {
    }

    /** The table, in its scrolling container. */
    static void table(StringBuilder html, NetworkCost cost, MemoryProfile memory, List<StageTotals> stages) {
        boolean device = memory.target().hasDevice();
        List<Column> columns = columns(device);
        html.append("<div class=\"table-wrap\" id=\"layers-wrap\">\n<table id=\"layers\""
                + " data-device=\"").append(device).append("\">\n<thead><tr>");
        for (Column column : columns) {
            html.append("<th scope=\"col\" data-key=\"").append(column.key()).append('"')
                    .append(column.text() ? " class=\"text\"" : "")
                    .append(column.key().equals("index") ? " aria-sort=\"ascending\"" : "").append('>')
                    .append(column.label()).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        int next = 0;
        for (int i = 0; i < cost.layers().size(); i++) {
            // The groups are in pre-order, each contiguous: those that start here come before the layer, outer first.
            while (next < stages.size() && stages.get(next).first() == i) {
                stage(html, stages.get(next++), cost, memory, device);
            }
            layer(html, cost, memory, i, device);
        }
        html.append("</tbody>\n</table>\n</div>\n");
    }

    private static List<Column> columns(boolean device) {
        List<Column> columns = new ArrayList<>(List.of(new Column("layer", "name", true),
                new Column("#", "index", false), new Column("kind", "kind", true),
                new Column("settings", "settings", true), new Column("input", "inputShapes", true),
                new Column("output", "outputShape", true), new Column("MACs", Convention.MACS.key(), false),
                new Column("FLOPs", Convention.FLOPS.key(), false),
                new Column("params", Convention.PARAMS.key(), false),
                new Column("activation bytes", Convention.ACTIVATION_BYTES.key(), false),
                new Column("bytes moved", Convention.BYTES_MOVED.key(), false),
                new Column("FLOP/byte", Convention.INTENSITY.key(), false)));
        if (device) {
            columns.add(new Column("latency (ns)", Convention.LATENCY_NANOS.key(), false));
            columns.add(new Column("bound", "bound", true));
        }
        return columns;
    }

    /** A layer's row; its class {@code dN} says how many groups hold it, for the indent and the folding. */
    private static void layer(StringBuilder html, NetworkCost cost, MemoryProfile memory, int index,
            boolean device) {
        LayerFigures layer = cost.layers().get(index);
        LayerTraffic traffic = memory.layers().get(index);
        String name = layer.layer().name();
        int level = Stages.of(name).size();
        html.append("<tr id=\"layer-").append(index).append("\" data-index=\"").append(index).append('"');
        if (level > 0) {
            html.append(" class=\"d").append(level).append('"');
        }
        html.append("><td");
        if (name.length() > NAME_TITLE_LENGTH) {
            HtmlText.escape(html.append(" title=\""), name).append('"');
        }
        HtmlText.escape(html.append('>'), name).append("<td>").append(index).append("<td>")
                .append(layer.layer().kind().name()).append("<td>");
        HtmlText.escape(html, layer.settings()).append("<td>");
        List<TensorShape> inputs = cost.inputShapes(index);
        for (int i = 0; i < inputs.size(); i++) {
            html.append(i == 0 ? "" : ", ").append(inputs.get(i));
        }
        html.append("<td>").append(layer.output());
        figure(html, layer.macs());
        figure(html, layer.flops());
        figure(html, layer.params());
        figure(html, traffic.activationBytes());
        figure(html, traffic.bytesMoved());
        intensity(html.append("<td>"), layer.flops(), traffic.bytesMoved());
        if (device) {
            figure(html, traffic.latencyNanos());
            html.append("<td>").append(traffic.computeBound() ? "compute" : "memory");
        }
        html.append("</tr>\n");
    }

    /** A stage's or repetition's row: its name, its layers' index range, and each figure's sum with its share. */
    private static void stage(StringBuilder html, StageTotals stage, NetworkCost cost, MemoryProfile memory,
            boolean device) {
        html.append("<tr class=\"stage d").append(stage.depth() - 1).append("\" data-stage=\"");
        HtmlText.escape(html, stage.name()).append("\" data-depth=\"").append(stage.depth()).append("\"><td");
        if (stage.name().length() > NAME_TITLE_LENGTH) {
            HtmlText.escape(html.append(" title=\""), stage.name()).append('"');
        }
        HtmlText.escape(html.append('>'), stage.name()).append("<td>").append(stage.first()).append("&#8211;")
                .append(stage.last()).append("<td>")
                .append(stage.depth() % 2 == 1 ? "stage" : "repetition").append(", ")
                .append(Reports.grouped(stage.layers())).append(stage.layers() == 1 ? " layer" : " layers")
                .append("<td><td><td>");
        share(html, stage.macs(), cost.macs());
        share(html, stage.flops(), cost.flops());
        share(html, stage.params(), cost.params());
        share(html, stage.activationBytes(), memory.activationBytes());
        share(html, stage.bytesMoved(), memory.bytesMoved());
        intensity(html.append("<td>"), stage.flops(), stage.bytesMoved());
        if (device) {
            share(html, stage.latencyNanos(), memory.latencyNanos());
            html.append("<td>");
        }
        html.append("</tr>\n");
    }

    private static void figure(StringBuilder html, long value) {
        html.append("<td>").append(Reports.grouped(value));
    }

    /** A sum and, under it, its share of the network's total to a tenth of a percent (none of a total of 0). */
    private static void share(StringBuilder html, long value, long total) {
        figure(html, value);
        if (total > 0) {
            long tenths = Math.round(value * 1000.0 / total);
            html.append("<span class=\"share\">").append(tenths / 10).append('.').append(tenths % 10)
                    .append("%</span>");
        }
    }

    /** FLOPs per byte moved with two decimals, rounded half up, as exact as the JSON's three. */
    private static void intensity(StringBuilder html, long flops, long bytesMoved) {
        if (bytesMoved == 0) {
            html.append("0.00");
        } else {
            Quotients.append(html, flops, bytesMoved, 2);
        }
    }
}
