package dev.modelcost.processor.testing;

import dev.modelcost.processor.ModelCostProcessor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The modelcost processor behind a {@link Filer} that records every source file it creates. compile-testing
 * hides the generated files of a compilation that failed, and "a network with errors generates nothing, the
 * valid one beside it still does" is exactly a claim about failed compilations.
 */
public final class RecordingProcessor implements Processor {
    private final Processor delegate = new ModelCostProcessor();
    private final Set<String> createdSources = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Map<String, List<String>> originatingElements = Collections.synchronizedMap(new LinkedHashMap<>());
    private final String failing;

    /** The processor, recording what it writes. */
    public RecordingProcessor() {
        this(null);
    }

    private RecordingProcessor(String failing) {
        this.failing = failing;
    }

    /**
     * The processor, recording what it writes, whose Filer throws an unchecked exception when asked for this
     * source file: a stand-in for a bug in the processor, to see that no exception reaches javac.
     */
    public static RecordingProcessor failingToCreate(String qualifiedName) {
        return new RecordingProcessor(qualifiedName);
    }

    /** The qualified names of the source files created; a failed attempt is not one. */
    public Set<String> createdSources() {
        return Set.copyOf(createdSources);
    }

    /**
     * The originating elements given for each file created (a source by qualified name, a resource by its
     * relative name): an isolating processor must give exactly one top-level type per file, or Gradle
     * recompiles everything.
     */
    public Map<String, List<String>> originatingElements() {
        return Map.copyOf(originatingElements);
    }

    @Override
    public void init(ProcessingEnvironment environment) {
        Filer filer = recording(environment.getFiler());
        delegate.init(proxy(ProcessingEnvironment.class, environment,
                (method, arguments) -> method.getName().equals("getFiler") ? filer : null));
    }

    private Filer recording(Filer filer) {
        return proxy(Filer.class, filer, (method, arguments) -> {
            if (method.getName().equals("createSourceFile") && arguments[0].toString().equals(failing)) {
                throw new IllegalStateException("injected failure creating " + failing);
            }
            return null;
        }, (method, arguments) -> {
            if (method.getName().equals("createSourceFile")) {
                createdSources.add(arguments[0].toString());
            }
            if (method.getName().equals("createSourceFile") || method.getName().equals("createResource")) {
                Element[] originating = (Element[]) arguments[arguments.length - 1];
                String file = method.getName().equals("createSourceFile") ? arguments[0].toString()
                        : arguments[2].toString();
                originatingElements.put(file, Arrays.stream(originating)
                        .map(e -> e instanceof TypeElement type ? type.getQualifiedName().toString() : e.toString())
                        .toList());
            }
        });
    }

    @Override
    public Set<String> getSupportedOptions() {
        return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return delegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
            ExecutableElement member, String userText) {
        return delegate.getCompletions(element, annotation, member, userText);
    }

    private static <T> T proxy(Class<T> type, T target, BiFunction<Method, Object[], Object> replacement) {
        return proxy(type, target, replacement, (method, arguments) -> { });
    }

    /**
     * A proxy that calls {@code target}, except where {@code replacement} returns non-null; {@code after} sees
     * every real call that returned normally. The target's exceptions pass through unwrapped.
     */
    private static <T> T proxy(Class<T> type, T target, BiFunction<Method, Object[], Object> replacement,
            BiConsumer<Method, Object[]> after) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, arguments) -> {
                    Object replaced = replacement.apply(method, arguments);
                    if (replaced != null) {
                        return replaced;
                    }
                    try {
                        Object result = method.invoke(target, arguments);
                        after.accept(method, arguments);
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return type.cast(proxy);
    }
}
