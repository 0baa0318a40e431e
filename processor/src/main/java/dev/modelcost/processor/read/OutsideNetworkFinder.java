package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Finds layer annotations (and budgets, parameters) that no {@code @Network} or {@code @Block} will ever read. */
public final class OutsideNetworkFinder {
    private final Elements elements;

    public OutsideNetworkFinder(Elements elements) {
        this.elements = elements;
    }

    /** Adds a finding for every such annotation in this round, annotation by annotation. */
    public void find(RoundEnvironment round, Findings findings) {
        Map<String, TypeElement> annotations = new LinkedHashMap<>();
        for (String name : AnnotationNames.FIELD_ANNOTATIONS) {
            TypeElement annotation = elements.getTypeElement(name);
            if (annotation != null) {
                annotations.put(name, annotation);
            }
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                Element owner = element.getKind().isField() ? element.getEnclosingElement() : element;
                boolean network = AnnotationNames.find(owner, AnnotationNames.NETWORK).isPresent();
                boolean block = AnnotationNames.find(owner, AnnotationNames.BLOCK).isPresent();
                String simpleName = AnnotationNames.simpleName(name);
                String ownerName = owner.getSimpleName().toString();
                String belongs;
                String fix;
                if (name.equals(AnnotationNames.PARAM)) {
                    // Only a block has parameters; a network's values are fixed.
                    if (block) {
                        continue;
                    }
                    belongs = "@Block";
                    fix = network ? "a network has no parameters: write the value itself, or declare the layers that"
                            + " use it in a @Block" : "annotate " + ownerName + " with @Block or remove @Param";
                } else if (name.equals(AnnotationNames.BUDGET) && !element.getKind().isField()) {
                    // A block's cost counts in each network that uses it; only a network's total has a budget.
                    if (network) {
                        continue;
                    }
                    belongs = "@Network";
                    fix = block ? "its layers count in the networks that use it: put @Budget on those networks,"
                            + " or on a layer field of " + ownerName
                            : "annotate " + ownerName + " with @Network or remove @Budget";
                } else {
                    if (network || block) {
                        continue;
                    }
                    belongs = "@Network or @Block";
                    fix = "annotate " + ownerName + " with @Network (or @Block) or remove @" + simpleName;
                }
                AnnotationMirror mirror = AnnotationNames.find(element, name).orElseThrow();
                String where = element.getKind().isField()
                        ? "field '" + element.getSimpleName() + "' of " + ownerName
                        : ownerName;
                findings.add(Diagnostic.LAYER_OUTSIDE_NETWORK, Position.of(element, mirror), simpleName, where,
                        belongs, fix);
            }
        }
    }
}
