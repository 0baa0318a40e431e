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
        }
        // One scan of the round for all of them: a scan per annotation walked every element 26 times.
        List<Element> outside = new ArrayList<>();
        for (Element element : round.getElementsAnnotatedWithAny(annotations.values().toArray(TypeElement[]::new))) {
            Element owner = element.getKind().isField() ? element.getEnclosingElement() : element;
            if (AnnotationNames.find(owner, AnnotationNames.NETWORK).isEmpty()
                    && AnnotationNames.find(owner, AnnotationNames.BLOCK).isEmpty()) {
                outside.add(element);
            }
        }
        for (String name : annotations.keySet()) {
            for (Element element : outside) {
                Optional<AnnotationMirror> found = AnnotationNames.find(element, name);
                if (found.isEmpty()) {
                    continue;
                }
                Element owner = element.getKind().isField() ? element.getEnclosingElement() : element;
                AnnotationMirror mirror = found.get();
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
