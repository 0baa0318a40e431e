package dev.modelcost.processor.expand;

import dev.modelcost.From;
import dev.modelcost.Param;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.read.AnnotationValues;
import dev.modelcost.processor.read.BlockTemplate;
import dev.modelcost.processor.read.LayerTemplate;
import dev.modelcost.processor.read.NetworkReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks what a block's own text decides, whatever the arguments of its uses: the layers its fields take input
 * from, the syntax of its expressions and the names they use, its parameters' names and the order of their
 * defaults, and what its stages give the blocks they use. Each problem is reported once, where it is written,
 * whether the block is used once, many times or not at all; a block with such a problem is not expanded, so no
 * use reports it again. What depends on a use's values (a division by zero, a size that does not fit) is left
 * to the use.
 */
public final class BlockTextChecker {
    private final BlockTemplate block;
    private final String blockName;
    private final Function<TypeElement, List<BlockTemplate.Param>> parameters;
    private final Findings findings;

    private BlockTextChecker(BlockTemplate block, Function<TypeElement, List<BlockTemplate.Param>> parameters,
            Findings findings) {
        this.block = block;
        this.blockName = block.type().getSimpleName().toString();
        this.parameters = parameters;
        this.findings = findings;
    }

    /**
     * Reads the block declared by this class, which the caller has checked is a {@code @Block}, with every
     * problem of its own text: those of its fields' annotations and, when they are sound, those of the names and
     * expressions its fields write.
     */
    public static BlockTemplate read(NetworkReader reader, TypeElement type, Findings findings) {
        Findings structure = new Findings();
        BlockTemplate block = reader.readBlock(type, structure);
        findings.addAll(structure);
        if (!structure.hasErrors()) {
            // A field left out for its own problem would make every name of it look misspelled.
            check(block, reader::readParams, findings);
        }
        return block;
    }

    /**
     * Adds a finding for every problem of the block's own text.
     *
     * @param parameters the parameters of a block that this one's stages use
     */
    static void check(BlockTemplate block, Function<TypeElement, List<BlockTemplate.Param>> parameters,
            Findings findings) {
        new BlockTextChecker(block, parameters, findings).check();
    }

    private void check() {
        Set<String> parameters = new LinkedHashSet<>();
        parameters.add(Arguments.INPUT_CHANNELS);
        List<String> all = new ArrayList<>(block.params().size());
        for (BlockTemplate.Param param : block.params()) {
            all.add(param.name());
        }
        for (BlockTemplate.Param param : block.params()) {
            parameter(param, parameters, all);
            parameters.add(param.name());
        }
        Set<String> layers = new LinkedHashSet<>();
        for (LayerTemplate layer : block.layers()) {
            layer(layer, layers, parameters);
            layers.add(layer.name());
        }
    }

    /** The parameter's name, and its default: it can use {@code in} and the parameters declared before it. */
    private void parameter(BlockTemplate.Param param, Set<String> before, List<String> all) {
        if (param.name().equals(Arguments.INPUT_CHANNELS)) {
            findings.add(Diagnostic.BUILT_IN_PARAMETER, param.position(), param.name(), blockName,
                    Arguments.INPUT_CHANNELS, "the channels of the block's input");
        }
        if (param.defaultExpression() == null) {
            return;
        }
        Expression expression = parse(param.defaultExpression(), param.position(), defaultWhat(param));
        if (expression == null) {
            return;
        }
        for (String name : expression.names()) {
            if (before.contains(name)) {
                continue;
            }
            if (name.equals(param.name())) {
                findings.add(Diagnostic.BAD_EXPRESSION, param.position(), param.defaultExpression(),
                        defaultWhat(param), "it uses '" + name + "' itself; a default can use in and the parameters "
                                + "declared before it");
            } else if (all.contains(name)) {
                findings.add(Diagnostic.PARAMETER_DECLARED_LATER, param.position(), param.name(), blockName, name,
                        name, param.name());
            } else {
                findings.add(Diagnostic.BAD_EXPRESSION, param.position(), param.defaultExpression(),
                        defaultWhat(param), Expression.unknownName(name, before));
            }
            return;
        }
    }

    private String defaultWhat(BlockTemplate.Param param) {
        return "default of parameter '" + param.name() + "' of " + blockName;
    }

    private void layer(LayerTemplate layer, Set<String> before, Set<String> parameters) {
        String name = blockName + "." + layer.name();
        if (layer.from() != null) {
            inputs(name, List.of(layer.from().stringValue("value")), layer.from().position("value"), before);
        } else if (layer.takesNamedInputs()) {
            List<String> operands = layer.values().stringsValue("value");
            Position position = layer.values().position("value");
            if (operands.size() < 2) {
                findings.add(Diagnostic.TOO_FEW_INPUTS, position, name, operands.size(),
                        operands.size() == 1 ? "" : "s");
            } else {
                inputs(name, operands, position, before);
            }
        }
        if (layer.when() != null) {
            expression(layer.when().stringValue("value"), layer.when().position("value"),
                    "@When of layer '" + name + "'", parameters);
        }
        if (layer.isStage()) {
            stage(layer, name, parameters);
            return;
        }
        expressions(layer.values(), name, parameters);
        if (layer.grouped() != null) {
            expressions(layer.grouped(), name, parameters);
        }
    }

    /** The first operand that names no field declared before this one, nor the input. */
    private void inputs(String layer, List<String> names, Position position, Set<String> before) {
        for (String name : names) {
            if (!From.INPUT.equals(name) && !before.contains(name)) {
                findings.add(Diagnostic.UNKNOWN_LAYER, position, layer, name, DidYouMean.hint(name, before),
                        NetworkExpander.declaredNames(before));
                return;
            }
        }
    }

    /** Every {@code ...Expr} attribute written, each part of a list on its own, as the layer is instantiated. */
    private void expressions(AnnotationValues values, String layer, Set<String> parameters) {
        AnnotationMirror mirror = values.annotation().annotation();
        for (ExecutableElement attribute : ElementFilter.methodsIn(
                mirror.getAnnotationType().asElement().getEnclosedElements())) {
            String twin = attribute.getSimpleName().toString();
            if (!twin.endsWith("Expr")) {
                continue;
            }
            String plain = twin.substring(0, twin.length() - "Expr".length());
            String text = values.expression(plain);
            if (text == null) {
                continue;
            }
            List<String> parts = isList(mirror, plain) ? Expression.splitTopLevel(text, ',') : List.of(text);
            for (String part : parts) {
                expression(part.trim(), values.expressionPosition(plain), twin + " of layer '" + layer + "'",
                        parameters);
            }
        }
    }

    private static boolean isList(AnnotationMirror mirror, String attribute) {
        for (ExecutableElement method : ElementFilter.methodsIn(mirror.getAnnotationType().asElement()
                .getEnclosedElements())) {
            if (method.getSimpleName().contentEquals(attribute)) {
                return method.getReturnType().getKind() == TypeKind.ARRAY;
            }
        }
        return false;
    }

    /** A stage's block, repeat, and what its {@code with} and {@code first} give. */
    private void stage(LayerTemplate stage, String name, Set<String> names) {
        AnnotationValues values = stage.values();
        int repeat = values.intValue("repeat");
        if (repeat < 1) {
            findings.add(Diagnostic.NOT_POSITIVE, values.position("repeat"), "repeat of stage '" + name + "'", repeat);
        }
        TypeElement used = NetworkExpander.blockType(values);
        if (used == null) {
            TypeMirror type = values.typeValue("block");
            findings.add(Diagnostic.NOT_A_BLOCK, values.position("block"), stage.name(), type,
                    NetworkExpander.notABlockAdvice(type));
            return;
        }
        List<BlockTemplate.Param> usedParams = parameters.apply(used);
        for (String attribute : List.of("with", "first")) {
            String text = values.stringValue(attribute);
            if (text.isBlank()) {
                continue;
            }
            Set<String> given = new LinkedHashSet<>();
            for (String assignment : Expression.splitTopLevel(text, ',')) {
                String problem = Arguments.problem(attribute, assignment, given, usedParams, used);
                if (problem != null) {
                    findings.add(Diagnostic.BAD_ARGUMENT, values.position(attribute), stage.name(), problem,
                            used.getSimpleName(), Arguments.parameterList(usedParams));
                    break;
                }
                String expression = assignment.substring(assignment.indexOf('=') + 1).trim();
                if (!expression(expression, values.position(attribute), attribute + " of stage '" + name + "'",
                        names)) {
                    break;
                }
            }
        }
    }

    /** Whether the expression parses and uses only these names; reported where written if not. */
    private boolean expression(String text, Position position, String what, Set<String> names) {
        Expression expression = parse(text, position, what);
        if (expression == null) {
            return false;
        }
        for (String name : expression.names()) {
            if (!names.contains(name)) {
                findings.add(Diagnostic.BAD_EXPRESSION, position, text, what, Expression.unknownName(name, names));
                return false;
            }
        }
        return true;
    }

    private Expression parse(String text, Position position, String what) {
        try {
            return Expression.parse(text);
        } catch (ExpressionException e) {
            findings.add(Diagnostic.BAD_EXPRESSION, position, text, what, e.getMessage());
            return null;
        }
    }
}
