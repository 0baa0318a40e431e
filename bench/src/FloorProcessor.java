import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The floor under any processor that generates code: for each {@code @Network} class it writes a class of one
 * constant and does nothing else. What javac then spends beyond {@code -proc:none} is the price of annotation
 * processing itself: another round, in which javac enters and annotates every source again, and the final round.
 */
public final class FloorProcessor extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("dev.modelcost.Network");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element network : round.getElementsAnnotatedWith(annotation)) {
                String name = ((TypeElement) network).getQualifiedName() + "Cost";
                int dot = name.lastIndexOf('.');
                try (Writer out = processingEnv.getFiler().createSourceFile(name, network).openWriter()) {
                    out.write((dot < 0 ? "" : "package " + name.substring(0, dot) + ";\n") + "public final class "
                            + name.substring(dot + 1) + " {\n    public static final long MACS = 0L;\n}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return true;
    }
}
