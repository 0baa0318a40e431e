package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.RecordingProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated class as a whole: byte for byte against a reviewed golden file, identical across compiles
 * and default locales, and clean under {@code -Xlint:all -Werror}.
 */
class GeneratedSourceTest {
    private static final JavaFileObject TINY_NET = JavaFileObjects.forResource("golden/TinyNet.java");

    @Test
    void matchesTheGoldenFile() {
        Compiled compiled = Compiled.sources(List.of(TINY_NET));
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.compilation()).generatedSourceFile("demo.TinyNetCost").contentsAsUtf8String()
                .isEqualTo(resource("golden/TinyNetCost.java.txt"));
    }

    @Test
    void compilesUnderAllLintsAsErrors() {
        Compiled compiled = Compiled.sources(List.of(TINY_NET), "-Xlint:all", "-Werror");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
    }

    @Test
    void everyFileHasItsNetworkAsItsOneOriginatingElementEvenWithABlockOfAnotherFile() {
        RecordingProcessor processor = new RecordingProcessor();
        Compilation compilation = javac().withProcessors(processor).compile(
                Compiled.file(
                        "package o;",
                        "import dev.modelcost.*;",
                        "@Block public class Pair {",
                        "    @Conv(out = 8, kernel = 3, padding = 1) Layer a;",
                        "    @Conv(out = 8, kernel = 3, padding = 1) Layer b;",
                        "}"),
                Compiled.file(
                        "package o;",
                        "import dev.modelcost.*;",
                        "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                        "public class Uses {",
                        "    @Stage(block = Pair.class, repeat = 2) Layer pairs;",
                        "    @Network(input = @Shape(channels = 3, size = {8, 8}))",
                        "    public static class Inner { @Conv(out = 4, kernel = 1) Layer c; }",
                        "}"));
        assertThat(compilation).succeededWithoutWarnings();
        // Gradle's isolating mode wants exactly one originating type per file; more makes it rebuild everything.
        Map<String, List<String>> expected = new TreeMap<>();
        for (String network : List.of("o.Uses", "o.Uses.Inner")) {
            for (String report : List.of(".json", ".md", ".html")) {
                expected.put("META-INF/modelcost/" + network + report, List.of(network));
            }
        }
        expected.put("o.UsesCost", List.of("o.Uses"));
        expected.put("o.Uses_InnerCost", List.of("o.Uses.Inner"));
        assertThat(processor.originatingElements()).containsExactlyEntriesIn(expected);
    }

    @Test
    void sameSourcesGiveTheSameBytesWhateverTheDefaultLocale() {
        String first = generated();
        Locale original = Locale.getDefault();
        try {
            // Grouping and digits differ in these locales; nothing generated may depend on them.
            Locale.setDefault(Locale.forLanguageTag("ar-EG"));
            assertThat(generated()).isEqualTo(first);
            Locale.setDefault(Locale.forLanguageTag("de-DE"));
            assertThat(generated()).isEqualTo(first);
        } finally {
            Locale.setDefault(original);
        }
    }

    private static String generated() {
        Compilation compilation = Compiled.sources(List.of(TINY_NET)).compilation();
        try {
            return compilation.generatedSourceFile("demo.TinyNetCost").orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = GeneratedSourceTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
