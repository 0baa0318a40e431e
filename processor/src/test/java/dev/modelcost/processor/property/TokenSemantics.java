package dev.modelcost.processor.property;

import dev.modelcost.ActivationFunction;
import dev.modelcost.processor.property.Spec.Field;
import dev.modelcost.processor.property.Spec.Kind;
import dev.modelcost.processor.property.Spec.Shape;
import java.util.Arrays;
import java.util.Map;

/**
 * What the per-token kinds mean (docs/FORMULAS.md#per-token-layers-embeddings-and-learned-tensors), worked out by
 * the test alone: shapes by the README's rules, and every figure counted by loops over what a naive
 * implementation touches (each multiplication of each position, each element of each table), never by the
 * formulas. Ties are judged as the README says: an earlier layer of the same scope whose matrix has this layer's
 * rows and columns.
 */
final class TokenSemantics {
    /** The attribute, written verbatim, of a projection without a bias. */
    static final String NO_BIAS = "bias = false";

    private TokenSemantics() {
    }

    /** Whether the kind is one of this class's. */
    static boolean covers(Kind kind) {
        return switch (kind) {
            case LINEAR, EMBEDDING, LEARNED, POSITION_EMBEDDING, RMS_NORM, GATED_MLP -> true;
            default -> false;
        };
    }

    /** The layer a field of one of these kinds is, from this input; throws {@link Semantics.Invalid}. */
    static Semantics.Layer apply(Field f, Semantics.Attributes a, Shape in, boolean countMacs) {
        return switch (f.kind) {
            case LINEAR -> linear(f, a, in, countMacs);
            case EMBEDDING -> embedding(f, a, in);
            case LEARNED -> learned(f, a, in);
            case POSITION_EMBEDDING -> positionEmbedding(f, a, in);
            case RMS_NORM -> rmsNorm(f, in);
            case GATED_MLP -> gatedMlp(f, a, in, countMacs);
            default -> throw new IllegalStateException("not a per-token kind: " + f.kind);
        };
    }

    /**
     * Checks the field's tie against the matrices of the layers before it in its scope, then records its own
     * matrix there (rows, columns); throws {@link Semantics.Invalid} for a tie to no layer with an equal matrix.
     */
    static void tie(Field f, Map<String, Long> names, Shape in, Map<String, int[]> matrices) {
        int[] own = matrix(f, names, in);
        if (f.tiedTo != null) {
            int[] shared = matrices.get(f.tiedTo);
            if (shared == null || !Arrays.equals(shared, own)) {
                throw new Semantics.Invalid("tie to " + f.tiedTo);
            }
        }
        if (own != null) {
            matrices.put(f.name, own);
        }
    }

    /** The weight matrix (rows, columns) of a field on this input, or null for a kind without one. */
    static int[] matrix(Field f, Map<String, Long> names, Shape in) {
        Semantics.Attributes a = new Semantics.Attributes(f, names);
        return switch (f.kind) {
            case LINEAR -> new int[] {a.single("out", null, 1), in.channels()};
            case EMBEDDING -> new int[] {a.single("vocabulary", null, 1), a.single("dim", null, 1)};
            default -> null;
        };
    }

    private static Semantics.Layer linear(Field f, Semantics.Attributes a, Shape in, boolean countMacs) {
        int out = a.single("out", null, 1);
        boolean bias = !f.verbatim.contains(NO_BIAS);
        long multiplications = 0;
        long biasAdds = 0;
        for (int[] ignored : Oracle.box(in.sizes())) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in.channels(); i++) {
                    multiplications++;
                }
                biasAdds += bias ? 1 : 0;
            }
        }
        // A tied layer's matrix is the earlier layer's parameters; its bias is its own.
        long params = (f.tiedTo == null ? weights(out, in.channels()) : 0) + (bias ? out : 0);
        return new Semantics.Layer(f.name, f.kind, in, new Shape(out, in.sizes()), countMacs ? multiplications : null,
                new Oracle.Figures(2 * multiplications + biasAdds, params));
    }

    private static Semantics.Layer embedding(Field f, Semantics.Attributes a, Shape in) {
        int vocabulary = a.single("vocabulary", null, 1);
        int dim = a.single("dim", null, 1);
        if (in.rank() != 1 || in.channels() != 1) {
            throw new Semantics.Invalid("an embedding takes token ids, 1 x {L}");
        }
        return new Semantics.Layer(f.name, f.kind, in, new Shape(dim, in.sizes()), null,
                new Oracle.Figures(0, weights(vocabulary, dim)));
    }

    private static Semantics.Layer positionEmbedding(Field f, Semantics.Attributes a, Shape in) {
        int positions = a.single("positions", null, 1);
        if (in.rank() != 1 || in.sizes()[0] > positions) {
            throw new Semantics.Invalid("a position embedding takes a sequence of at most its positions");
        }
        long additions = 0;
        for (int token = 0; token < in.sizes()[0]; token++) {
            for (int feature = 0; feature < in.channels(); feature++) {
                additions++;
            }
        }
        return new Semantics.Layer(f.name, f.kind, in, in, null,
                new Oracle.Figures(additions, weights(positions, in.channels())));
    }

    private static Semantics.Layer learned(Field f, Semantics.Attributes a, Shape in) {
        String combine = f.verbatim.stream().filter(v -> v.startsWith("combine = ")).findFirst()
                .orElse("combine = Combine.ADD");
        int channels = a.single("channels", 0, 0);
        int[] tensor = new int[in.rank() + 1];
        tensor[0] = channels == 0 ? in.channels() : channels;
        int[] sizes = f.values.containsKey("size") ? a.dims("size", null, 1, in.rank()) : in.sizes();
        if (f.values.containsKey("size") && in.rank() == 0) {
            throw new Semantics.Invalid("a size for a vector");
        }
        System.arraycopy(sizes, 0, tensor, 1, sizes.length);
        long params = 0;
        for (int[] ignored : Oracle.box(tensor)) {
            params++;
        }
        int[] input = in.toArray();
        int[] output = input.clone();
        if (combine.endsWith("PREPEND")) {
            if (in.rank() == 0 || tensor[0] != input[0]) {
                throw new Semantics.Invalid("prepend needs a size and the input's channels");
            }
            for (int d = 2; d < input.length; d++) {
                if (tensor[d] != input[d]) {
                    throw new Semantics.Invalid("prepend needs the input's sizes but the first");
                }
            }
            output[1] = input[1] + tensor[1];
            return new Semantics.Layer(f.name, f.kind, in, shape(output), null, new Oracle.Figures(0, params));
        }
        for (int d = 0; d < input.length; d++) {
            if (input[d] != tensor[d] && input[d] != 1 && tensor[d] != 1) {
                throw new Semantics.Invalid("learned tensor does not broadcast");
            }
            output[d] = Math.max(input[d], tensor[d]);
        }
        long operations = 0;
        for (int[] ignored : Oracle.box(output)) {
            operations++;
        }
        return new Semantics.Layer(f.name, f.kind, in, shape(output), null, new Oracle.Figures(operations, params));
    }

    /** RMS normalization: at each position and channel a square, a sum and a scaling, and the gain's product. */
    private static Semantics.Layer rmsNorm(Field f, Shape in) {
        boolean affine = !f.verbatim.contains(Spec.NOT_AFFINE);
        long operations = 0;
        for (int[] ignored : Oracle.box(in.sizes())) {
            for (int channel = 0; channel < in.channels(); channel++) {
                operations += 3; // x^2, its addition into the sum, x times the reciprocal root
                operations += affine ? 1 : 0; // times the channel's gain
            }
        }
        return new Semantics.Layer(f.name, f.kind, in, in, null,
                new Oracle.Figures(operations, affine ? in.channels() : 0));
    }

    /** down(act(gate(x)) * up(x)), position by position, each projection's multiplications counted one by one. */
    private static Semantics.Layer gatedMlp(Field f, Semantics.Attributes a, Shape in, boolean countMacs) {
        int hidden = a.single("hidden", null, 1);
        int d = in.channels();
        boolean bias = f.verbatim.contains("bias = true");
        int perElement = f.verbatim.stream().filter(v -> v.startsWith("activation = ")).findFirst()
                .map(v -> ActivationFunction.valueOf(v.substring(v.lastIndexOf('.') + 1)).flopsPerElement())
                .orElse(ActivationFunction.SILU.flopsPerElement());
        long multiplications = 0;
        long elementwise = 0;
        long biasAdds = 0;
        for (int[] ignored : Oracle.box(in.sizes())) {
            for (int h = 0; h < hidden; h++) {
                for (int i = 0; i < d; i++) {
                    multiplications += 2; // gate's and up's
                }
                elementwise += perElement + 1; // act(gate) and its product with up
                biasAdds += bias ? 2 : 0;
            }
            for (int o = 0; o < d; o++) {
                for (int h = 0; h < hidden; h++) {
                    multiplications++; // down's
                }
                biasAdds += bias ? 1 : 0;
            }
        }
        long params = weights(hidden, d) + weights(hidden, d) + weights(d, hidden) + (bias ? 2L * hidden + d : 0);
        return new Semantics.Layer(f.name, f.kind, in, in, countMacs ? multiplications : null,
                new Oracle.Figures(2 * multiplications + elementwise + biasAdds, params));
    }

    /** The entries of a rows x columns table, one by one. */
    private static long weights(int rows, int columns) {
        long entries = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                entries++;
            }
        }
        return entries;
    }

    private static Shape shape(int[] all) {
        return new Shape(all[0], Arrays.copyOfRange(all, 1, all.length));
    }
}
