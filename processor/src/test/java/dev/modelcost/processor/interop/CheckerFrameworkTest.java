package dev.modelcost.processor.interop;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import java.nio.file.Path;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Checker Framework's nullness checker beside modelcost, under {@code -Xlint:all -Werror}. The checker
 * supports every annotation and checks the classes of the rounds javac offers it; javac offers a round to the
 * processors in turn only while some of its annotations are unclaimed.
 */
class CheckerFrameworkTest {
    private static final List<String> STRICT = List.of("-Xlint:all", "-Werror");
    private static final JavaFileObject CARELESS = Compiled.file(
            "package chk;",
            "public class Careless {",
            "    @Override",
            "    public String toString() {",
            "        return null;",
            "    }",
            "}");
    /** {@link ClaimingTest#tiny}, whose field is never assigned: {@code @Nullable} for the checker. */
    private static final JavaFileObject TINY = Compiled.file(
            "package chk;",
            "import dev.modelcost.*;",
            "import org.checkerframework.checker.nullness.qual.Nullable;",
            "@Network(input = @Shape(channels = 3, size = {8, 8}))",
            "public class Tiny {",
            "    @Conv(out = 8, kernel = 3) @Nullable Layer conv;",
            "}");

    /**
     * The checker named as {@code -processor} names it, on a processor path of its own: its jar (which bundles
     * Guava, kept off the test's class path) and its qualifiers.
     */
    private static List<Processor> nullness() {
        String jar = System.getProperty("modelcost.test.checker");
        assertWithMessage("system property modelcost.test.checker (set by the build)").that(jar).isNotNull();
        return List.of(ProcessorPath.isolated(List.of(Path.of(jar), ProcessorPath.jarOf(Nullable.class)),
                "org.checkerframework.checker.nullness.NullnessChecker"));
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void theCheckerFindsTheNullInAModuleWithNetworks(Order order) {
        Compilation compilation = order.compile(nullness(), STRICT, TINY, CARELESS);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("incompatible types in return").inFile(CARELESS).onLine(5)
                .atColumn(16);
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void aNullSafeModuleWithNetworksPassesBoth(Order order) {
        JavaFileObject careful = Compiled.file(
                "package chk;",
                "public class Careful {",
                "    @Override",
                "    public String toString() {",
                "        return \"careful \" + TinyCost.MACS;",
                "    }",
                "}");
        Compilation compilation = order.compile(nullness(), STRICT, TINY, careful);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(Compiled.of(compilation).constant("chk.TinyCost", "MACS")).isEqualTo(7_776L);
    }

    @Test
    void listedFirstTheCheckerAlsoChecksARoundOfNetworkAnnotationsAlone() {
        // No annotation here but modelcost's: once modelcost claims them, javac offers the round to no later
        // processor, so a checker listed after modelcost would not see it. Listed first, it does.
        JavaFileObject careless = Compiled.file(
                "package chk;",
                "public class Bare {",
                "    static String name() {",
                "        return null;",
                "    }",
                "}");
        Compilation compilation = Order.MODELCOST_LAST.compile(nullness(), STRICT, TINY,
                careless);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("incompatible types in return").inFile(careless).onLine(4)
                .atColumn(16);
    }
}
