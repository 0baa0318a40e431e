package dev.modelcost.processor.testing;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Another processor of the same compilation, which generates source files in its first round when a class
 * carries its annotation {@code @trigger.Generate}, as Dagger or AutoValue do: a network may name what it
 * generates, which exists only from round 2 on.
 */
public final class GeneratingProcessor extends AbstractProcessor {
    /** The annotation that makes it generate; compile {@link #TRIGGER} with the sources that use it. */
    public static final String ANNOTATION = "trigger.Generate";
    /** The source of that annotation. */
    public static final JavaFileObject TRIGGER = JavaFileObjects.forSourceLines(ANNOTATION,
            "package trigger;",
            "public @interface Generate {}");

    private final Map<String, String> sources;
    private boolean generated;

    /** @param sources source text by qualified class name */
    public GeneratingProcessor(Map<String, String> sources) {
        this.sources = Map.copyOf(sources);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ANNOTATION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (annotations.isEmpty() || generated) {
            return true;
        }
        generated = true;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            try (Writer writer = processingEnv.getFiler().createSourceFile(source.getKey()).openWriter()) {
                writer.write(source.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true; // its own annotation, which no other processor reads
    }
}
