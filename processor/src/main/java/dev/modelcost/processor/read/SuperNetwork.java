package dev.modelcost.processor.read;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.diag.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * A {@code @Network} class that extends another {@code @Network} class. A network's layers are the fields of its
 * own class, never inherited ones, so such a class is one of two things. With no layers of its own and the same
 * class annotations ({@code @Network}, {@code @Budget}, {@code @Device}) as its superclass, it is a copy of that
 * network (AutoValue's {@code @CopyAnnotations} writes {@code AutoValue_X} so): the same network, counted once, as
 * the superclass, and nothing is generated or reported for the copy. Anything else would silently drop the
 * superclass's layers, and is an error that says how to share them: a {@code @Block}.
 */
public final class SuperNetwork {
    private static final List<String> CLASS_ANNOTATIONS =
            List.of(AnnotationNames.NETWORK, AnnotationNames.BUDGET, AnnotationNames.DEVICE,
                    AnnotationNames.TRAINING);

    private final Elements elements;

    public SuperNetwork(Elements elements) {
        this.elements = elements;
    }

    /** The nearest superclass of {@code type} that is a {@code @Network}, if any. */
    public static Optional<TypeElement> of(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        while (superclass.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
            if (AnnotationNames.find(element, AnnotationNames.NETWORK).isPresent()) {
                return Optional.of(element);
            }
            superclass = element.getSuperclass();
        }
        return Optional.empty();
    }

    /** Whether {@code type} is a copy of the network it extends: to be skipped, the superclass is counted. */
    public boolean isCopy(TypeElement type) {
        Optional<TypeElement> parent = of(type);
        return parent.isPresent() && !declaresLayers(type) && sameClassAnnotations(type, parent.get());
    }

    /** Adds the error of a network that extends a network it is not a copy of. */
    public void check(TypeElement type, AnnotationMirror network, Findings findings) {
        Optional<TypeElement> parent = of(type);
        if (parent.isEmpty() || isCopy(type)) {
            return;
        }
        String name = type.getSimpleName().toString();
        String parentName = parent.get().getSimpleName().toString();
        boolean layers = declaresLayers(type);
        findings.add(Diagnostic.EXTENDS_NETWORK, Position.of(type, network), name, parentName,
                layers ? "and declares layers of its own" : "with other class annotations than " + parentName + "'s",
                parentName,
                layers ? "put the layers both share in a @Block and use it with @Stage in each, or do not extend "
                        + parentName
                        : "give " + name + " the same @Network, @Budget and @Device as " + parentName
                        + ", or layers of its own through a @Block that both use with @Stage");
    }

    /** Whether a field of the class itself carries a layer annotation ({@code @Stage} included). */
    static boolean declaresLayers(TypeElement type) {
        return type.getEnclosedElements().stream()
                .flatMap(member -> member.getAnnotationMirrors().stream())
                .anyMatch(mirror -> AnnotationNames.LAYERS.contains(AnnotationNames.nameOf(mirror)));
    }

    private boolean sameClassAnnotations(TypeElement type, TypeElement parent) {
        for (String annotation : CLASS_ANNOTATIONS) {
            Optional<String> own = AnnotationNames.find(type, annotation).map(this::canonical);
            Optional<String> inherited = AnnotationNames.find(parent, annotation).map(this::canonical);
            if (!own.equals(inherited)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The annotation as text that does not depend on how it was written: every attribute, defaults included, in
     * name order, nested annotations likewise. Equal text, equal annotation.
     */
    private String canonical(AnnotationMirror mirror) {
        Map<String, String> values = new TreeMap<>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            values.put(entry.getKey().getSimpleName().toString(), canonical(entry.getValue()));
        }
        return "@" + AnnotationNames.nameOf(mirror) + values;
    }

    private String canonical(AnnotationValue value) {
        Object content = value.getValue();
        if (content instanceof AnnotationMirror nested) {
            return canonical(nested);
        }
        if (content instanceof List<?> list) {
            return list.stream().map(element -> canonical((AnnotationValue) element)).toList().toString();
        }
        return value.toString();
    }
}
