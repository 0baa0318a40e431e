package dev.modelcost.processor.interop;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.ModelCostOptionsProcessor;
import dev.modelcost.processor.ModelCostProcessor;
import dev.modelcost.processor.read.AnnotationNames;
import dev.modelcost.processor.testing.Compiled;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What modelcost claims, as javac sees it: its own annotations and nothing else, so that {@code -Xlint:all
 * -Werror} passes beside any other annotation and the processors after it still get every other annotation;
 * and its options recognized in a module that has no network.
 */
class ClaimingTest {
    private static final JavaFileObject TINY = tiny("mixed");
    private static final JavaFileObject PLAIN = Compiled.file(
            "package mixed;",
            "public class Plain {",
            "    @SuppressWarnings(\"unused\") private int unused;",
            "    @Override public String toString() {",
            "        return \"plain\";",
            "    }",
            "}");

    /**
     * A one-layer network {@code Tiny} in this package: 3x8x8 in, a 3x3 convolution to 8 channels, so 8 x 6 x 6
     * outputs of 27 multiply-adds (7,776 MACs) and 8 x 27 weights plus 8 biases (224 parameters).
     */
    static JavaFileObject tiny(String packageName) {
        return Compiled.file(
                "package " + packageName + ";",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Tiny {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
    }

    @Test
    void networkBesideOverrideAndSuppressWarningsPassesAllLintsAsErrors() {
        Compilation compilation = javac().withProcessors(ProcessorPath.modelcost())
                .withOptions("-Xlint:all", "-Werror").compile(TINY, PLAIN);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("mixed.TinyCost");
    }

    @Test
    void registersAProcessorOfItsOwnAnnotationsAndOneOfEveryAnnotationThatClaimsNone() {
        assertThat(ProcessorPath.registeredNames(ModelCostProcessor.class)).containsExactly(
                ModelCostOptionsProcessor.class.getName(), ModelCostProcessor.class.getName()).inOrder();
        assertThat(new ModelCostProcessor().getSupportedAnnotationTypes())
                .containsExactlyElementsIn(AnnotationNames.CLAIMED);
        assertThat(AnnotationNames.CLAIMED).containsAtLeast("dev.modelcost.Network", "dev.modelcost.Conv",
                "dev.modelcost.Block", "javax.annotation.processing.Generated");
        assertThat(new ModelCostOptionsProcessor().getSupportedAnnotationTypes()).containsExactly("*");
        assertThat(new ModelCostOptionsProcessor().process(Set.of(), null)).isFalse();
    }

    @Test
    void aLaterProcessorOfEveryAnnotationGetsTheOthersAndEveryClass() {
        Recorder later = new Recorder();
        List<Processor> processors = new ArrayList<>(ProcessorPath.modelcost());
        processors.add(later);
        Compilation compilation = javac().withProcessors(processors).withOptions("-Xlint:all", "-Werror")
                .compile(TINY, PLAIN);
        assertThat(compilation).succeededWithoutWarnings();
        // Round 1: the two classes and the annotations modelcost did not claim; then the generated class.
        assertThat(later.rootsOfFirstRound).containsExactly("mixed.Tiny", "mixed.Plain");
        assertThat(later.annotationsOfFirstRound).containsExactly("java.lang.Override", "java.lang.SuppressWarnings");
    }

    @Test
    void optionsAreRecognizedInAModuleWithoutNetworks() {
        // javac warns about an -A option that no processor it called supports; under -Werror that would fail
        // every module of a build that sets the option once for all of them.
        JavaFileObject deprecated = Compiled.file(
                "package plain;",
                "public class Old {",
                "    @Deprecated int old;",
                "}");
        JavaFileObject bare = Compiled.file(
                "package plain;",
                "public class Bare {",
                "}");
        for (List<JavaFileObject> module : List.of(List.of(deprecated), List.of(bare))) {
            Compilation compilation = javac().withProcessors(ProcessorPath.modelcost())
                    .withOptions("-Amodelcost.budget=error", "-Xlint:all", "-Werror").compile(module);
            assertThat(compilation).succeededWithoutWarnings();
        }
    }

    @Test
    void aBadOptionIsStillAnErrorInAModuleWithoutNetworks() {
        // javac initializes modelcost's processor, which reads the options, even in a round it is not called for.
        Compilation compilation = javac().withProcessors(ProcessorPath.modelcost())
                .withOptions("-Amodelcost.budget=fatal").compile(PLAIN);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MC001] option -Amodelcost.budget=fatal is not valid");
    }

    /** A processor of every annotation, as the Checker Framework's checkers are, that records what it gets. */
    static final class Recorder extends AbstractProcessor {
        final List<String> rootsOfFirstRound = new ArrayList<>();
        final List<String> annotationsOfFirstRound = new ArrayList<>();
        private boolean first = true;

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
            if (first) {
                first = false;
                round.getRootElements().forEach(e -> rootsOfFirstRound.add(((TypeElement) e).getQualifiedName()
                        .toString()));
                annotations.forEach(a -> annotationsOfFirstRound.add(a.getQualifiedName().toString()));
            }
            return false;
        }
    }
}
