package dev.modelcost.processor.diag;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;

/**
 * Where in the source a finding belongs: an element, and within it the annotation and the value the user
 * wrote, when there is one. javac puts the caret on the most precise of the three that it can find.
 *
 * @param element the element, never null
 * @param annotation the annotation on it, or null
 * @param value the value inside that annotation, or null (for a defaulted attribute, which has no source)
 */
public record Position(Element element, AnnotationMirror annotation, AnnotationValue value) {

    /** The element itself. */
    public static Position of(Element element) {
        return new Position(element, null, null);
    }

    /**
     * Where this is, as text that stays the same from one round to the next (javac makes its elements and
     * annotation mirrors anew in every round): the element's qualified path, the annotation and the value.
     */
    public String where() {
        StringBuilder where = new StringBuilder();
        for (Element e = element; e != null; e = e.getEnclosingElement()) {
            if (e instanceof PackageElement pkg) {
                where.insert(0, pkg.getQualifiedName());
                break;
            }
            where.insert(0, "/" + e.getSimpleName());
        }
        return where + " " + annotation + " " + value;
    }

    /** An annotation on the element. */
    public static Position of(Element element, AnnotationMirror annotation) {
        return new Position(element, annotation, null);
    }
}
