package dev.modelcost.processor.writing;

import dev.modelcost.processor.read.AnnotationNames;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.RequiresDirective;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * The {@code @Generated} a cost class can carry: {@code javax.annotation.processing.Generated} when the compilation
 * has it and the network's module reads its module, {@code java.compiler}; none otherwise (a named module that
 * requires only what it uses, a {@code --release} without that type), as the class compiles without it.
 */
public final class GeneratedAnnotation {
    private static final String MODULE = "java.compiler";

    private final Elements elements;

    public GeneratedAnnotation(Elements elements) {
        this.elements = elements;
    }

    /** Whether a class generated beside this element can carry {@code @Generated}: its module can use it. */
    public boolean isAvailableBeside(Element element) {
        TypeElement generated = elements.getTypeElement(AnnotationNames.GENERATED);
        if (generated == null) {
            return false;
        }
        ModuleElement module = elements.getModuleOf(element);
        // The unnamed module reads every module of the graph, so the type being found is enough.
        return module == null || module.isUnnamed() || reads(module, MODULE);
    }

    /**
     * Whether a module reads another: requires it, or requires a module that requires it transitively, at any
     * depth ({@code requires static} counts: it is read at compile time).
     */
    static boolean reads(ModuleElement module, String target) {
        Deque<ModuleElement> toVisit = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        for (RequiresDirective requires : ElementFilter.requiresIn(module.getDirectives())) {
            toVisit.add(requires.getDependency());
        }
        while (!toVisit.isEmpty()) {
            ModuleElement read = toVisit.remove();
            String name = read.getQualifiedName().toString();
            if (name.equals(target)) {
                return true;
            }
            if (!seen.add(name)) {
                continue;
            }
            for (RequiresDirective requires : ElementFilter.requiresIn(read.getDirectives())) {
                if (requires.isTransitive()) {
                    toVisit.add(requires.getDependency());
                }
            }
        }
        return false;
    }
}
