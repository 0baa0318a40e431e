package dev.modelcost.processor.read;

import dev.modelcost.LayerKind;
import dev.modelcost.PaddingMode;
import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.BudgetDecl;
import dev.modelcost.processor.model.ConvSpec;
import dev.modelcost.processor.model.DenseSpec;
import dev.modelcost.processor.model.Grouping;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerDecl;
import dev.modelcost.processor.model.LayerSpec;
import dev.modelcost.processor.model.Metric;
import dev.modelcost.processor.model.NetworkDecl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads a {@code @Network} class into a {@link NetworkDecl}: the input, the layer fields in declaration order
 * and the budgets. Problems of structure (two layer annotations on a field, {@code @Grouped} alone, no layers)
 * are reported here; the values themselves are checked later.
 */
public final class NetworkReader {
    private final Elements elements;

    public NetworkReader(Elements elements) {
        this.elements = elements;
    }

    /** The network declared by this class; findings of structure go to {@code findings}. */
    public NetworkDecl read(TypeElement type, AnnotationMirror networkMirror, Findings findings) {
        AnnotationValues network = new AnnotationValues(elements, type, networkMirror);
        AnnotationValues input = network.nested(elements, "input");
        IntValue channels = new IntValue("input channels", input.intValue("channels"), input.position("channels"));
        IntsValue size = new IntsValue("input size", input.intsValue("size"), input.position("size"));

        String name = network.stringValue("name");
        String displayName = name.isEmpty() ? type.getSimpleName().toString() : name;
        String costClassName = costClassName(type, network, findings);

        List<LayerDecl> layers = new ArrayList<>();
        boolean anyLayerAnnotation = false;
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind().isField()) {
                anyLayerAnnotation |= readField((VariableElement) member, layers, findings);
            }
        }
        if (!anyLayerAnnotation) {
            findings.add(Diagnostic.EMPTY_NETWORK, network.annotation(), type.getSimpleName());
        }
        String packageName = elements.getPackageOf(type).getQualifiedName().toString();
        return new NetworkDecl(type, displayName, packageName, costClassName, network.position("costClass"),
                network.annotation(), channels, size, layers, readBudget(type));
    }

    /** Reads one field; returns whether it has a layer annotation at all. */
    private boolean readField(VariableElement field, List<LayerDecl> layers, Findings findings) {
        String fieldName = field.getSimpleName().toString();
        List<AnnotationMirror> layerMirrors = new ArrayList<>();
        for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
            if (AnnotationNames.LAYERS.containsKey(AnnotationNames.nameOf(mirror))) {
                layerMirrors.add(mirror);
            }
        }
        Optional<AnnotationMirror> grouped = AnnotationNames.find(field, AnnotationNames.GROUPED);
        Optional<AnnotationMirror> budget = AnnotationNames.find(field, AnnotationNames.BUDGET);

        if (layerMirrors.isEmpty()) {
            grouped.ifPresent(g -> findings.add(Diagnostic.GROUPED_WITHOUT_CONVOLUTION, Position.of(field, g),
                    fieldName, ""));
            budget.ifPresent(b -> findings.add(Diagnostic.BUDGET_WITHOUT_LAYER, Position.of(field, b), fieldName));
            return false;
        }
        if (layerMirrors.size() > 1) {
            findings.add(Diagnostic.SEVERAL_LAYER_KINDS, Position.of(field, layerMirrors.get(1)), fieldName,
                    simpleName(layerMirrors.get(0)), simpleName(layerMirrors.get(1)));
            return true;
        }
        AnnotationMirror layerMirror = layerMirrors.get(0);
        LayerKind kind = AnnotationNames.LAYERS.get(AnnotationNames.nameOf(layerMirror));
        AnnotationValues values = new AnnotationValues(elements, field, layerMirror);
        if (kind == LayerKind.DENSE && grouped.isPresent()) {
            findings.add(Diagnostic.GROUPED_WITHOUT_CONVOLUTION, Position.of(field, grouped.get()), fieldName,
                    "; a @Dense layer cannot be grouped");
            return true;
        }
        LayerSpec spec = kind == LayerKind.DENSE
                ? readDense(fieldName, values)
                : readConv(fieldName, kind == LayerKind.DECONV, values,
                        grouped.map(g -> readGrouping(fieldName, new AnnotationValues(elements, field, g))));
        layers.add(new LayerDecl(fieldName, field, kind, values.annotation(), spec, readBudget(field)));
        return true;
    }

    private static ConvSpec readConv(String layer, boolean transposed, AnnotationValues values,
            Optional<Grouping> grouping) {
        String of = " of layer '" + layer + "'";
        return new ConvSpec(
                transposed,
                new IntValue("out" + of, values.intValue("out"), values.position("out")),
                ints("kernel", of, values),
                ints("stride", of, values),
                ints("padding", of, values),
                ints("dilation", of, values),
                transposed ? ints("outputPadding", of, values) : null,
                values.booleanValue("bias"),
                values.enumValue("paddingMode").equals(PaddingMode.SAME.name()),
                values.position("paddingMode"),
                grouping.orElse(null));
    }

    private static IntsValue ints(String attribute, String of, AnnotationValues values) {
        return new IntsValue(attribute + of, values.intsValue(attribute), values.position(attribute));
    }

    private static Grouping readGrouping(String layer, AnnotationValues values) {
        IntValue count = values.isWritten("value")
                ? new IntValue("groups of layer '" + layer + "'", values.intValue("value"), values.position("value"))
                : null;
        return new Grouping(count, values.booleanValue("depthwise"), values.position("depthwise"),
                values.annotation());
    }

    private static DenseSpec readDense(String layer, AnnotationValues values) {
        return new DenseSpec(new IntValue("out of layer '" + layer + "'", values.intValue("out"),
                values.position("out")), values.booleanValue("bias"));
    }

    private BudgetDecl readBudget(Element element) {
        Optional<AnnotationMirror> mirror = AnnotationNames.find(element, AnnotationNames.BUDGET);
        if (mirror.isEmpty()) {
            return null;
        }
        AnnotationValues values = new AnnotationValues(elements, element, mirror.get());
        List<BudgetDecl.Limit> limits = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (values.isWritten(metric.attribute())) {
                limits.add(new BudgetDecl.Limit(metric, values.longValue(metric.attribute()),
                        values.position(metric.attribute())));
            }
        }
        return new BudgetDecl(limits);
    }

    /** The written {@code costClass}, checked, or one derived from the class's (possibly nested) name. */
    private static String costClassName(TypeElement type, AnnotationValues network, Findings findings) {
        String derived = derivedCostClassName(type);
        String written = network.stringValue("costClass");
        if (written.isEmpty()) {
            return derived;
        }
        if (!SourceVersion.isName(written) || written.contains(".")) {
            findings.add(Diagnostic.BAD_CLASS_NAME, network.position("costClass"), written, derived);
        }
        return written;
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
