package dev.modelcost.processor.kinds;

import dev.modelcost.LayerKind;
import dev.modelcost.Permute;
import dev.modelcost.Reshape;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.Numbers;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.LayerDecl;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Layers that give the same elements another shape, in any rank: {@code @Reshape} (one entry may be inferred)
 * and {@code @Permute}. No operations, no parameters.
 */
final class ReshapeRules {
    /** The entry PyTorch's {@code reshape} infers. */
    private static final int INFERRED = -1;

    private ReshapeRules() {
    }

    /** {@code @Reshape(channels, size)}: as many elements as its input, {@code -1} inferred. */
    static final class ReshapeRule extends LayerRule<ShapeSpec.Reshape> {
        ReshapeRule() {
            super(Reshape.class, LayerKind.RESHAPE, ShapeSpec.Reshape.class);
        }

        @Override
        protected String noDecodeStep(ShapeSpec.Reshape spec) {
            return "a reshape lays out the values of every token at once";
        }

        @Override
        public ShapeSpec.Reshape read(LayerValues values) {
            return new ShapeSpec.Reshape(values.requiredInt("channels"), values.ints("size"));
        }

        @Override
        protected boolean check(LayerDecl layer, ShapeSpec.Reshape reshape, Findings findings) {
            int[] entries = entries(reshape);
            String inferredBefore = null;
            for (int i = 0; i < entries.length; i++) {
                String label = i == 0 ? reshape.channels().label() : sizeLabel(reshape, i - 1);
                Position position = i == 0 ? reshape.channels().position() : reshape.size().position(i - 1);
                if (entries[i] == INFERRED && inferredBefore != null) {
                    findings.add(Diagnostic.BAD_RESHAPE, position, label, "-1, as " + inferredBefore + " already is",
                            "only one entry may be -1, inferred from the others: give this one its size");
                    return false;
                } else if (entries[i] == INFERRED) {
                    inferredBefore = label.substring(0, label.indexOf(" of layer"));
                } else if (entries[i] < 1) {
                    findings.add(Diagnostic.BAD_RESHAPE, position, label, entries[i],
                            "give it at least 1, or -1 to infer it from the others");
                    return false;
                }
            }
            return true;
        }

        @Override
        protected LayerFigures analyze(LayerDecl layer, ShapeSpec.Reshape reshape, List<TensorShape> inputs,
                String flattenedBy, Findings findings) {
            TensorShape input = inputs.get(0);
            String of = " of layer '" + layer.name() + "'";
            long elements = input.elements("elements" + of);
            long[] entries = Arrays.stream(entries(reshape)).asLongStream().toArray();
            long known = Exact.product("elements" + of,
                    Arrays.stream(entries).filter(e -> e != INFERRED).toArray());
            int inferred = IntStream.range(0, entries.length).filter(i -> entries[i] == INFERRED).findFirst()
                    .orElse(-1);
            Position at = reshape.size().values().length > 0 ? reshape.size().position()
                    : reshape.channels().position();
            if (inferred < 0 && known != elements) {
                findings.add(Diagnostic.ELEMENTS_DIFFER, at, layer.name(), input, elements, dimensions(entries),
                        " (" + Numbers.grouped(known) + " elements)", fixFor(elements, entries));
                return null;
            }
            if (inferred >= 0 && elements % known != 0) {
                findings.add(Diagnostic.ELEMENTS_DIFFER, at, layer.name(), input, elements, dimensions(entries),
                        " (-1 cannot be inferred: " + Numbers.grouped(elements) + " is not a multiple of "
                                + Numbers.grouped(known) + ")", "give entries whose product divides "
                                + Numbers.grouped(elements));
                return null;
            }
            if (inferred >= 0) {
                entries[inferred] = elements / known;
            }
            for (long entry : entries) {
                Exact.checkInt("output dimension" + of, entry);
            }
            String settings = "to " + dimensions(Arrays.stream(entries(reshape)).asLongStream().toArray());
            TensorShape output = TensorShape.of(entries[0], Arrays.copyOfRange(entries, 1, entries.length));
            return LayerFigures.operations(layer, settings, input, output, 0, 0);
        }

        @Override
        protected TensorShape unknownShape(ShapeSpec.Reshape reshape, TensorShape input) {
            int channels = reshape.channels().value();
            return TensorShape.unknownSizes(channels > 0 ? channels : input.channels(), reshape.size().values().length);
        }

        /** The channels, then the sizes, as written. */
        private static int[] entries(ShapeSpec.Reshape reshape) {
            int[] size = reshape.size().values();
            int[] entries = new int[size.length + 1];
            entries[0] = reshape.channels().value();
            System.arraycopy(size, 0, entries, 1, size.length);
            return entries;
        }

        private static String sizeLabel(ShapeSpec.Reshape reshape, int dimension) {
            String label = reshape.size().label();
            int split = label.indexOf(" of layer");
            return reshape.size().values().length == 1 ? label
                    : label.substring(0, split) + " (dimension " + (dimension + 1) + ")" + label.substring(split);
        }

        /** Where the channels alone can take up the difference, the channels that would; else the count to reach. */
        private static String fixFor(long elements, long[] entries) {
            long sizes = Arrays.stream(entries).skip(1).reduce(1, Math::multiplyExact);
            if (elements % sizes == 0) {
                return "use channels = " + (elements / sizes) + ", or -1 to infer them";
            }
            return "give entries whose product is " + Numbers.grouped(elements) + ", or -1 for one of them";
        }
    }

    /** {@code @Permute(order)}: dimension {@code i} of the output is dimension {@code order[i]} of the input. */
    static final class PermuteRule extends LayerRule<ShapeSpec.Permute> {
        PermuteRule() {
            super(Permute.class, LayerKind.PERMUTE, ShapeSpec.Permute.class);
        }

        @Override
        protected String noDecodeStep(ShapeSpec.Permute spec) {
            return "a permutation moves values between the tokens and their features";
        }

        @Override
        public ShapeSpec.Permute read(LayerValues values) {
            return new ShapeSpec.Permute(values.requiredInts("value"));
        }

        @Override
        protected LayerFigures analyze(LayerDecl layer, ShapeSpec.Permute permute, List<TensorShape> inputs,
                String flattenedBy, Findings findings) {
            TensorShape input = inputs.get(0);
            int[] order = permute.order().values();
            int dimensions = input.rank() + 1;
            String problem = problem(order, dimensions);
            if (problem != null) {
                findings.add(Diagnostic.NOT_A_PERMUTATION, permute.order().position(), layer.name(), text(order),
                        dimensions - 1, input, problem, "list each of 0 to " + (dimensions - 1) + " once, e.g. "
                                + example(dimensions));
                return null;
            }
            long[] in = new long[dimensions];
            in[0] = input.channels();
            System.arraycopy(input.sizes(), 0, in, 1, input.rank());
            long[] out = Arrays.stream(order).mapToLong(d -> in[d]).toArray();
            return LayerFigures.operations(layer, "order=" + text(order), input,
                    TensorShape.of(out[0], Arrays.copyOfRange(out, 1, out.length)), 0, 0);
        }

        /** Why the order is not a permutation of {@code 0..dimensions-1}, or null when it is. */
        private static String problem(int[] order, int dimensions) {
            if (order.length != dimensions) {
                return ": it has " + order.length + " entr" + (order.length == 1 ? "y" : "ies") + " for "
                        + dimensions + " dimensions";
            }
            boolean[] seen = new boolean[dimensions];
            for (int d : order) {
                if (d < 0 || d >= dimensions) {
                    return ": " + d + " is not a dimension";
                } else if (seen[d]) {
                    return ": " + d + " appears twice";
                }
                seen[d] = true;
            }
            return null;
        }

        /** The order that swaps the last two dimensions, as a literal: {@code {1, 0}} for a sequence. */
        private static String example(int dimensions) {
            int[] order = IntStream.range(0, dimensions).toArray();
            if (dimensions > 1) {
                order[dimensions - 1] = dimensions - 2;
                order[dimensions - 2] = dimensions - 1;
            }
            return "{" + Arrays.stream(order).mapToObj(Integer::toString).collect(Collectors.joining(", ")) + "}";
        }
    }

    /** An order as settings show it, {@code 1,0}. */
    private static String text(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    /** Dimensions as a shape is written, {@code 768x14x14}. */
    static String dimensions(long[] values) {
        return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining("x"));
    }
}
