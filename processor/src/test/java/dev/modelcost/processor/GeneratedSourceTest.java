package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
