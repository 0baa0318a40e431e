package dev.modelcost.processor.analysis;

import dev.modelcost.Stages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one stage or one repetition of a block: the sums over the layers it holds, as {@link Stages}
 * places them. Each sum is at most the network's total of that figure, which the analysis has already checked
 * to fit a {@code long}.
 *
 * @param name the group's path, e.g. {@code layer2} (a stage) or {@code layer2.0} (its first repetition)
 * @param depth 1 for a stage, 2 for a repetition, deeper for blocks inside blocks
 * @param first the index of its first layer
 * @param last the index of its last layer
 * @param layers how many layers it holds
 * @param macs multiply-accumulates
 * @param flops floating-point operations
 * @param params parameters it holds
 * @param activations output elements
 * @param activationBytes bytes of its layers' outputs
 * @param bytesMoved its layers' memory access cost
 * @param latencyNanos the sum of its layers' roofline bounds; -1 without a device
 * @param backwardMacs multiply-accumulates of its backward pass
 * @param backwardFlops floating-point operations of its backward pass
 */
public record StageTotals(String name, int depth, int first, int last, int layers, long macs, long flops,
        long params, long activations, long activationBytes, long bytesMoved, long latencyNanos, long backwardMacs,
        long backwardFlops) {

    /** Every stage and repetition of the network, each before the groups inside it, in the order of its layers. */
    public static List<StageTotals> of(NetworkCost cost, MemoryProfile memory) {
        Map<String, Sum> sums = new LinkedHashMap<>();
        for (int i = 0; i < cost.layers().size(); i++) {
            for (String group : Stages.of(cost.layers().get(i).layer().name())) {
                sums.computeIfAbsent(group, name -> new Sum(memory.target().hasDevice())).add(cost, memory, i);
            }
        }
        List<StageTotals> stages = new ArrayList<>(sums.size());
        sums.forEach((name, sum) -> stages.add(sum.totals(name)));
        return stages;
    }

    /** The running sums of one group. */
    private static final class Sum {
        private int first = -1;
        private int last;
        private int layers;
        private long macs;
        private long flops;
        private long params;
        private long activations;
        private long activationBytes;
        private long bytesMoved;
        private long latencyNanos;
        private long backwardMacs;
        private long backwardFlops;

        Sum(boolean device) {
            latencyNanos = device ? 0 : -1;
        }

        void add(NetworkCost cost, MemoryProfile memory, int index) {
            LayerFigures layer = cost.layers().get(index);
            LayerTraffic traffic = memory.layers().get(index);
            LayerBackward backward = cost.backward().layers().get(index);
            if (first < 0) {
                first = index;
            }
            last = index;
            layers++;
            macs += layer.macs();
            flops += layer.flops();
            params += layer.params();
            activations += layer.activations();
            activationBytes += traffic.activationBytes();
            bytesMoved += traffic.bytesMoved();
            if (latencyNanos >= 0) {
                latencyNanos += traffic.latencyNanos();
            }
            backwardMacs += backward.macs();
            backwardFlops += backward.flops();
        }

        StageTotals totals(String name) {
            return new StageTotals(name, Stages.depth(name), first, last, layers, macs, flops, params, activations,
                    activationBytes, bytesMoved, latencyNanos, backwardMacs, backwardFlops);
        }
    }
}
