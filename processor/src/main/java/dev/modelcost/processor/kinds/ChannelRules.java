package dev.modelcost.processor.kinds;

import dev.modelcost.Flatten;
import dev.modelcost.LayerKind;
import dev.modelcost.Shuffle;
import dev.modelcost.Slice;
import dev.modelcost.processor.analysis.Divisors;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.LayerDecl;
import java.util.List;

/**
 * Layers that rearrange their input's channels without computing or parameters: {@code @Slice},
 * {@code @Shuffle} and {@code @Flatten}.
 */
final class ChannelRules {
    private ChannelRules() {
    }

    /** {@code @Slice}: the channels from {@code from} to {@code to}. */
    static final class SliceRule extends LayerRule<ChannelSpec.Slice> {
        SliceRule() {
            super(Slice.class, LayerKind.SLICE, ChannelSpec.Slice.class);
        }

        @Override
        public ChannelSpec.Slice read(LayerValues values) {
            return new ChannelSpec.Slice(values.optionalInt("from"), values.requiredInt("to"));
        }

        @Override
        protected boolean check(LayerDecl layer, ChannelSpec.Slice slice, Findings findings) {
            return Checks.atLeastZero(slice.from(), findings);
        }

        @Override
        protected LayerFigures analyze(LayerDecl layer, ChannelSpec.Slice slice, List<TensorShape> inputs,
                String flattenedBy, Findings findings) {
            TensorShape input = inputs.get(0);
            long from = slice.from().value();
            long to = slice.to().value();
            if (to <= from || to > input.channels()) {
                findings.add(Diagnostic.BAD_CHANNEL_RANGE, slice.to().position(), layer.name(), from, to,
                        input.channels(), "keep 0 <= from < to <= " + input.channels() + ", e.g. from = 0, to = "
                                + Math.max(1, input.channels() / 2));
                return null;
            }
            return LayerFigures.operations(layer, from + ":" + to, input,
                    new TensorShape(to - from, input.sizes(), true), 0, 0);
        }
    }

    /** {@code @Shuffle}: the groups must divide the channels. */
    static final class ShuffleRule extends LayerRule<ChannelSpec.Shuffle> {
        ShuffleRule() {
            super(Shuffle.class, LayerKind.SHUFFLE, ChannelSpec.Shuffle.class);
        }

        @Override
        public ChannelSpec.Shuffle read(LayerValues values) {
            return new ChannelSpec.Shuffle(values.requiredInt("value"));
        }

        @Override
        protected boolean check(LayerDecl layer, ChannelSpec.Shuffle shuffle, Findings findings) {
            return Checks.atLeastOne(shuffle.groups(), findings);
        }

        @Override
        protected LayerFigures analyze(LayerDecl layer, ChannelSpec.Shuffle shuffle, List<TensorShape> inputs,
                String flattenedBy, Findings findings) {
            TensorShape input = inputs.get(0);
            if (!Divisors.divideChannels(layer, shuffle.groups(), input.channels(), findings)) {
                return null;
            }
            return LayerFigures.operations(layer, "g=" + shuffle.groups().value(), input, input, 0, 0);
        }
    }

    /** {@code @Flatten}: channels and positions to one vector. */
    static final class FlattenRule extends LayerRule<ChannelSpec.Flatten> {
        FlattenRule() {
            super(Flatten.class, LayerKind.FLATTEN, ChannelSpec.Flatten.class);
        }

        @Override
        protected String noDecodeStep(ChannelSpec.Flatten spec) {
            return "it flattens the whole sequence into one vector";
        }

        @Override
        public ChannelSpec.Flatten read(LayerValues values) {
            return new ChannelSpec.Flatten();
        }

        @Override
        protected LayerFigures analyze(LayerDecl layer, ChannelSpec.Flatten flatten, List<TensorShape> inputs,
                String flattenedBy, Findings findings) {
            TensorShape input = inputs.get(0);
            String of = " of layer '" + layer.name() + "'";
            long elements = Exact.checkInt("size" + of, input.elements("size" + of));
            return LayerFigures.operations(layer, "", input, TensorShape.of(elements), 0, 0);
        }

        @Override
        protected TensorShape unknownShape(ChannelSpec.Flatten flatten, TensorShape input) {
            return TensorShape.unknownSizes(1, 0);
        }
    }
}
