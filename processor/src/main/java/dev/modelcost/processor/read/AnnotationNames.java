package dev.modelcost.processor.read;

import dev.modelcost.Budget;
import dev.modelcost.Conv;
import dev.modelcost.Deconv;
import dev.modelcost.Dense;
import dev.modelcost.Grouped;
import dev.modelcost.LayerKind;
import dev.modelcost.Network;
import dev.modelcost.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** The qualified names of modelcost's annotations, and finding them on an element. */
public final class AnnotationNames {
    public static final String NETWORK = Network.class.getCanonicalName();
    public static final String BUDGET = Budget.class.getCanonicalName();
    public static final String GROUPED = Grouped.class.getCanonicalName();
    public static final String GENERATED = "javax.annotation.processing.Generated";

    /** The annotations that make a field a layer, with the kind each declares, in a fixed order. */
    public static final Map<String, LayerKind> LAYERS = layers();

    /** Every annotation that belongs on a field of a {@code @Network} class. */
    public static final List<String> FIELD_ANNOTATIONS = List.of(
            Conv.class.getCanonicalName(), Deconv.class.getCanonicalName(), Dense.class.getCanonicalName(),
            GROUPED, BUDGET);

    /** The annotations the processor claims: its own, and the {@code @Generated} on the classes it writes. */
    public static final Set<String> CLAIMED = Set.of(NETWORK, Conv.class.getCanonicalName(),
            Deconv.class.getCanonicalName(), Dense.class.getCanonicalName(), GROUPED, BUDGET,
            Shape.class.getCanonicalName(), GENERATED);

    private AnnotationNames() {
    }

    private static Map<String, LayerKind> layers() {
        Map<String, LayerKind> layers = new LinkedHashMap<>();
        layers.put(Conv.class.getCanonicalName(), LayerKind.CONV);
        layers.put(Deconv.class.getCanonicalName(), LayerKind.DECONV);
        layers.put(Dense.class.getCanonicalName(), LayerKind.DENSE);
        return Collections.unmodifiableMap(layers);
    }

    /** The annotation of this qualified name on the element, if present. */
    public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (nameOf(mirror).equals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** The qualified name of an annotation's type. */
    public static String nameOf(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    /** The simple name, as users write it after {@code @}. */
    public static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
