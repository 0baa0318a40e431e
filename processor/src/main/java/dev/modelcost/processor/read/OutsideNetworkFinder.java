package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
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
        Map<String, List<Element>> annotated = annotatedElements(round);
        for (String name : AnnotationNames.FIELD_ANNOTATIONS) {
            for (Element element : annotated.getOrDefault(name, List.of())) {
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

    /**
     * The elements of the round that carry each annotation, in the round's order: found in one scan of the round,
     * not one scan per annotation.
     */
    private Map<String, List<Element>> annotatedElements(RoundEnvironment round) {
        List<TypeElement> annotations = new ArrayList<>();
        TypeElement network = elements.getTypeElement(AnnotationNames.NETWORK);
        if (network == null) {
            return Map.of();
        }
        // All in the module of @Network: looked up there, not in every module javac knows.
        ModuleElement module = elements.getModuleOf(network);
        for (String name : AnnotationNames.FIELD_ANNOTATIONS) {
            TypeElement annotation = module == null ? elements.getTypeElement(name)
                    : elements.getTypeElement(module, name);
            if (annotation != null) {
                annotations.add(annotation);
            }
        }
        Map<String, List<Element>> annotated = new HashMap<>();
        for (Element element : round.getElementsAnnotatedWithAny(annotations.toArray(new TypeElement[0]))) {
            for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
                String name = AnnotationNames.nameOf(mirror);
                List<Element> withIt = annotated.get(name);
                if (withIt == null) {
                    withIt = new ArrayList<>();
                    annotated.put(name, withIt);
                }
                withIt.add(element);
            }
        }
        return annotated;
    }
}
