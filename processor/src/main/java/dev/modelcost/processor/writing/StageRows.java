package dev.modelcost.processor.writing;

import dev.modelcost.Stages;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.LayerTraffic;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.StageTotals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a table by stage down to a depth, in network order, each group before what it holds. At every
 * level the rows account for every layer: where a level shows groups, the layers beside them (a network's stem
 * and head, a block's own layers beside an inner block) are rows of their own, one per run of consecutive
 * layers, so that each level's shares add up to 100% of the level above.
 */
public final class StageRows {
    private final NetworkCost cost;
    private final MemoryProfile memory;
    private final int depth;
    private final Map<String, StageTotals> groups = new HashMap<>();
    private final Set<String> parents = new HashSet<>();
    private final List<StageRow> rows = new ArrayList<>();

    private StageRows(NetworkCost cost, MemoryProfile memory, int depth) {
        this.cost = cost;
        this.memory = memory;
        this.depth = depth;
    }

    /**
     * The rows of groups of depth at most {@code depth}, and the runs of layers beside them; none for a depth
     * of 0 or a network without stages (its one row would be the totals again).
     */
    public static List<StageRow> of(NetworkCost cost, MemoryProfile memory, int depth) {
        return of(cost, memory, StageTotals.of(cost, memory), depth);
    }

    /** As {@link #of(NetworkCost, MemoryProfile, int)}, with the groups already summed. */
    public static List<StageRow> of(NetworkCost cost, MemoryProfile memory, List<StageTotals> stages, int depth) {
        if (depth <= 0 || stages.isEmpty()) {
            return List.of();
        }
        StageRows builder = new StageRows(cost, memory, depth);
        for (StageTotals stage : stages) {
            builder.groups.put(stage.name(), stage);
            int dot = stage.name().lastIndexOf('.');
            if (dot >= 0) {
                builder.parents.add(stage.name().substring(0, dot));
            }
        }
        builder.level("", 0, 0, cost.layers().size() - 1);
        return List.copyOf(builder.rows);
    }

    /**
     * The rows inside {@code parent} (a group of depth {@code parentDepth}, or the network at 0) whose layers lie
     * in [first, last]: its child groups, each followed by its own rows while the depth allows, and the runs of
     * its own layers between them.
     */
    private void level(String parent, int parentDepth, int first, int last) {
        Set<String> shown = new HashSet<>();
        Run run = null;
        for (int i = first; i <= last; i++) {
            String name = cost.layers().get(i).layer().name();
            List<String> enclosing = Stages.of(name);
            if (enclosing.size() < parentDepth || (parentDepth > 0 && !enclosing.get(parentDepth - 1).equals(parent))) {
                continue; // not inside this parent (groups are contiguous in practice; this keeps it exact if not)
            }
            if (enclosing.size() == parentDepth) {
                if (run == null) {
                    run = new Run(parent, parentDepth + 1, i);
                }
                run.add(i);
                continue;
            }
            if (run != null) {
                rows.add(run.row());
                run = null;
            }
            String child = enclosing.get(parentDepth);
            if (shown.add(child)) {
                StageTotals group = groups.get(child);
                rows.add(new StageRow(child, parent, parentDepth + 1, true, group.first(), group.last(),
                        group.layers(), group.macs(), group.flops(), group.params(), group.bytesMoved(),
                        group.latencyNanos()));
                if (group.depth() < depth && parents.contains(child)) {
                    level(child, group.depth(), group.first(), group.last());
                }
            }
        }
        if (run != null) {
            rows.add(run.row());
        }
    }

    /** Consecutive layers of a parent that no child group holds. */
    private final class Run {
        private final String parent;
        private final int level;
        private final int first;
        private int last;
        private int layers;
        private long macs;
        private long flops;
        private long params;
        private long bytesMoved;
        private long latencyNanos;

        Run(String parent, int level, int first) {
            this.parent = parent;
            this.level = level;
            this.first = first;
            this.latencyNanos = memory.target().hasDevice() ? 0 : -1;
        }

        void add(int index) {
            LayerFigures layer = cost.layers().get(index);
            LayerTraffic traffic = memory.layers().get(index);
            last = index;
            layers++;
            macs += layer.macs();
            flops += layer.flops();
            params += layer.params();
            bytesMoved += traffic.bytesMoved();
            if (latencyNanos >= 0) {
                latencyNanos += traffic.latencyNanos();
            }
        }

        StageRow row() {
            String name = local(first) + (layers > 1 ? " \u2026 " + local(last) : "");
            return new StageRow(name, parent, level, false, first, last, layers, macs, flops, params, bytesMoved,
                    latencyNanos);
        }

        /** A layer's name without its parent's path, which the row's label gives once. */
        private String local(int index) {
            String name = cost.layers().get(index).layer().name();
            return parent.isEmpty() ? name : name.substring(parent.length() + 1);
        }
    }
}
