package dev.modelcost.processor.expand;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.kinds.LayerRule;
import dev.modelcost.processor.kinds.LayerValues;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import dev.modelcost.processor.read.AnnotationValues;
import dev.modelcost.processor.read.LayerTemplate;
import java.util.List;

/**
 * Turns a layer field into a concrete layer in a scope: every value resolved to a number, from the attribute or
 * from its {@code ...Expr} twin evaluated with the scope's parameters. A value that cannot be resolved is
 * reported and the layer is left out (null).
 */
public final class Instantiator {

    /**
     * The concrete layer that {@code template} declares, read by its kind's rule, or null when a value could not
     * be resolved (reported to {@code findings}).
     *
     * @param reads how its settings name the layers it reads ({@link LayerDecl#reads()})
     */
    public LayerDecl instantiate(LayerTemplate template, LayerTemplate.OneLayer declared, Scope scope,
            List<String> reads, Findings findings) {
        Values values = new Values(template.values(), template.grouped(), scope, template.name(), findings);
        try {
            LayerRule<?> rule = declared.rule();
            LayerSpec spec = rule.read(values);
            return new LayerDecl(scope.fullName(template.name()), template.field(), rule.kindOf(spec),
                    scope.at(template.values().annotation()), spec, declared.budget(), reads);
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

    /** A value that could not be resolved; already reported. */
    public static final class Unresolved extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unresolved() {
            super(null, null, false, false);
        }
    }

    /** One annotation's values, resolved in a scope, each labelled with the full layer name for messages. */
    private static final class Values implements LayerValues {
        /** What the int {@code value} of a layer annotation is: a group count wherever there is one. */
        private static final String VALUE_NAME = "groups";

        private final AnnotationValues raw;
        private final AnnotationValues grouped;
        private final Scope scope;
        private final String field;
        private final String layer;
        private final Findings findings;

        /** @param grouped the field's {@code @Grouped}, or null */
        Values(AnnotationValues raw, AnnotationValues grouped, Scope scope, String field, Findings findings) {
            this.raw = raw;
            this.grouped = grouped;
            this.scope = scope;
            this.field = field;
            this.layer = scope.fullName(field);
            this.findings = findings;
        }

        @Override
        public String layer() {
            return layer;
        }

        @Override
        public LayerValues grouped() {
            return grouped == null ? null : new Values(grouped, null, scope, field, findings);
        }

        @Override
        public String enumValue(String attribute) {
            return raw.enumValue(attribute);
        }

        @Override
        public double doubleValue(String attribute) {
            return raw.doubleValue(attribute);
        }

        @Override
        public List<String> strings(String attribute) {
            return raw.stringsValue(attribute);
        }

        @Override
        public String string(String attribute) {
            return raw.stringValue(attribute);
        }

        @Override
        public boolean has(String attribute) {
            return raw.has(attribute);
        }

        @Override
        public Position position(String attribute) {
            return scope.at(raw.position(attribute));
        }

        @Override
        public Position annotation() {
            return scope.at(raw.annotation());
        }

        @Override
        public RuntimeException fail(Diagnostic diagnostic, Position position, Object... arguments) {
            findings.add(diagnostic, position, arguments);
            return new Unresolved();
        }

        @Override
        public boolean bool(String attribute) {
            return raw.booleanValue(attribute);
        }

        @Override
        public boolean isGiven(String attribute) {
            return raw.isWritten(attribute) || raw.expression(attribute) != null;
        }

        @Override
        public IntValue fixed(int value) {
            return new IntValue("value of layer '" + layer + "'", value, scope.at(raw.annotation()));
        }

        @Override
        public IntsValue fixedInts(String attribute, int value) {
            return new IntsValue(label(attribute), new int[] {value}, scope.at(raw.annotation()));
        }

        @Override
        public IntValue requiredInt(String attribute) {
            requireGiven(attribute);
            return optionalInt(attribute);
        }

        @Override
        public IntValue optionalInt(String attribute) {
            String expression = expression(attribute);
            if (expression == null) {
                return new IntValue(label(attribute), raw.intValue(attribute), scope.at(raw.position(attribute)));
            }
            return new IntValue(label(attribute), evaluateInt(attribute, expression),
                    scope.at(raw.expressionPosition(attribute)));
        }

        @Override
        public IntsValue requiredInts(String attribute) {
            requireGiven(attribute);
            return ints(attribute);
        }

        @Override
        public IntsValue ints(String attribute) {
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
            return (attribute.equals("value") ? VALUE_NAME : attribute) + " of layer '" + layer + "'";
        }
    }
}
