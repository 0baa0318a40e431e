package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
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

    /** Adds a finding for every such annotation in this round. */
    public void find(RoundEnvironment round, Findings findings) {
        for (String name : AnnotationNames.FIELD_ANNOTATIONS) {
            TypeElement annotation = elements.getTypeElement(name);
            if (annotation == null) {
                continue;
            }
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                Element owner = element.getKind().isField() ? element.getEnclosingElement() : element;
                if (AnnotationNames.find(owner, AnnotationNames.NETWORK).isPresent()
                        || AnnotationNames.find(owner, AnnotationNames.BLOCK).isPresent()) {
                    continue;
                }
                AnnotationMirror mirror = AnnotationNames.find(element, name).orElseThrow();
                String simpleName = AnnotationNames.simpleName(name);
                String where = element.getKind().isField()
                        ? "field '" + element.getSimpleName() + "' of " + owner.getSimpleName()
                        : owner.getSimpleName().toString();
                findings.add(Diagnostic.LAYER_OUTSIDE_NETWORK, Position.of(element, mirror), simpleName, where,
                        owner.getSimpleName(), simpleName);
            }
        }
    }
}
