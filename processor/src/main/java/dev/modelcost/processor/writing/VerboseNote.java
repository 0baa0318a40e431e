package dev.modelcost.processor.writing;

import dev.modelcost.Convention;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.Numbers;
import dev.modelcost.processor.writing.MarkdownTable.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The compiler note of {@code -Amodelcost.verbose=true}: a plain-text summary for a terminal, the main totals
 * (exact and scaled) and the table by stage at the chosen depth (its first {@link #STAGE_ROWS} rows), in
 * aligned columns. No layer list: the reports have it. Its own text is ASCII ({@code us} for microseconds,
 * {@code ...} for an ellipsis): javac prints a note in the platform's encoding, ASCII on JDK 17 in a POSIX locale.
 */
public final class VerboseNote {
    private static final List<Convention> TOTALS = List.of(Convention.MACS, Convention.FLOPS, Convention.PARAMS,
            Convention.ACTIVATIONS, Convention.PARAM_BYTES, Convention.PEAK_ACTIVATION_BYTES,
            Convention.MEMORY_BYTES, Convention.BYTES_MOVED, Convention.LATENCY_NANOS,
            Convention.TRAINING_STEP_FLOPS, Convention.TRAINING_MEMORY_BYTES);
    /** The most rows of the table by stage a note shows: a deep table of a long network belongs in a report. */
    static final int STAGE_ROWS = 50;

    private VerboseNote() {
    }

    /**
     * The note's text.
     *
     * @param depth how deep the table by stage goes; 0 for none
     * @param formats the reports written, which the last line names in the order of {@link ReportFormat}
     */
    public static String write(NetworkCost cost, MemoryProfile memory, int depth, Set<ReportFormat> formats) {
        StringBuilder note = new StringBuilder();
        note.append(cost.network().displayName()).append(" (").append(cost.network().type().getQualifiedName())
                .append("): ").append(Summary.of(cost, memory, text -> text)).append('\n');
        TextTable totals = new TextTable(List.of(Column.left("total"), Column.right("value"), Column.right("scaled")));
        for (Convention figure : TOTALS) {
            long value = value(figure, cost, memory);
            if (value >= 0) {
                totals.row(List.of(figure.label(), Numbers.grouped(value), FigureUnit.of(figure).scaled(value)));
            }
        }
        note.append(totals.text("  "));
        List<StageRow> rows = StageRows.of(cost, memory, depth);
        if (!rows.isEmpty()) {
            List<StageRow> shown = rows.subList(0, Math.min(rows.size(), STAGE_ROWS));
            note.append("By stage, ").append(depth).append(depth == 1 ? " level" : " levels")
                    .append(" deep (-Amodelcost.depth), with each figure's share of the network's total:\n")
                    .append(stages(cost, memory, shown).text("  "));
            if (rows.size() > STAGE_ROWS) {
                note.append("  ").append(Numbers.grouped(rows.size() - STAGE_ROWS))
                        .append(" more rows in the reports; a smaller -Amodelcost.depth shows fewer\n");
            }
        }
        if (!formats.isEmpty()) {
            note.append("Reports: ").append(ReportWriter.FOLDER).append(cost.network().type().getQualifiedName())
                    .append(formats.stream().sorted().map(f -> "." + f.extension()).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        return ascii(note.toString().stripTrailing());
    }

    private static TextTable stages(NetworkCost cost, MemoryProfile memory, List<StageRow> rows) {
        boolean device = memory.target().hasDevice();
        List<Column> columns = new ArrayList<>(List.of(Column.left("stage"), Column.right("layers"),
                Column.right("MACs"), Column.right("MACs %"), Column.right("params"), Column.right("params %"),
                Column.right("FLOPs %"), Column.right("bytes moved %")));
        if (device) {
            columns.add(Column.right("latency"));
            columns.add(Column.right("latency %"));
        }
        TextTable table = new TextTable(columns);
        for (StageRow row : rows) {
            List<String> cells = new ArrayList<>(List.of("  ".repeat(row.level() - 1) + ascii(row.label()),
                    Numbers.grouped(row.layers()), FigureUnit.MACS.scaled(row.macs()),
                    Shares.percent(row.macs(), cost.macs()), FigureUnit.COUNT.scaled(row.params()),
                    Shares.percent(row.params(), cost.params()), Shares.percent(row.flops(), cost.flops()),
                    Shares.percent(row.bytesMoved(), memory.bytesMoved())));
            if (device) {
                cells.add(FigureUnit.NANOS.scaled(row.latencyNanos()));
                cells.add(Shares.percent(row.latencyNanos(), memory.latencyNanos()));
            }
            table.row(cells);
        }
        return table;
    }

    private static long value(Convention figure, NetworkCost cost, MemoryProfile memory) {
        return switch (figure) {
            case MACS -> cost.macs();
            case FLOPS -> cost.flops();
            case PARAMS -> cost.params();
            case ACTIVATIONS -> cost.activations();
            case PARAM_BYTES -> memory.paramBytes();
            case PEAK_ACTIVATION_BYTES -> memory.peakActivationBytes();
            case MEMORY_BYTES -> memory.memoryBytes();
            case BYTES_MOVED -> memory.bytesMoved();
            case LATENCY_NANOS -> memory.latencyNanos();
            case TRAINING_STEP_FLOPS -> cost.backward().trainingStepFlops();
            case TRAINING_MEMORY_BYTES -> memory.training().trainingMemoryBytes();
            default -> throw new IllegalArgumentException(figure.key());
        };
    }

    /**
     * The note's own two non-ASCII characters in ASCII, before a table measures its cells; the names are the
     * user's, as the source spells them.
     */
    private static String ascii(String text) {
        return text.replace("\u00b5", "u").replace("\u2026", "...");
    }
}
