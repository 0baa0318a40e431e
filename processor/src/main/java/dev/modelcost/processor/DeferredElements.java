package dev.modelcost.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Classes to process again in the next round, kept by module and qualified name: javac makes its elements anew
 * in every round, so an element of an earlier round would be stale (its annotation values unresolved, its
 * positions lost).
 */
final class DeferredElements {
    private Set<Name> next = new LinkedHashSet<>();

    /**
     * A class, module included, as the next round can look it up again. A plain class rather than a record: a
     * record's {@code equals} and {@code hashCode} are linked through {@code invokedynamic} on first use, a cost
     * every compilation pays in its own fresh JVM, in its first round.
     */
    private static final class Name {
        private final String module;
        private final String qualifiedName;

        Name(String module, String qualifiedName) {
            this.module = module;
            this.qualifiedName = qualifiedName;
        }

        String module() {
            return module;
        }

        String qualifiedName() {
            return qualifiedName;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Name name && module.equals(name.module)
                    && qualifiedName.equals(name.qualifiedName);
        }

        @Override
        public int hashCode() {
            return 31 * module.hashCode() + qualifiedName.hashCode();
        }
    }

    /**
     * The classes to process this round: those deferred by the earlier round, looked up anew, then the round's
     * own, each once.
     */
    List<TypeElement> thisRound(Elements elements, Set<? extends Element> annotated) {
        Map<Name, TypeElement> types = new LinkedHashMap<>();
        Set<Name> deferred = next;
        next = new LinkedHashSet<>();
        for (Name name : deferred) {
            TypeElement type = lookUp(elements, name);
            if (type != null) {
                types.put(name, type);
            }
        }
        for (Element element : annotated) {
            if (element instanceof TypeElement type) {
                types.putIfAbsent(nameOf(elements, type), type);
            }
        }
        return new ArrayList<>(types.values());
    }

    /** Processes the class again in the next round. */
    void defer(Elements elements, TypeElement type) {
        next.add(nameOf(elements, type));
    }

    private static Name nameOf(Elements elements, TypeElement type) {
        ModuleElement module = elements.getModuleOf(type);
        String moduleName = module == null || module.isUnnamed() ? "" : module.getQualifiedName().toString();
        return new Name(moduleName, type.getQualifiedName().toString());
    }

    private static TypeElement lookUp(Elements elements, Name name) {
        if (name.module().isEmpty()) {
            return elements.getTypeElement(name.qualifiedName());
        }
        ModuleElement module = elements.getModuleElement(name.module());
        return module == null ? null : elements.getTypeElement(module, name.qualifiedName());
    }
}
