package dev.modelcost.processor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Another processor of the same compilation, which generates source files in its first round, as Dagger,
 * AutoValue or Lombok's helpers do: a network may name what it generates, which exists only from round 2 on.
 */
public final class GeneratingProcessor extends AbstractProcessor {
    private final Map<String, String> sources;
    private boolean generated;

    /** @param sources source text by qualified class name */
    public GeneratingProcessor(Map<String, String> sources) {
        this.sources = Map.copyOf(sources);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (generated) {
            return false;
        }
        generated = true;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            try (Writer writer = processingEnv.getFiler().createSourceFile(source.getKey()).openWriter()) {
                writer.write(source.getValue());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
