package dev.modelcost.processor.read;

import dev.modelcost.DevicePreset;
import dev.modelcost.Param;
import dev.modelcost.Precision;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.kinds.LayerRule;
import dev.modelcost.processor.kinds.LayerRules;
import dev.modelcost.processor.model.BudgetDecl;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.Metric;
import dev.modelcost.processor.model.NetworkDecl;
import dev.modelcost.processor.model.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @Network} class into a {@link NetworkDecl}, and a {@code @Block} class into a
 * {@link BlockTemplate}: the input, the layer fields in declaration order, parameters and budgets. Problems of
 * structure (two layer annotations on a field, {@code @Grouped} alone, no layers) are reported here; values are
 * resolved and checked later, once per use for a block.
 */
public final class NetworkReader {
    private final Elements elements;
    private final Target defaultTarget;

    /** @param defaultTarget the precision and device of networks without {@code @Device} */
    public NetworkReader(Elements elements, Target defaultTarget) {
        this.elements = elements;
        this.defaultTarget = defaultTarget;
    }

    /** The network declared by this class; findings of structure go to {@code findings}. */
    public NetworkTemplate read(TypeElement type, AnnotationMirror networkMirror, Findings findings) {
        AnnotationValues network = new AnnotationValues(elements, type, networkMirror);
        AnnotationValues input = network.nested(elements, "input");
        IntValue channels = new IntValue("input channels", input.intValue("channels"), input.position("channels"));
        IntsValue size = new IntsValue("input size", input.intsValue("size"), input.position("size"));

        String name = network.stringValue("name");
        String displayName = name.isEmpty() ? type.getSimpleName().toString() : name;
        String costClassName = costClassName(type, network, findings);

        List<LayerTemplate> layers = readLayers(type, false, findings);
        new SuperNetwork(elements).check(type, networkMirror, findings);
        if (layers.isEmpty() && !SuperNetwork.declaresLayers(type) && SuperNetwork.of(type).isEmpty()) {
            findings.add(Diagnostic.EMPTY_NETWORK, network.annotation(), type.getSimpleName());
        }
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        Position costClassPosition = network.position("costClass");
        return new NetworkTemplate(new NetworkDecl(type, displayName, packageName, costClassName, costClassPosition,
                network.annotation(), channels, size, readBudget(type), readTarget(type, findings)), layers);
    }

    /** The {@code @Device} on the class, else the options' target. */
    private Target readTarget(TypeElement type, Findings findings) {
        Optional<AnnotationMirror> mirror = AnnotationNames.find(type, AnnotationNames.DEVICE);
        if (mirror.isEmpty()) {
            return defaultTarget;
        }
        AnnotationValues device = new AnnotationValues(elements, type, mirror.get());
        Precision precision = device.isWritten("precision")
                ? Precision.valueOf(device.enumValue("precision")) : defaultTarget.precision();
        DevicePreset preset = DevicePreset.valueOf(device.enumValue("preset"));
        long peak = device.longValue("peakFlops");
        long bandwidth = device.longValue("bandwidth");
        for (String attribute : List.of("peakFlops", "bandwidth")) {
            if (device.longValue(attribute) < 0) {
                findings.add(Diagnostic.NEGATIVE, device.position(attribute), "@Device " + attribute,
                        device.longValue(attribute));
                return defaultTarget;
            }
        }
        if (preset == DevicePreset.NONE && (peak > 0) != (bandwidth > 0)) {
            findings.add(Diagnostic.INCOMPLETE_DEVICE, device.position(peak > 0 ? "peakFlops" : "bandwidth"),
                    peak > 0 ? "peakFlops" : "bandwidth", peak > 0 ? "bandwidth" : "peakFlops");
            return defaultTarget;
        }
        if (preset == DevicePreset.NONE && peak == 0) {
            return new Target(precision, null, 0, 0);
        }
        String name = device.stringValue("name");
        if (name.isBlank()) {
            name = preset == DevicePreset.NONE ? "device" : preset.displayName();
        }
        return new Target(precision, name, peak > 0 ? peak : preset.peakFlopsPerSecond(precision),
                bandwidth > 0 ? bandwidth : preset.bytesPerSecond());
    }

    /**
     * The block declared by this class, which the caller has checked is a {@code @Block}, with the problems of
     * its fields' annotations; {@code expand.BlockTextChecker} checks the names and expressions they write.
     */
    public BlockTemplate readBlock(TypeElement type, Findings findings) {
        return new BlockTemplate(type, readParams(type), readLayers(type, true, findings));
    }

    /** The {@code @Param} fields of a block class, in declaration order. */
    public List<BlockTemplate.Param> readParams(TypeElement type) {
        List<BlockTemplate.Param> params = new ArrayList<>();
        for (Element member : type.getEnclosedElements()) {
            Optional<AnnotationMirror> param = AnnotationNames.find(member, AnnotationNames.PARAM);
            if (member.getKind().isField() && param.isPresent()) {
                AnnotationValues values = new AnnotationValues(elements, member, param.get());
                String defaultExpression = values.stringValue("value");
                params.add(new BlockTemplate.Param(member.getSimpleName().toString(),
                        defaultExpression.isBlank() ? null : defaultExpression, values.position("value")));
            }
        }
        return params;
    }

    private List<LayerTemplate> readLayers(TypeElement type, boolean inBlock, Findings findings) {
        List<LayerTemplate> layers = new ArrayList<>();
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind().isField()) {
                LayerTemplate layer = readField((VariableElement) member, inBlock, findings);
                if (layer != null) {
                    layers.add(layer);
                }
            }
        }
        return layers;
    }

    /** Reads one field into a template if it declares exactly one layer, else null. */
    private LayerTemplate readField(VariableElement field, boolean inBlock, Findings findings) {
        String fieldName = field.getSimpleName().toString();
        List<AnnotationMirror> layerMirrors = new ArrayList<>();
        AnnotationMirror grouped = null;
        AnnotationMirror budget = null;
        AnnotationMirror from = null;
        AnnotationMirror when = null;
        AnnotationMirror frozen = null;
        // One pass over the field's annotations, each name read once.
        for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
            String name = AnnotationNames.nameOf(mirror);
            if (AnnotationNames.LAYERS.contains(name)) {
                layerMirrors.add(mirror);
            } else if (grouped == null && name.equals(AnnotationNames.GROUPED)) {
                grouped = mirror;
            } else if (budget == null && name.equals(AnnotationNames.BUDGET)) {
                budget = mirror;
            } else if (from == null && name.equals(AnnotationNames.FROM)) {
                from = mirror;
            } else if (when == null && name.equals(AnnotationNames.WHEN)) {
                when = mirror;
            } else if (frozen == null && name.equals(AnnotationNames.FROZEN)) {
                frozen = mirror;
            }
        }

        if (!inBlock && when != null) {
            findings.add(Diagnostic.WHEN_OUTSIDE_BLOCK, Position.of(field, when), fieldName);
        }
        if (layerMirrors.isEmpty()) {
            if (grouped != null) {
                findings.add(Diagnostic.GROUPED_WITHOUT_CONVOLUTION, Position.of(field, grouped), fieldName, "");
            }
            if (budget != null) {
                findings.add(Diagnostic.MODIFIER_WITHOUT_LAYER, Position.of(field, budget), "Budget", fieldName, "");
            }
            if (from != null) {
                findings.add(Diagnostic.MODIFIER_WITHOUT_LAYER, Position.of(field, from), "From", fieldName, "");
            }
            if (frozen != null) {
                findings.add(Diagnostic.MODIFIER_WITHOUT_LAYER, Position.of(field, frozen), "Frozen", fieldName, "");
            }
            // In a network, MC125 already says to remove it.
            if (inBlock && when != null) {
                findings.add(Diagnostic.MODIFIER_WITHOUT_LAYER, Position.of(field, when), "When", fieldName, "");
            }
            return null;
        }
        if (layerMirrors.size() > 1) {
            findings.add(Diagnostic.SEVERAL_LAYER_KINDS, Position.of(field, layerMirrors.get(1)), fieldName,
                    simpleName(layerMirrors.get(0)), simpleName(layerMirrors.get(1)));
            return null;
        }
        AnnotationMirror layerMirror = layerMirrors.get(0);
        String annotation = AnnotationNames.nameOf(layerMirror);
        LayerRule<?> rule = LayerRules.of(annotation);
        if (grouped != null && (rule == null || !rule.groupable())) {
            findings.add(Diagnostic.GROUPED_WITHOUT_CONVOLUTION, Position.of(field, grouped), fieldName,
                    "; a @" + AnnotationNames.simpleName(annotation) + " layer cannot be grouped");
            return null;
        }
        if (from != null && rule != null && rule.takesNamedInputs()) {
            // Its operands are its inputs: a @From beside them would be silently ignored.
            String simpleName = AnnotationNames.simpleName(annotation);
            findings.add(Diagnostic.FROM_ON_MERGE, Position.of(field, from), fieldName, simpleName, simpleName);
            return null;
        }
        boolean stage = annotation.equals(AnnotationNames.STAGE);
        if (stage && budget != null) {
            // Reported here, once, not at every expansion of the stage.
            findings.add(Diagnostic.MODIFIER_WITHOUT_LAYER, Position.of(field, budget), "Budget", fieldName,
                    " but a @Stage (many layers)");
        }
        LayerTemplate.Declares declares = stage ? new LayerTemplate.BlockUse()
                : new LayerTemplate.OneLayer(rule, budget == null ? null : readBudget(field, budget));
        return new LayerTemplate(fieldName, field, declares, annotation,
                new AnnotationValues(elements, field, layerMirror),
                grouped == null ? null : new AnnotationValues(elements, field, grouped),
                from == null ? null : new AnnotationValues(elements, field, from),
                // A network's @When is reported above and not evaluated: one error for it, not a cascade.
                inBlock && when != null ? new AnnotationValues(elements, field, when) : null);
    }

    private BudgetDecl readBudget(Element element) {
        Optional<AnnotationMirror> mirror = AnnotationNames.find(element, AnnotationNames.BUDGET);
        return mirror.isEmpty() ? null : readBudget(element, mirror.get());
    }

    private BudgetDecl readBudget(Element element, AnnotationMirror mirror) {
        AnnotationValues values = new AnnotationValues(elements, element, mirror);
        List<BudgetDecl.Limit> limits = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (values.isWritten(metric.attribute())) {
                limits.add(new BudgetDecl.Limit(metric, values.longValue(metric.attribute()),
                        values.position(metric.attribute())));
            }
        }
        return new BudgetDecl(limits, values.annotation());
    }

    /** The written {@code costClass}, checked, or one derived from the class's (possibly nested) name. */
    private static String costClassName(TypeElement type, AnnotationValues network, Findings findings) {
        String derived = derivedCostClassName(type);
        String written = network.stringValue("costClass");
        if (written.isEmpty()) {
            return derived;
        }
        if (!isClassName(written)) {
            findings.add(Diagnostic.BAD_CLASS_NAME, network.position("costClass"), written, derived);
        }
        return written;
    }

    /** The restricted identifiers that may not name a type (JLS 3.8 TypeIdentifier, Java 17 to 25). */
    private static final Set<String> RESTRICTED_TYPE_NAMES = Set.of("permits", "record", "sealed", "var", "yield");

    /**
     * Whether a simple name can name a class in every source version: not a keyword of the latest (so not
     * {@code _} either), and none of the restricted identifiers that name no type ({@code var}, {@code
     * record}...), which {@link SourceVersion#isName} accepts.
     */
    private static boolean isClassName(String name) {
        return SourceVersion.isName(name, SourceVersion.latest()) && !name.contains(".")
                && !RESTRICTED_TYPE_NAMES.contains(name);
    }

    private static String derivedCostClassName(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement;
                outer = outer.getEnclosingElement()) {
            name.insert(0, outer.getSimpleName() + "_");
        }
        return name.append("Cost").toString();
    }

    private static String simpleName(AnnotationMirror mirror) {
        return AnnotationNames.simpleName(AnnotationNames.nameOf(mirror));
    }
}
