package dev.modelcost.processor.property;

import dev.modelcost.processor.property.Spec.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Attention counted the slow way, by loops, never by its formulas: every projection's output feature of every
 * token from every input feature, and, per window and per head, every query against every key over the head's
 * features, once for {@code Q K^T} and once for {@code A V}. Its operations per score, rotated element and bias are
 * the conventions docs/FORMULAS.md#attention documents; {@link OracleTest} checks the loops against figures
 * derived by hand.
 */
final class AttentionOracle {
    private AttentionOracle() {
    }

    /**
     * The settings, resolved.
     *
     * @param heads query heads
     * @param kvHeads key/value heads
     * @param headSize features per head
     * @param window the window per dimension, or null for global attention
     * @param positionBias whether a relative position bias table is added to the scores
     */
    record Settings(int heads, int kvHeads, int headSize, boolean projections, boolean bias, boolean causal,
            int rotary, int[] window, boolean positionBias) {
    }

    /**
     * What the loops counted.
     *
     * @param macs multiply-accumulates: projections and both products
     * @param maskedMacs the products' multiply-accumulates over the pairs a causal mask keeps
     * @param figures FLOPs and parameters
     */
    record Count(long macs, long maskedMacs, Oracle.Figures figures) {
    }

    /** A token group: the positions of its queries and of its keys (a window, or the whole sequence). */
    private record Group(List<Integer> queries, List<Integer> keys) {
    }

    /** Attention of {@code queries} on {@code keys} (the same shape for self-attention). */
    static Count count(Shape queries, Shape keys, Settings s) {
        int d = queries.channels();
        int dkv = keys.channels();
        int queryTokens = tokens(queries);
        int keyTokens = tokens(keys);
        long macs = 0;
        long biasAdds = 0;
        long params = 0;
        if (s.projections()) {
            // Q, K, V and the output: {input features, output features, tokens it runs on}.
            int[][] projections = {{d, s.heads() * s.headSize(), queryTokens}, {dkv, s.kvHeads() * s.headSize(),
                    keyTokens}, {dkv, s.kvHeads() * s.headSize(), keyTokens}, {s.heads() * s.headSize(), d,
                    queryTokens}};
            for (int[] p : projections) {
                for (int token = 0; token < p[2]; token++) {
                    for (int out = 0; out < p[1]; out++) {
                        for (int in = 0; in < p[0]; in++) {
                            macs++;
                        }
                        biasAdds += s.bias() ? 1 : 0;
                    }
                }
                params += (long) p[0] * p[1] + (s.bias() ? p[1] : 0); // its weight matrix and bias vector
            }
        }
        long scores = 0;
        long masked = 0;
        for (Group group : groups(queries, keys, s.window())) {
            for (int head = 0; head < s.heads(); head++) {
                for (int q = 0; q < group.queries().size(); q++) {
                    for (int k = 0; k < group.keys().size(); k++) {
                        scores++;
                        for (int feature = 0; feature < s.headSize(); feature++) {
                            macs += 2; // q . k for the score, then the score times v
                            masked += k <= q ? 2 : 0;
                        }
                    }
                }
            }
        }
        if (s.positionBias()) {
            int entries = 1;
            for (int w : s.window()) {
                entries *= 2 * w - 1; // the offsets -(w-1)..(w-1) in each dimension
            }
            params += (long) entries * s.heads();
        }
        long rotated = 0;
        for (int token = 0; token < queryTokens; token++) {
            rotated += (long) s.heads() * s.rotary();
        }
        for (int token = 0; token < keyTokens; token++) {
            rotated += (long) s.kvHeads() * s.rotary();
        }
        long perScore = 4 + (s.positionBias() ? 1 : 0); // scaling 1, softmax 3, bias 1
        long flops = 2 * macs + biasAdds + perScore * scores + 3 * rotated;
        return new Count(macs, masked, new Oracle.Figures(flops, params));
    }

    /** A product of {@code rows x inner} by {@code inner x columns} per head: one multiply-accumulate per term. */
    static long product(int heads, int rows, int inner, int columns) {
        long macs = 0;
        for (int head = 0; head < heads; head++) {
            for (int row = 0; row < rows; row++) {
                for (int column = 0; column < columns; column++) {
                    for (int k = 0; k < inner; k++) {
                        macs++;
                    }
                }
            }
        }
        return macs;
    }

    /** A rotary embedding: 3 operations for each rotated dimension of each head at each position; no parameters. */
    static Oracle.Figures rotary(int heads, int positions, int rotated) {
        long flops = 0;
        for (int position = 0; position < positions; position++) {
            for (int head = 0; head < heads; head++) {
                for (int dim = 0; dim < rotated; dim++) {
                    flops += 3; // x * cos + rotate_half(x) * sin
                }
            }
        }
        return new Oracle.Figures(flops, 0);
    }

    private static int tokens(Shape shape) {
        int tokens = 1;
        for (int size : shape.sizes()) {
            tokens *= size;
        }
        return tokens;
    }

    /** The groups of tokens that attend to each other: the windows of the map, or all queries on all keys. */
    private static List<Group> groups(Shape queries, Shape keys, int[] window) {
        if (window == null) {
            return List.of(new Group(range(tokens(queries)), range(tokens(keys))));
        }
        int[] sizes = queries.sizes();
        int[] windows = new int[sizes.length];
        for (int d = 0; d < sizes.length; d++) {
            windows[d] = sizes[d] / window[d];
        }
        List<Group> groups = new ArrayList<>();
        for (int[] origin : Oracle.box(windows)) {
            int[] start = origin.clone();
            List<Integer> members = new ArrayList<>();
            for (int[] offset : Oracle.box(window)) {
                int position = 0;
                for (int d = 0; d < sizes.length; d++) {
                    position = position * sizes[d] + start[d] * window[d] + offset[d];
                }
                members.add(position);
            }
            groups.add(new Group(members, members));
        }
        return groups;
    }

    private static List<Integer> range(int n) {
        List<Integer> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(i);
        }
        return values;
    }
}
