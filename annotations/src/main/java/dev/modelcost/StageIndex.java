package dev.modelcost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network's stages and repetitions, summed from its layers in one pass: in pre-order (each group before the
 * groups inside it, in the order of its first layer) and by name. The processor's JSON report lists the same
 * groups in the same order with the same sums.
 */
final class StageIndex {
    private final List<StageCost> all;
    private final Map<String, StageCost> byName;

    private StageIndex(List<StageCost> all, Map<String, StageCost> byName) {
        this.all = all;
        this.byName = byName;
    }

    /**
     * Sums the layers of every group. Time and memory are linear in the layers' names: a layer in the same
     * innermost group as the one before it (most layers) is added to that layer's groups without any new string.
     */
    static StageIndex of(ModelCost network) {
        Map<String, Sum> sums = new LinkedHashMap<>();
        List<Sum> holding = List.of();
        String previous = null;
        int previousEnd = -1;
        for (LayerCost layer : network.layers()) {
            String name = layer.name();
            int end = name.lastIndexOf('.');
            boolean sameGroups = previous != null && end == previousEnd
                    && (end < 0 || name.regionMatches(0, previous, 0, end));
            if (!sameGroups) {
                List<String> groups = Stages.of(name);
                holding = new ArrayList<>(groups.size());
                for (String group : groups) {
                    holding.add(sums.computeIfAbsent(group, key -> new Sum()));
                }
                previous = name;
                previousEnd = end;
            }
            for (Sum sum : holding) {
                sum.add(layer);
            }
        }
        List<StageCost> all = new ArrayList<>(sums.size());
        Map<String, StageCost> byName = new LinkedHashMap<>(sums.size() * 4 / 3 + 1);
        sums.forEach((name, sum) -> {
            StageCost stage = sum.cost(network, name);
            all.add(stage);
            byName.put(name, stage);
        });
        return new StageIndex(Collections.unmodifiableList(all), Collections.unmodifiableMap(byName));
    }

    /** Every group in pre-order; unmodifiable. */
    List<StageCost> all() {
        return all;
    }

    /** The group of this name, or null. */
    StageCost get(String name) {
        return byName.get(name);
    }

    /** The running sums of one group. */
    private static final class Sum {
        private int first = -1;
        private int last;
        private int layers;
        private long macs;
        private long biasAdds;
        private long flops;
        private long params;
        private long activations;
        private long activationBytes;
        private long bytesMoved;
        /** -1 as soon as one layer has no latency bound (no device), as the layers' own figure says. */
        private long latencyNanos;

        void add(LayerCost layer) {
            if (first < 0) {
                first = layer.index();
            }
            last = layer.index();
            layers++;
            macs += layer.macs();
            biasAdds += layer.biasAdds();
            flops += layer.flops();
            params += layer.params();
            activations += layer.activations();
            activationBytes += layer.activationBytes();
            bytesMoved += layer.bytesMoved();
            latencyNanos = latencyNanos < 0 || layer.latencyNanos() < 0 ? -1 : latencyNanos + layer.latencyNanos();
        }

        StageCost cost(ModelCost network, String name) {
            return new StageCost(network, name, first, last, layers, macs, biasAdds, flops, params, activations,
                    activationBytes, bytesMoved, latencyNanos);
        }
    }
}
