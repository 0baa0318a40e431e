package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sources give the same bytes: the cost classes and the JSON, Markdown and HTML reports, compile after
 * compile, whatever the default locale, time zone or javac's {@code -encoding}. CI runs this on JDK 17 and JDK 25;
 * {@code .ci/run} also compares the sample's outputs across the two.
 */
class DeterminismTest {
    /**
     * Blocks with a condition, branches, a concatenation, pooling, upsampling, a device (latencies, decimal
     * intensities), dropout's decimal setting, and a display name and device name beyond ASCII, written as Unicode
     * escapes so that the source itself reads the same in any encoding.
     */
    private static final String[] NETWORK = {
        "package det;",
        "import dev.modelcost.*;",
        "@Network(input = @Shape(channels = 3, size = {32, 32}), name = \"R\\u00e9seau \\u2014 \\u03bb\")",
        "@Device(name = \"NPU \\u00fc\", peakFlops = 3_000_000_000_000L, bandwidth = 70_000_000_000L,"
                + " precision = Precision.FP16)",
        "@Budget(macs = 1_000L)",
        "public class Det {",
        "    @Conv(out = 16, kernel = 3, stride = 2, padding = 1) Layer stem;",
        "    @Stage(block = Res.class, repeat = 2, with = \"width = 32\", first = \"stride = 2\") Layer stage;",
        "    @From(\"stem\") @MaxPool(kernel = 2) Layer pooled;",
        "    @From(\"pooled\") @Conv(out = 32, kernel = 1) Layer side;",
        "    @Concat({\"stage\", \"side\"}) Layer cat;",
        "    @Upsample(scale = 2, mode = UpsampleMode.BILINEAR) Layer up;",
        "    @AdaptivePool(size = 3) Layer adaptive;",
        "    @Dropout(0.25) Layer drop;",
        "    @Dense(out = 10) Layer head;",
        "    @Block static class Res {",
        "        @Param int width;",
        "        @Param(\"1\") int stride;",
        "        @Conv(outExpr = \"width\", kernel = 3, strideExpr = \"stride\", padding = 1) Layer a;",
        "        @BatchNorm Layer bn;",
        "        @Activation(ActivationFunction.GELU) Layer act;",
        "        @From(From.INPUT) @When(\"stride != 1 || in != width\")",
        "        @Conv(outExpr = \"width\", kernel = 1, strideExpr = \"stride\") Layer down;",
        "        @Add({\"act\", \"down\"}) Layer sum;",
        "    }",
        "}"};

    @Test
    void twoCompilesGiveTheSameBytesWhateverTheLocaleAndTimeZone() {
        Map<String, String> first = outputs(compile());
        assertThat(first.keySet()).containsExactly("/SOURCE_OUTPUT/det/DetCost.java",
                "/CLASS_OUTPUT/META-INF/modelcost/det.Det.json", "/CLASS_OUTPUT/META-INF/modelcost/det.Det.md",
                "/CLASS_OUTPUT/META-INF/modelcost/det.Det.html");
        assertThat(outputs(compile())).containsExactlyEntriesIn(first);
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            // Turkish lower-cases I to a dotless i; Arabic writes its own digits; Hindi groups by two; the zones
            // are a day apart.
            for (String tag : List.of("tr-TR", "ar-EG", "hi-IN", "de-CH")) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                TimeZone.setDefault(TimeZone.getTimeZone(tag.startsWith("tr") ? "Pacific/Kiritimati" : "Etc/GMT+12"));
                assertWithMessage("outputs in %s", tag).that(outputs(compile())).containsExactlyEntriesIn(first);
            }
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    private static Compilation compile() {
        Compilation compilation = Compiled.sources(List.of(Compiled.file(NETWORK))).compilation();
        assertThat(compilation).succeeded();
        return compilation;
    }

    /** The generated sources and reports (not the class files, which are javac's), by path, as text. */
    private static Map<String, String> outputs(Compilation compilation) {
        Map<String, String> outputs = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                continue;
            }
            try (InputStream in = file.openInputStream()) {
                outputs.put(file.toUri().getPath(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return outputs;
    }

    /**
     * javac writes generated files in its {@code -encoding}, the platform's by default (ASCII on JDK 17 in a POSIX
     * locale, UTF-8 from JDK 18): the cost class must be the same bytes in all of them, and so must the reports,
     * which are UTF-8. Compiled to disk here, through javac's own file manager, as a build does.
     */
    @Test
    void theOutputsDoNotDependOnJavacsEncoding(@TempDir Path temp) throws Exception {
        Path source = temp.resolve("src/det/Det.java");
        Files.createDirectories(source.getParent());
        Files.write(source, String.join("\n", NETWORK).getBytes(StandardCharsets.US_ASCII));
        Map<String, byte[]> utf8 = compileToDisk(source, temp.resolve("utf8"), "UTF-8");
        for (String encoding : List.of("US-ASCII", "ISO-8859-1")) {
            Map<String, byte[]> other = compileToDisk(source, temp.resolve(encoding), encoding);
            assertThat(other.keySet()).containsExactlyElementsIn(utf8.keySet());
            for (String path : utf8.keySet()) {
                assertWithMessage("%s with -encoding %s", path, encoding).that(other.get(path))
                        .isEqualTo(utf8.get(path));
            }
            // And right: the name survives, in the class and in the report.
            try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.resolve(encoding).resolve("classes").toUri()
                    .toURL()}, DeterminismTest.class.getClassLoader())) {
                ModelCost model = (ModelCost) loader.loadClass("det.DetCost").getField("MODEL").get(null);
                assertThat(model.name()).isEqualTo("R\u00e9seau \u2014 \u03bb");
            }
            String json = new String(other.get("classes/META-INF/modelcost/det.Det.json"), StandardCharsets.UTF_8);
            assertThat(json).contains("\"network\": \"R\u00e9seau \u2014 \u03bb\"");
            assertThat(json).contains("\"name\": \"NPU \u00fc\"");
        }
    }

    /** Compiles with the processor into {@code out/classes} and {@code out/sources}; the outputs by relative path. */
    private static Map<String, byte[]> compileToDisk(Path source, Path out, String encoding) throws IOException {
        Path classes = Files.createDirectories(out.resolve("classes"));
        Path sources = Files.createDirectories(out.resolve("sources"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-encoding", encoding, "-d", classes.toString(), "-s", sources.toString(),
                            "-classpath", System.getProperty("java.class.path")),
                    null, files.getJavaFileObjects(source));
            task.setProcessors(List.of(new ModelCostProcessor()));
            assertWithMessage("javac with -encoding %s: %s", encoding, diagnostics.getDiagnostics()).that(task.call())
                    .isTrue();
        }
        Map<String, byte[]> outputs = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(out)) {
            List<Path> files = paths.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".class")).toList();
            for (Path path : files) {
                outputs.put(out.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        }
        return outputs;
    }
}
