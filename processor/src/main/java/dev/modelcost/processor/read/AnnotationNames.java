package dev.modelcost.processor.read;

import dev.modelcost.Block;
import dev.modelcost.Budget;
import dev.modelcost.Device;
import dev.modelcost.Generation;
import dev.modelcost.From;
import dev.modelcost.Frozen;
import dev.modelcost.Grouped;
import dev.modelcost.Network;
import dev.modelcost.Param;
import dev.modelcost.Shape;
import dev.modelcost.Stage;
import dev.modelcost.Training;
import dev.modelcost.When;
import dev.modelcost.processor.kinds.LayerRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** The qualified names of modelcost's annotations, and finding them on an element. */
public final class AnnotationNames {
    public static final String NETWORK = Network.class.getCanonicalName();
    public static final String BLOCK = Block.class.getCanonicalName();
    public static final String BUDGET = Budget.class.getCanonicalName();
    public static final String GROUPED = Grouped.class.getCanonicalName();
    public static final String FROM = From.class.getCanonicalName();
    public static final String WHEN = When.class.getCanonicalName();
    public static final String PARAM = Param.class.getCanonicalName();
    public static final String STAGE = Stage.class.getCanonicalName();
    public static final String FROZEN = Frozen.class.getCanonicalName();
    public static final String DEVICE = Device.class.getCanonicalName();
    public static final String TRAINING = Training.class.getCanonicalName();
    public static final String GENERATION = Generation.class.getCanonicalName();
    public static final String GENERATED = "javax.annotation.processing.Generated";

    /**
     * The annotations that make a field a layer, each with its rule in {@link LayerRules}, and {@link Stage},
     * which makes a field a use of a block.
     */
    public static final Set<String> LAYERS = layers();

    /** The annotations that only modify a layer declared by another one on the same field. */
    public static final List<String> MODIFIERS = List.of(GROUPED, BUDGET, FROM, WHEN, FROZEN);

    /** Every annotation that belongs on a field of a {@code @Network} or {@code @Block} class. */
    public static final List<String> FIELD_ANNOTATIONS = fieldAnnotations();

    /**
     * The annotations the processor supports and claims: its own, and the {@code @Generated} on the classes it
     * writes (which javac's {@code -Xlint:processing} would otherwise call unclaimed in the round after).
     */
    public static final Set<String> CLAIMED = claimed();

    private AnnotationNames() {
    }

    private static Set<String> layers() {
        Set<String> layers = new HashSet<>(LayerRules.annotations());
        layers.add(STAGE);
        return Collections.unmodifiableSet(layers);
    }

    private static List<String> fieldAnnotations() {
        List<String> names = new ArrayList<>(LAYERS);
        Collections.sort(names);
        names.addAll(MODIFIERS);
        names.add(PARAM);
        return List.copyOf(names);
    }

    private static Set<String> claimed() {
        List<String> names = new ArrayList<>(FIELD_ANNOTATIONS);
        names.addAll(List.of(NETWORK, BLOCK, DEVICE, TRAINING, GENERATION, Shape.class.getCanonicalName(), GENERATED));
        return Set.copyOf(names);
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
