package dev.modelcost.cli.diff;

import dev.modelcost.cli.Text;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The comparison in aligned columns: the totals, the stages that changed, the largest layer changes, then the
 * gate's decision.
 */
final class TextFormat implements DiffFormat {
    @Override
    public void print(Diff diff, int top, Verdict verdict, PrintWriter out) {
        out.printf(Locale.ROOT, "modelcost diff of %s: %s%n", Text.oneLine(diff.networkAfter(), 200), diff.metric());
        if (diff.warning() != null) {
            out.println("warning: " + diff.warning());
        }
        DiffTable totals = new DiffTable("total");
        for (Change total : diff.totals()) {
            totals.row(total.name(), total.before(), total.after(), DiffTable.change(total.before(), total.after()));
        }
        totals.print(out);
        out.println();
        if (!diff.stageChanges().isEmpty()) {
            out.println(diff.stagesChanged() + ":");
            DiffTable stages = new DiffTable("stage");
            for (Change stage : diff.stageChanges()) {
                stages.row(sign(stage) + stage.name(), stage.before(), stage.after(), change(stage));
            }
            stages.print(out);
            out.println();
        }
        if (diff.changes().isEmpty()) {
            out.println(diff.noLayerMessage());
        } else {
            int shown = Math.min(top, diff.changes().size());
            out.println(diff.layersChanged() + (shown < diff.changes().size() ? "; the " + shown + " largest:" : ":"));
            if (shown > 0) {
                DiffTable layers = new DiffTable("layer");
                for (Change change : diff.changes().subList(0, shown)) {
                    layers.row(sign(change) + change.name(), change.before(), change.after(), change(change));
                }
                layers.print(out);
            }
        }
        if (verdict != null && verdict.failed()) {
            out.println(verdict.failure(diff.metric()));
        }
    }

    private static String sign(Change change) {
        return switch (change.kind()) {
            case ADDED -> "+ ";
            case REMOVED -> "- ";
            case CHANGED -> "  ";
        };
    }

    private static String change(Change change) {
        return switch (change.kind()) {
            case ADDED -> "added";
            case REMOVED -> "removed";
            case CHANGED -> DiffTable.change(change.before(), change.after());
        };
    }
}
