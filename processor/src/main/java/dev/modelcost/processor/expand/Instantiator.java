package dev.modelcost.processor.expand;

import dev.modelcost.ActivationFunction;
import dev.modelcost.AdaptivePool;
import dev.modelcost.GlobalAvgPool;
import dev.modelcost.GlobalMaxPool;
import dev.modelcost.LayerKind;
import dev.modelcost.PaddingMode;
import dev.modelcost.PoolMode;
import dev.modelcost.UpsampleMode;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.ChannelSpec;
import dev.modelcost.processor.model.ConvSpec;
import dev.modelcost.processor.model.DenseSpec;
import dev.modelcost.processor.model.GlobalPoolSpec;
import dev.modelcost.processor.model.GroupNormSpec;
import dev.modelcost.processor.model.Grouping;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import dev.modelcost.processor.model.MergeSpec;
import dev.modelcost.processor.model.NormSpec;
import dev.modelcost.processor.model.PointwiseSpec;
import dev.modelcost.processor.model.PoolSpec;
import dev.modelcost.processor.model.UpsampleSpec;
import dev.modelcost.processor.read.AnnotationValues;
import dev.modelcost.processor.read.LayerTemplate;
import java.util.List;

/**
 * Turns a layer field into a concrete layer in a scope: every value resolved to a number, from the attribute or
 * from its {@code ...Expr} twin evaluated with the scope's parameters. A value that cannot be resolved is
 * reported and the layer is left out (null).
 */
public final class Instantiator {

    /** The concrete layer, or null when a value could not be resolved (reported to {@code findings}). */
    public LayerDecl instantiate(LayerTemplate template, Scope scope, Findings findings) {
        Values values = new Values(template.values(), scope, template.name(), "groups", findings);
        try {
            LayerSpec spec = spec(template, values, scope, findings);
            // @AdaptivePool is either kind, by its mode.
            LayerKind kind = spec instanceof GlobalPoolSpec pool
                    ? (pool.max() ? LayerKind.MAX_POOL : LayerKind.AVG_POOL) : template.kind();
            return new LayerDecl(scope.fullName(template.name()), template.field(), kind,
                    scope.at(template.values().annotation()), spec, template.budget());
        } catch (Unresolved e) {
            return null;
        }
    }

    /**
     * Evaluates an expression of the scope's names, as {@code @When} and {@code @Stage} arguments use. An
     * expression that cannot be parsed or uses an unknown name is wrong wherever it is used: reported where it is
     * written ({@code position}). One that fails only with the values of this use (a division by zero, an
     * overflow) is reported where the block is used, as every problem of the values a use gives.
     */
    public static long evaluate(String text, Scope scope, Position position, String what, Findings findings) {
        Expression expression;
        try {
            expression = Expression.parse(text);
        } catch (ExpressionException e) {
            findings.addOnce(Diagnostic.BAD_EXPRESSION, position, text, what, e.getMessage());
            throw new Unresolved();
        }
        try {
            return expression.evaluate(scope.names());
        } catch (ExpressionException e) {
            if (scope.names().keySet().containsAll(expression.names())) {
                findings.add(Diagnostic.BAD_EXPRESSION, scope.at(position), text, what, e.getMessage());
            } else {
                findings.addOnce(Diagnostic.BAD_EXPRESSION, position, text, what, e.getMessage());
            }
            throw new Unresolved();
        }
    }

    private static LayerSpec spec(LayerTemplate template, Values values, Scope scope, Findings findings) {
        LayerKind kind = template.kind();
        String annotation = template.simpleName();
        return switch (kind) {
            case CONV, DECONV -> conv(kind == LayerKind.DECONV, template, values, scope, findings);
            case DENSE -> new DenseSpec(values.requiredInt("out"), values.bool("bias"));
            case MAX_POOL, AVG_POOL -> pool(kind == LayerKind.MAX_POOL, annotation, values);
            case BATCH_NORM -> new NormSpec(values.bool("folded"));
            case GROUP_NORM -> new GroupNormSpec(values.requiredInt("value"), values.bool("affine"));
            case ACTIVATION -> {
                ActivationFunction function = ActivationFunction.valueOf(values.raw.enumValue("value"));
                yield new PointwiseSpec(values.fixed(function.flopsPerElement()),
                        function.name().toLowerCase(java.util.Locale.ROOT));
            }
            case ELEMENTWISE -> {
                IntValue flops = values.optionalInt("flopsPerElement");
                yield new PointwiseSpec(flops, "ops/element=" + flops.value());
            }
            case DROPOUT -> new PointwiseSpec(values.fixed(0), "p=" + values.raw.doubleValue("value"));
            case UPSAMPLE -> upsample(template, values, scope, findings);
            case ADD, MULTIPLY, CONCAT -> new MergeSpec(values.raw.stringsValue("value"),
                    scope.at(values.raw.position("value")));
            case SLICE -> new ChannelSpec(values.optionalInt("from"), values.requiredInt("to"), null);
            case SHUFFLE -> new ChannelSpec(null, null, values.requiredInt("value"));
            case FLATTEN -> new ChannelSpec(null, null, null);
        };
    }

    private static ConvSpec conv(boolean transposed, LayerTemplate template, Values values, Scope scope,
            Findings findings) {
        Grouping grouping = null;
        if (template.grouped() != null) {
            Values grouped = new Values(template.grouped(), scope, template.name(), "groups", findings);
            IntValue count = grouped.isGiven("value") ? grouped.optionalInt("value") : null;
            grouping = new Grouping(count, grouped.bool("depthwise"), scope.at(grouped.raw.position("depthwise")),
                    scope.at(grouped.raw.annotation()));
        }
        return new ConvSpec(
                transposed,
                values.requiredInt("out"),
                values.requiredInts("kernel"),
                values.ints("stride"),
                values.ints("padding"),
                values.ints("dilation"),
                transposed ? values.ints("outputPadding") : null,
                values.bool("bias"),
                values.raw.enumValue("paddingMode").equals(PaddingMode.SAME.name()),
                scope.at(values.raw.position("paddingMode")),
                grouping);
    }

    private static LayerSpec pool(boolean max, String annotation, Values values) {
        if (annotation.equals(GlobalMaxPool.class.getSimpleName())
                || annotation.equals(GlobalAvgPool.class.getSimpleName())) {
            return new GlobalPoolSpec(max, null);
        }
        if (annotation.equals(AdaptivePool.class.getSimpleName())) {
            return new GlobalPoolSpec(values.raw.enumValue("mode").equals(PoolMode.MAX.name()),
                    values.requiredInts("size"));
        }
        IntsValue stride = values.isGiven("stride") ? values.ints("stride") : null;
        IntsValue dilation = values.raw.has("dilation") ? values.ints("dilation") : values.fixedInts("dilation", 1);
        return new PoolSpec(max, values.requiredInts("kernel"), stride, values.ints("padding"), dilation,
                values.bool("ceilMode"));
    }

    private static UpsampleSpec upsample(LayerTemplate template, Values values, Scope scope, Findings findings) {
        boolean byScale = values.isGiven("scale");
        boolean bySize = values.isGiven("size");
        if (byScale == bySize) {
            findings.add(Diagnostic.ONE_OF, scope.at(values.raw.annotation()), scope.fullName(template.name()),
                    byScale ? "both scale and size" : "neither scale nor size", "scale or size");
            throw new Unresolved();
        }
        return new UpsampleSpec(byScale ? values.ints("scale") : null, bySize ? values.ints("size") : null,
                values.raw.enumValue("mode").equals(UpsampleMode.BILINEAR.name()));
    }

    /** A value that could not be resolved; already reported. */
    public static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolved() {
            super(null, null, false, false);
        }
    }

    /** One annotation's values, resolved in a scope, each labelled with the full layer name for messages. */
    private static final class Values {
        private final AnnotationValues raw;
        private final Scope scope;
        private final String layer;
        private final String valueName;
        private final Findings findings;

        /** @param valueName what the {@code value} attribute means, for messages ({@code @Grouped(4)}: groups) */
        Values(AnnotationValues raw, Scope scope, String field, String valueName, Findings findings) {
            this.raw = raw;
            this.scope = scope;
            this.layer = scope.fullName(field);
            this.valueName = valueName;
            this.findings = findings;
        }

        boolean bool(String attribute) {
            return raw.booleanValue(attribute);
        }

        /** Whether the attribute or its twin was written. */
        boolean isGiven(String attribute) {
            return raw.isWritten(attribute) || raw.expression(attribute) != null;
        }

        IntValue fixed(int value) {
            return new IntValue("value of layer '" + layer + "'", value, scope.at(raw.annotation()));
        }

        IntsValue fixedInts(String attribute, int value) {
            return new IntsValue(label(attribute), new int[] {value}, scope.at(raw.annotation()));
        }

        IntValue requiredInt(String attribute) {
            requireGiven(attribute);
            return optionalInt(attribute);
        }

        IntValue optionalInt(String attribute) {
            String expression = expression(attribute);
            if (expression == null) {
                return new IntValue(label(attribute), raw.intValue(attribute), scope.at(raw.position(attribute)));
            }
            return new IntValue(label(attribute), evaluateInt(attribute, expression),
                    scope.at(raw.expressionPosition(attribute)));
        }

        IntsValue requiredInts(String attribute) {
            requireGiven(attribute);
            return ints(attribute);
        }

        IntsValue ints(String attribute) {
            String expression = expression(attribute);
            if (expression == null) {
                return new IntsValue(label(attribute), raw.intsValue(attribute), scope.at(raw.position(attribute)));
            }
            List<String> parts = Expression.splitTopLevel(expression, ',');
            int[] values = new int[parts.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = evaluateInt(attribute, parts.get(i));
            }
            return new IntsValue(label(attribute), values, scope.at(raw.expressionPosition(attribute)));
        }

        /** The attribute's {@code ...Expr} twin, or null; both written is reported (the twin would silently win). */
        private String expression(String attribute) {
            String expression = raw.expression(attribute);
            if (expression != null && raw.isWritten(attribute)) {
                findings.add(Diagnostic.ONE_OF, scope.at(raw.expressionPosition(attribute)), layer,
                        "both " + attribute + " and " + attribute + "Expr", attribute + " or " + attribute + "Expr");
                throw new Unresolved();
            }
            return expression;
        }

        private void requireGiven(String attribute) {
            if (!isGiven(attribute)) {
                findings.add(Diagnostic.MISSING_VALUE, scope.at(raw.annotation()), label(attribute),
                        attribute + " = ..." + (raw.has(attribute + "Expr") ? " or " + attribute + "Expr = \"...\"" : ""));
                throw new Unresolved();
            }
        }

        private int evaluateInt(String attribute, String text) {
            String what = attribute + "Expr of layer '" + layer + "'";
            long value = evaluate(text, scope, raw.expressionPosition(attribute), what, findings);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                findings.add(Diagnostic.BAD_EXPRESSION, scope.at(raw.expressionPosition(attribute)), text, what,
                        "its value " + value + " does not fit an int");
                throw new Unresolved();
            }
            return (int) value;
        }

        private String label(String attribute) {
            return (attribute.equals("value") ? valueName : attribute) + " of layer '" + layer + "'";
        }
    }
}
