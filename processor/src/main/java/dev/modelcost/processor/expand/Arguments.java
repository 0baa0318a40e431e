package dev.modelcost.processor.expand;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.read.AnnotationValues;
import dev.modelcost.processor.read.BlockTemplate;
import dev.modelcost.processor.read.LayerTemplate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

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
                                + " = ...\"", block.type().getSimpleName(), parameterList(block));
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
            int equals = assignment.indexOf('=');
            String name = equals < 0 ? assignment.trim() : assignment.substring(0, equals).trim();
            if (equals < 0 || assignment.startsWith("=", equals + 1)) {
                findings.addOnce(Diagnostic.BAD_ARGUMENT, written, stage.name(),
                        attribute + " has \"" + assignment.trim() + "\", not name = expression",
                        block.type().getSimpleName(), parameterList(block));
                return null;
            }
            if (block.params().stream().noneMatch(p -> p.name().equals(name))) {
                findings.addOnce(Diagnostic.BAD_ARGUMENT, written, stage.name(),
                        attribute + " gives '" + name + "', which " + block.type().getSimpleName() + " does not have",
                        block.type().getSimpleName(), parameterList(block));
                return null;
            }
            if (result.containsKey(name)) {
                findings.addOnce(Diagnostic.BAD_ARGUMENT, written, stage.name(),
                        attribute + " gives '" + name + "' twice; give each parameter once",
                        block.type().getSimpleName(), parameterList(block));
                return null;
            }
            try {
                result.put(name, Instantiator.evaluate(assignment.substring(equals + 1).trim(), scope, written,
                        attribute + " of stage '" + scope.fullName(stage.name()) + "'", findings));
            } catch (Instantiator.Unresolved e) {
                return null;
            }
        }
        return result;
    }

    private static String parameterList(BlockTemplate block) {
        return block.params().isEmpty() ? "none" : block.params().stream()
                .map(p -> p.defaultExpression() == null ? p.name() : p.name() + " (default " + p.defaultExpression()
                        + ")")
                .collect(Collectors.joining(", "));
    }
}
