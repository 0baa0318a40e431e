package dev.modelcost.processor;

import com.google.auto.service.AutoService;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Makes javac recognize the {@code -Amodelcost.*} options in every compilation, with networks or without.
 * javac warns about an option that no processor it has called supports, which fails a {@code -Werror} build
 * that sets the option once for all its modules; {@link ModelCostProcessor} supports only modelcost's
 * annotations, so javac calls it only where they are. This processor supports every annotation, so javac calls
 * it in every round, and claims none, so every processor after it still sees them all. It does nothing else:
 * the options are read, and a bad value reported, by {@link ModelCostProcessor}.
 */
@AutoService(Processor.class)
public final class ModelCostOptionsProcessor extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Options.NAMES;
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return false;
    }
}
