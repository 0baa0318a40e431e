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
 * The floor under any processor that generates code: for each class annotated with {@code @Network} (or with the
 * annotation named by {@code -Abench.floor=<qualified name>}, so that the anchors' sources have a floor of their
 * own) it writes a class of one constant and does nothing else. What javac then spends beyond {@code -proc:none}
 * is the price of annotation processing itself: another round, in which javac enters and annotates every source
 * again, and the final round.
 */
public final class FloorProcessor extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of("bench.floor");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        String wanted = processingEnv.getOptions().getOrDefault("bench.floor", "dev.modelcost.Network");
        for (TypeElement annotation : annotations) {
            if (!annotation.getQualifiedName().contentEquals(wanted)) {
                continue;
            }
            for (Element annotated : round.getElementsAnnotatedWith(annotation)) {
                String pkg = processingEnv.getElementUtils().getPackageOf(annotated)
                        .getQualifiedName().toString();
                String qualified = ((TypeElement) annotated).getQualifiedName().toString();
                String simple = (pkg.isEmpty() ? qualified : qualified.substring(pkg.length() + 1)).replace('.', '_')
                        + "Cost";
                String name = pkg.isEmpty() ? simple : pkg + "." + simple;
                try (Writer out = processingEnv.getFiler().createSourceFile(name, annotated).openWriter()) {
                    out.write((pkg.isEmpty() ? "" : "package " + pkg + ";\n") + "public final class " + simple
                            + " {\n    public static final long MACS = 0L;\n}\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return false;
    }
}
