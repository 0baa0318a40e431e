package dev.modelcost.processor.writing;

import dev.modelcost.Reports;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.Numbers;
import dev.modelcost.processor.writing.MarkdownTable.Column;
import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown report's table by stage: each stage (and, deeper, each repetition) with its figures and their
 * shares of the network's totals; a nested row is indented under its group.
 */
final class MarkdownStageTable {
    private final NetworkCost cost;
    private final MemoryProfile memory;
    private final MarkdownTable table;

    MarkdownStageTable(NetworkCost cost, MemoryProfile memory) {
        this.cost = cost;
        this.memory = memory;
        List<Column> columns = new ArrayList<>(List.of(Column.left("stage"), Column.right("layers"),
                Column.right("MACs"), Column.right("MACs %"), Column.right("params"), Column.right("params %"),
                Column.right("FLOPs %"), Column.right("bytes moved %")));
        if (memory.target().hasDevice()) {
            columns.add(Column.right("latency"));
            columns.add(Column.right("latency %"));
        }
        this.table = new MarkdownTable(columns);
    }

    /**
     * Writes the section for these rows at this depth, as many rows as fit the budget with {@code reserve} kept
     * for what follows; nothing when there are no rows.
     */
    void write(StringBuilder md, List<StageRow> rows, int depth, LengthBudget budget, int reserve) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n## By stage\n\n").append(depth == 1 ? "Each stage" : "Each stage and what it holds, "
                + depth + " levels deep (-Amodelcost.depth)").append(", with its share of the network's total; "
                + "(network) rows are the layers outside the stages.\n\n");
        md.append(table.header());
        int reserved = reserve + cutLine(rows.size(), rows.size()).length();
        for (int i = 0; i < rows.size(); i++) {
            int before = md.length();
            table.row(md, cells(rows.get(i)));
            if (!budget.fits(md, reserved)) { // the row is taken back, and the line says why the rest is not here
                md.setLength(before);
                md.append(cutLine(i, rows.size()));
                return;
            }
        }
    }

    private static String cutLine(int shown, int rows) {
        return "\n" + Numbers.grouped(shown) + " of " + Numbers.grouped(rows) + " rows shown; a smaller"
                + " -Amodelcost.depth shows fewer, and the JSON report's stages have them all.\n";
    }

    private String[] cells(StageRow row) {
        String[] cells = new String[memory.target().hasDevice() ? 10 : 8];
        cells[0] = indent(row.level()) + MarkdownTable.escape(row.label());
        cells[1] = Numbers.grouped(row.layers());
        cells[2] = Numbers.grouped(row.macs());
        cells[3] = Shares.percent(row.macs(), cost.macs());
        cells[4] = Numbers.grouped(row.params());
        cells[5] = Shares.percent(row.params(), cost.params());
        cells[6] = Shares.percent(row.flops(), cost.flops());
        cells[7] = Shares.percent(row.bytesMoved(), memory.bytesMoved());
        if (cells.length > 8) {
            cells[8] = Reports.scaledNanos(row.latencyNanos());
            cells[9] = Shares.percent(row.latencyNanos(), memory.latencyNanos());
        }
        return cells;
    }

    /**
     * Two non-breaking spaces a level below the second and an arrow from the second on: GitHub trims a cell's
     * spaces, not its entities.
     */
    private static String indent(int level) {
        return level <= 1 ? "" : "&nbsp;&nbsp;".repeat(level - 2) + "\u21b3 ";
    }
}
