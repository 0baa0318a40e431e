package dev.modelcost.processor.expand;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.read.AnnotationValues;
import dev.modelcost.processor.read.BlockTemplate;
import dev.modelcost.processor.read.LayerTemplate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.TypeElement;

/**
 * The arguments of one {@code @Stage}: its {@code with} and {@code first} assignments, evaluated in the scope
 * that uses the block, and bound to the block's parameters (defaults filled in) for each repetition.
 */
final class Arguments {
    /** The name that stands for the channels of a block's input. */
    static final String INPUT_CHANNELS = "in";

    private final LayerTemplate stage;
    private final BlockTemplate block;
    private final Scope scope;
    private final Findings findings;
    private final Map<String, Long> every;
    private final Map<String, Long> first;

    private Arguments(LayerTemplate stage, BlockTemplate block, Scope scope, Findings findings,
            Map<String, Long> every, Map<String, Long> first) {
        this.stage = stage;
        this.block = block;
        this.scope = scope;
        this.findings = findings;
        this.every = every;
        this.first = first;
    }

    /** The stage's arguments, or null when one is malformed or unknown to the block (reported). */
    static Arguments of(LayerTemplate stage, BlockTemplate block, Scope scope, Findings findings) {
        Map<String, Long> every = assignments(stage, block, "with", scope, findings);
        Map<String, Long> first = assignments(stage, block, "first", scope, findings);
        return every == null || first == null ? null : new Arguments(stage, block, scope, findings, every, first);
    }

    /**
     * The names a repetition's layers can use: {@code in} and every parameter, from {@code first} (in the first
     * repetition), else {@code with}, else its default; null when a parameter has no value (reported).
     */
    Map<String, Long> bind(boolean firstRepetition, long inputChannels) {
        Map<String, Long> names = new HashMap<>();
        names.put(INPUT_CHANNELS, inputChannels);
        for (BlockTemplate.Param param : block.params()) {
            Long value = firstRepetition && first.containsKey(param.name()) ? first.get(param.name())
                    : every.get(param.name());
            if (value == null && param.defaultExpression() != null) {
                // A default that fails with this use's values is reported at the use.
                Scope defaults = new Scope(scope.prefix(), names, scope.at(stage.values().annotation()),
                        block.type().getSimpleName().toString());
                try {
                    value = Instantiator.evaluate(param.defaultExpression(), defaults, param.position(),
                            "default of parameter '" + param.name() + "' of " + block.type().getSimpleName(),
                            findings);
                } catch (Instantiator.Unresolved e) {
                    return null;
                }
            }
            if (value == null) {
                findings.addOnce(Diagnostic.BAD_ARGUMENT, stage.values().annotation(), stage.name(),
                        "parameter '" + param.name() + "' has no value; give it in with = \"" + param.name()
                                + " = ...\"", block.type().getSimpleName(), parameterList(block.params()));
                return null;
            }
            names.put(param.name(), value);
        }
        return names;
    }

    /** {@code "width = 64, stride = 2"} evaluated in the using scope; null when malformed (reported). */
    private static Map<String, Long> assignments(LayerTemplate stage, BlockTemplate block, String attribute,
            Scope scope, Findings findings) {
        AnnotationValues values = stage.values();
        String text = values.stringValue(attribute);
        // Which names a stage gives is its own text, the same in every use of an enclosing block: reported where
        // it is written, once. Only what the values make of the expressions can depend on the use.
        Position written = values.position(attribute);
        Map<String, Long> result = new LinkedHashMap<>();
        if (text.isBlank()) {
            return result;
        }
        for (String assignment : Expression.splitTopLevel(text, ',')) {
            String problem = problem(attribute, assignment, result.keySet(), block.params(), block.type());
            if (problem != null) {
                findings.addOnce(Diagnostic.BAD_ARGUMENT, written, stage.name(), problem,
                        block.type().getSimpleName(), parameterList(block.params()));
                return null;
            }
            int equals = assignment.indexOf('=');
            try {
                result.put(assignment.substring(0, equals).trim(), Instantiator.evaluate(
                        assignment.substring(equals + 1).trim(), scope, written,
                        attribute + " of stage '" + scope.fullName(stage.name()) + "'", findings));
            } catch (Instantiator.Unresolved e) {
                return null;
            }
        }
        return result;
    }

    /**
     * What is wrong with one {@code name = expression} of a stage's {@code with} or {@code first}, apart from
     * the expression itself, or null: not an assignment, a name the block does not have, or one given before.
     */
    static String problem(String attribute, String assignment, Set<String> given, List<BlockTemplate.Param> params,
            TypeElement blockType) {
        int equals = assignment.indexOf('=');
        String name = equals < 0 ? assignment.trim() : assignment.substring(0, equals).trim();
        if (equals < 0 || assignment.startsWith("=", equals + 1)) {
            return attribute + " has \"" + assignment.trim() + "\", not name = expression";
        }
        if (params.stream().noneMatch(p -> p.name().equals(name))) {
            return attribute + " gives '" + name + "', which " + blockType.getSimpleName() + " does not have"
                    + DidYouMean.hint(name, params.stream().map(BlockTemplate.Param::name).toList());
        }
        if (given.contains(name)) {
            return attribute + " gives '" + name + "' twice; give each parameter once";
        }
        return null;
    }

    /** {@code "width, stride (default 1)"}, or {@code "none"}. */
    static String parameterList(List<BlockTemplate.Param> params) {
        return params.isEmpty() ? "none" : params.stream()
                .map(p -> p.defaultExpression() == null ? p.name() : p.name() + " (default " + p.defaultExpression()
                        + ")")
                .collect(Collectors.joining(", "));
    }
}
