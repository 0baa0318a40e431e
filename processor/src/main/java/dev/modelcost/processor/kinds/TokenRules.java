package dev.modelcost.processor.kinds;

import dev.modelcost.LayerKind;
import dev.modelcost.SelectToken;
import dev.modelcost.ToMap;
import dev.modelcost.Tokens;
import dev.modelcost.processor.analysis.Dimensions;
import dev.modelcost.processor.analysis.Exact;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.LayerDecl;
import java.util.Arrays;
import java.util.List;

/**
 * Layers between feature maps and sequences of tokens ({@code d x {L}}): {@code @Tokens} makes the positions of
 * a map tokens, {@code @ToMap} lays tokens out as a map again, {@code @SelectToken} keeps one token as a vector.
 * They move no data that a counter counts: no operations, no parameters.
 */
final class TokenRules {
    private TokenRules() {
    }

    /**
     * The input when it is a sequence of known length; null when it is not one (MC160, reported) or its length is
     * unknown after a layer with a problem.
     */
    private static TensorShape knownSequence(LayerDecl layer, String what, List<TensorShape> inputs,
            String flattenedBy, Findings findings) {
        TensorShape input = inputs.get(0);
        boolean sequence = Sequences.require(layer, what, input, flattenedBy, findings);
        return sequence && input.sizesKnown() ? input : null;
    }

    /** {@code @Tokens}: {@code C x S1 x ... x Sk} to {@code C x {S1 * ... * Sk}}. */
    static final class TokensRule extends LayerRule<ShapeSpec.Tokens> {
        TokensRule() {
            super(Tokens.class, LayerKind.TOKENS, ShapeSpec.Tokens.class);
        }

        @Override
        protected String noDecodeStep(ShapeSpec.Tokens spec) {
            return "it makes tokens of a whole feature map at once";
        }

        @Override
        public ShapeSpec.Tokens read(LayerValues values) {
            return new ShapeSpec.Tokens();
        }

        @Override
        protected boolean checksItsInput() {
            return true;
        }

        @Override
        protected LayerFigures analyze(LayerDecl layer, ShapeSpec.Tokens tokens, List<TensorShape> inputs,
                String flattenedBy, Findings findings) {
            TensorShape input = inputs.get(0);
            if (input.rank() == 0) {
                Dimensions.reportNoSpatialInput(layer, "a token layer (@Tokens)", "for a single token of its "
                        + input.channels() + " features write @Reshape(channels = " + input.channels()
                        + ", size = 1)", input, flattenedBy, findings);
                return null;
            }
            if (!input.sizesKnown()) {
                return null;
            }
            String figure = "tokens of layer '" + layer.name() + "'";
            long count = Exact.checkInt(figure, input.spatialElements(figure));
            return LayerFigures.operations(layer, count + " tokens", input, TensorShape.of(input.channels(), count),
                    0, 0);
        }

        @Override
        protected TensorShape unknownShape(ShapeSpec.Tokens tokens, TensorShape input) {
            return TensorShape.unknownSizes(input.channels(), 1);
        }
    }

    /** {@code @ToMap}: {@code d x {L}} to {@code d x size}, the sizes' product being {@code L}. */
    static final class ToMapRule extends LayerRule<ShapeSpec.ToMap> {
        ToMapRule() {
            super(ToMap.class, LayerKind.TO_MAP, ShapeSpec.ToMap.class);
        }

        @Override
        protected String noDecodeStep(ShapeSpec.ToMap spec) {
            return "it lays the whole sequence out as a map";
        }

        @Override
        public ShapeSpec.ToMap read(LayerValues values) {
            return new ShapeSpec.ToMap(values.requiredInts("size"));
        }

        @Override
        protected boolean check(LayerDecl layer, ShapeSpec.ToMap map, Findings findings) {
            if (map.size().values().length == 0) {
                findings.add(Diagnostic.BAD_RESHAPE, map.size().position(), map.size().label(), "{}",
                        "give the map at least one size, e.g. size = {14, 14}");
                return false;
            }
            return Checks.atLeastOne(map.size(), findings);
        }

        @Override
        protected boolean checksItsInput() {
            return true;
        }

        @Override
        protected LayerFigures analyze(LayerDecl layer, ShapeSpec.ToMap map, List<TensorShape> inputs,
                String flattenedBy, Findings findings) {
            TensorShape input = knownSequence(layer, "a token-to-map layer (@ToMap)", inputs, flattenedBy, findings);
            if (input == null) {
                return null;
            }
            long[] size = Arrays.stream(map.size().values()).asLongStream().toArray();
            long positions = Exact.product("positions of layer '" + layer.name() + "'", size);
            long tokens = input.size(0);
            if (positions != tokens) {
                findings.add(Diagnostic.MAP_SIZE_MISMATCH, map.size().position(), layer.name(),
                        ReshapeRules.dimensions(size), positions, tokens, "give sizes whose product is " + tokens
                                + ", e.g. size = " + Factors.near(tokens, size.length));
                return null;
            }
            return LayerFigures.operations(layer, ReshapeRules.dimensions(size), input,
                    TensorShape.of(input.channels(), size), 0, 0);
        }

        @Override
        protected TensorShape unknownShape(ShapeSpec.ToMap map, TensorShape input) {
            return TensorShape.unknownSizes(input.channels(), Math.max(1, map.size().values().length));
        }
    }

    /** {@code @SelectToken}: {@code d x {L}} to the vector {@code d}; a negative index counts from the end. */
    static final class SelectTokenRule extends LayerRule<ShapeSpec.SelectToken> {
        SelectTokenRule() {
            super(SelectToken.class, LayerKind.SELECT_TOKEN, ShapeSpec.SelectToken.class);
        }

        @Override
        protected String noDecodeStep(ShapeSpec.SelectToken spec) {
            return "it picks one token of the whole sequence";
        }

        @Override
        public ShapeSpec.SelectToken read(LayerValues values) {
            return new ShapeSpec.SelectToken(values.optionalInt("index"));
        }

        @Override
        protected boolean checksItsInput() {
            return true;
        }

        @Override
        protected LayerFigures analyze(LayerDecl layer, ShapeSpec.SelectToken select, List<TensorShape> inputs,
                String flattenedBy, Findings findings) {
            TensorShape input = knownSequence(layer, "a token selection (@SelectToken)", inputs, flattenedBy,
                    findings);
            if (input == null) {
                return null;
            }
            long tokens = input.size(0);
            int index = select.index().value();
            long selected = index < 0 ? tokens + index : index;
            if (selected < 0 || selected >= tokens) {
                findings.add(Diagnostic.TOKEN_OUT_OF_RANGE, select.index().position(), layer.name(), index, tokens,
                        input, "use an index from " + -tokens + " to " + (tokens - 1)
                                + ": 0 the first token, -1 the last");
                return null;
            }
            return LayerFigures.operations(layer, "index=" + index, input, TensorShape.of(input.channels()), 0, 0);
        }

        @Override
        protected TensorShape unknownShape(ShapeSpec.SelectToken select, TensorShape input) {
            return TensorShape.unknownSizes(input.channels(), 0);
        }
    }
}
