package dev.modelcost.cli.diff;

import dev.modelcost.Stages;
import dev.modelcost.cli.Text;
import dev.modelcost.cli.report.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two reports of one figure: the totals, each stage, each layer, and whether they are of one network at
 * all.
 */
final class Comparison {
    private Comparison() {
    }

    static Diff of(Report before, Report after) {
        Map<String, Long> stagesBefore = stageSums(before);
        Map<String, Long> stagesAfter = stageSums(after);
        return new Diff(before.network(), after.network(), after.metric(), totals(before, after),
                layerChanges(before, after), layerCount(before, after),
                !before.layers().isEmpty() || !after.layers().isEmpty(), warning(before, after),
                changes(stagesBefore, stagesAfter), union(stagesBefore.keySet(), stagesAfter.keySet()));
    }

    /** The figure summed over each stage's layers, by stage in network order (the stage of {@link Stages}). */
    private static Map<String, Long> stageSums(Report report) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (Map.Entry<String, Long> layer : report.layers().entrySet()) {
            List<String> groups = Stages.of(layer.getKey());
            if (!groups.isEmpty()) {
                sums.merge(groups.get(0), layer.getValue(), Long::sum);
            }
        }
        return sums;
    }

    private static List<Change> totals(Report before, Report after) {
        List<Change> totals = new ArrayList<>();
        totals.add(new Change(after.metric(), before.total(), after.total()));
        for (Map.Entry<String, Long> total : after.otherTotals().entrySet()) {
            Long was = before.otherTotals().get(total.getKey());
            if (was != null) {
                totals.add(new Change(total.getKey(), was, total.getValue()));
            }
        }
        return totals;
    }

    private static List<Change> layerChanges(Report before, Report after) {
        List<Change> changes = changes(before.layers(), after.layers());
        // Stable: among changes of one size, network order is kept.
        changes.sort(Comparator.comparing((Change change) -> Math.abs(change.delta())).reversed());
        return changes;
    }

    /** The values that changed, were added or were removed, in the order after, then the removed ones. */
    private static List<Change> changes(Map<String, Long> old, Map<String, Long> now) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, Long> layer : now.entrySet()) {
            Long was = old.get(layer.getKey());
            if (!layer.getValue().equals(was)) {
                changes.add(new Change(layer.getKey(), was, layer.getValue()));
            }
        }
        for (Map.Entry<String, Long> layer : old.entrySet()) {
            if (!now.containsKey(layer.getKey())) {
                changes.add(new Change(layer.getKey(), layer.getValue(), null));
            }
        }
        return changes;
    }

    private static int union(Set<String> before, Set<String> after) {
        Set<String> names = new HashSet<>(before);
        names.addAll(after);
        return names.size();
    }

    private static int layerCount(Report before, Report after) {
        return before.layerNames().size() + after.layerNames().size() - shared(before, after);
    }

    /** How many layers of the report after have a name found in the report before. */
    private static int shared(Report before, Report after) {
        int shared = 0;
        for (String name : after.layerNames()) {
            if (before.layerNames().contains(name)) {
                shared++;
            }
        }
        return shared;
    }

    /**
     * Why the reports may be of two networks: their names differ, or fewer than half of either's layers are
     * found by name in the other (a wider or deeper network keeps most of its layers' names).
     */
    private static String warning(Report before, Report after) {
        if (!before.network().equals(after.network())) {
            return "the reports are of different networks: " + Text.oneLine(before.network(), 200) + " before, "
                    + Text.oneLine(after.network(), 200) + " after";
        }
        int shared = shared(before, after);
        int was = before.layerNames().size();
        int now = after.layerNames().size();
        if (shared * 2 < was || shared * 2 < now) {
            return "the reports may be of different networks: only " + shared + " of the " + was
                    + " layers before and of the " + now + " after have a name in common";
        }
        return null;
    }
}
