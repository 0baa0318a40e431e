package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.LayerCost;
import dev.modelcost.ModelCost;
import dev.modelcost.Network;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.DiskCompilation;
import dev.modelcost.processor.testing.Fixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated class compiles, cleanly under every lint, whatever the names in the network, the names around
 * it in its package and the javac options: names are read back at run time exactly as written.
 */
class GeneratedCodeTest {
    private static final String[] ALL_LINTS = {"-Xlint:all", "-Werror"};

    /**
     * Every character that Java, a writer of Java source or the layer table treat specially: line and paragraph
     * separators (a source line must not end on them inside a literal), carriage return, line feed, tab, NUL, a lone surrogate, the DOS end of
     * file, NEL, a quote, a backslash (also before {@code u}, as in a Unicode escape), a comment's end, a letter
     * beyond ASCII, backspace and form feed.
     */
    private static final String HOSTILE = "a\u2028b\u2029c\rd\ne\tf\0g\ud800h\udc00i\u001aj\u0085k\"l\\m\\u0041n*/o"
            + "\u00e9p\bq\fr";

    /** {@link #HOSTILE} as the text of a Java string literal in a fixture's source. */
    private static final String HOSTILE_SOURCE = "a\\u2028b\\u2029c\\rd\\ne\\tf\\0g\\ud800h\\udc00i\\u001aj\\u0085k"
            + "\\\"l\\\\m\\\\u0041n*/o\\u00e9p\\bq\\fr";

    @Test
    void networkAndDeviceNamesRoundTripWhateverTheirCharacters() {
        Compiled compiled = Compiled.sources(List.of(Compiled.file(
                "package names;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 4, size = {8, 8}), name = \"" + HOSTILE_SOURCE + "\")",
                "@Device(name = \"" + HOSTILE_SOURCE + "\", peakFlops = 1_000_000L, bandwidth = 1_000_000L)",
                "public class Hostile {",
                "    @Conv(out = 8, kernel = 1) Layer conv;",
                "}")), ALL_LINTS);
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.model("names.HostileCost").name()).isEqualTo(HOSTILE);
        assertThat(compiled.staticField("names.HostileCost", "DEVICE")).isEqualTo(HOSTILE);
        assertThat(asciiOnly(source(compiled, "names.HostileCost"))).isTrue();
    }

    /** A network of more layers than one string literal of the table holds, so that nested classes hold it. */
    private static final String[] LARGE = {
        "    /** The blocks. */",
        "    @Stage(block = Relu.class, repeat = 1_000) dev.modelcost.Layer stage;",
        "    /** One layer. */",
        "    @Block static class Relu {",
        "        /** Not a block of its own. */",
        "        private Relu() {",
        "        }",
        "",
        "        /** The only layer. */",
        "        @Activation(ActivationFunction.RELU) dev.modelcost.Layer relu;",
        "    }"};

    /**
     * 1,000 lines of {@code stage.N.relu\tACTIVATION\trelu\t4x8x8\t4x8x8\t0\t0\t256\t0\t256\t1024\t2048\t-1\n}, some
     * 70,000 bytes: two string literals of at most 49,152 bytes, appended by one nested class.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Table0", "Table1", "Rows0", "StringBuilder", "String", "LayerTable", "ModelCost",
        "Generated"})
    void aTableOfMorePartsThanOneCompilesWhateverTheCostClassIsNamed(String name) {
        List<String> lines = new ArrayList<>(List.of(
                "package clash;",
                "import dev.modelcost.*;",
                "/** A network. */",
                "@Network(input = @Shape(channels = 4, size = {8, 8}), costClass = \"" + name + "\")",
                "public class Net {",
                "    /** Not a network of its own. */",
                "    private Net() {",
                "    }",
                ""));
        lines.addAll(List.of(LARGE));
        lines.add("}");
        Compiled compiled = Compiled.sources(List.of(Compiled.file(lines.toArray(String[]::new))), "-Xlint:all",
                "-Werror", "-Xdoclint:all/private");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        String source = source(compiled, "clash." + name);
        String nested = name.startsWith("Table") ? "Rows" : "Table";
        assertThat(source).contains("private static final class " + nested + "0 {");
        assertThat(source).doesNotContain("private static final class " + nested + "1 {");
        ModelCost model = compiled.model("clash." + name);
        assertThat(model.layers()).hasSize(1_000);
        assertThat(model.layers().get(999).name()).isEqualTo("stage.999.relu");
        assertThat(model.layer("stage.500.relu").flops()).isEqualTo(256L);
        assertThat(model.flops()).isEqualTo(256_000L);
    }

    @Test
    void aTableOfMorePartsThanOneCompilesBesideClassesNamedLikeTheTypesItUses() {
        List<JavaFileObject> files = new ArrayList<>();
        for (String name : List.of("String", "StringBuilder", "Generated", "LayerTable", "ModelCost", "Table0")) {
            files.add(Compiled.file("package shadow;", "public class " + name + " {", "}"));
        }
        List<String> lines = new ArrayList<>(List.of(
                "package shadow;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 4, size = {8, 8}))",
                "public class Net {"));
        lines.addAll(List.of(LARGE));
        lines.add("}");
        files.add(Compiled.file(lines.toArray(String[]::new)));
        Compiled compiled = Compiled.sources(files, ALL_LINTS);
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.model("shadow.NetCost").layers()).hasSize(1_000);
    }

    /**
     * A network named like a type the cost class imports: the class's javadoc links to the network, so that type
     * is named by its qualified name instead, and the link goes to the network.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ModelCost", "LayerTable", "String", "Generated"})
    void aNetworkNamedLikeATypeTheGeneratedSourceUsesCompilesAndIsLinked(String name) {
        Compiled compiled = Compiled.sources(List.of(Compiled.file(
                "package named;",
                "import dev.modelcost.*;",
                "/** A network. */",
                "@Network(input = @Shape(channels = 4, size = {8, 8}))",
                "public class " + name + " {",
                "    /** Not a network of its own. */",
                "    private " + name + "() {",
                "    }",
                "",
                "    /** One layer. */",
                "    @Conv(out = 8, kernel = 1) dev.modelcost.Layer conv;",
                "}")), "-Xlint:all", "-Werror", "-Xdoclint:all");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        String source = source(compiled, "named." + name + "Cost");
        assertThat(source).contains("{@link " + name + "}");
        assertThat(source).doesNotContain("import named." + name + ";");
        assertThat(compiled.model("named." + name + "Cost").layers()).hasSize(1);
    }

    @Test
    void layerNamesBeyondAsciiRoundTrip() {
        // javac drops the "identifier-ignorable" characters (NUL, the DOS end of file) from a field's name, so
        // a layer's name holds letters and digits only, but of any script and plane.
        Compiled compiled = Compiled.sources(List.of(Compiled.file(
                "package names;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 4, size = {8, 8}))",
                "public class Letters {",
                "    @Conv(out = 8, kernel = 1) Layer caf\\u00e9\\u540d;",
                "    @Conv(out = 8, kernel = 1) Layer \\ud835\\udc9c;",
                "}")), ALL_LINTS);
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        List<LayerCost> layers = compiled.model("names.LettersCost").layers();
        assertThat(layers.get(0).name()).isEqualTo("caf\u00e9\u540d");
        assertThat(layers.get(1).name()).isEqualTo("\ud835\udc9c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"var", "record", "yield", "sealed", "permits", "_", "enum", "non-sealed"})
    void costClassThatCannotNameAClassIsAnErrorOnIt(String name) {
        Fixture fixture = Fixture.of(
                "package d;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = {8, 8}), costClass = \"" + name + "\")",
                "//                                                                ^ error [MC115] "
                        + "costClass \"" + name + "\" is not a valid Java class name ... such as \"RestrictedCost\"",
                "public class Restricted {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        Fixture.Outcome outcome = Fixture.compile(fixture);
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /** Names of the classes the writer nests, and of every type the generated source names. */
    @ParameterizedTest
    @ValueSource(strings = {"Table0", "Table1", "Rows0", "LayerTable", "LayerCost", "ModelCost", "List", "String",
            "StringBuilder", "Generated", "Long", "Integer", "Object", "Override"})
    void costClassNamedLikeATypeTheGeneratedSourceUsesCompiles(String name) {
        Compiled compiled = Compiled.sources(List.of(Compiled.file(
                "package clash;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 4, size = {8, 8}), costClass = \"" + name + "\")",
                "public class Net {",
                "    @Conv(out = 8, kernel = 1) Layer conv;",
                "}")), ALL_LINTS);
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.model("clash." + name).layers()).hasSize(1);
    }

    @Test
    void classesOfTheNetworksPackageDoNotShadowTheTypesTheGeneratedSourceUses() {
        List<JavaFileObject> files = new ArrayList<>();
        for (String name : List.of("String", "StringBuilder", "Long", "Integer", "Object", "Override",
                "SuppressWarnings", "Deprecated", "Generated", "List", "LayerTable", "LayerCost", "ModelCost",
                "Table0", "Rows0")) {
            files.add(Compiled.file("package shadow;", "public class " + name + " {", "}"));
        }
        files.add(Compiled.file(
                "package shadow;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 4, size = {8, 8}))",
                "@Device(peakFlops = 1_000_000L, bandwidth = 1_000_000L)",
                "public class Net {",
                "    @Conv(out = 8, kernel = 1) dev.modelcost.Layer conv;",
                "}"));
        Compiled compiled = Compiled.sources(files, ALL_LINTS);
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.model("shadow.NetCost").layers()).hasSize(1);
    }

    @Test
    void typesNestedInTheNetworkDoNotShadowTheTypesTheGeneratedSourceUses() {
        Compiled compiled = Compiled.sources(List.of(Compiled.file(
                "package nested;",
                "import dev.modelcost.*;",
                "public class Outer {",
                "    @Network(input = @Shape(channels = 4, size = {8, 8}))",
                "    public static class Net {",
                "        @Conv(out = 8, kernel = 1) dev.modelcost.Layer conv;",
                "        static class String {}",
                "        static class ModelCost {}",
                "        static class Table0 {}",
                "    }",
                "    static class StringBuilder {}",
                "    static class LayerTable {}",
                "}")), ALL_LINTS);
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        ModelCost model = compiled.model("nested.Outer_NetCost");
        assertThat(model.layers()).hasSize(1);
    }
    @ParameterizedTest
    @ValueSource(strings = {"-Xdoclint:all", "-Xdoclint:all/private"})
    void javadocOfPublicAndPrivateNestedNetworksPassesDoclintAsErrors(String doclint) {
        Compiled compiled = Compiled.sources(List.of(Compiled.file(
                "package doc;",
                "import dev.modelcost.*;",
                "/** Holds networks. */",
                "public class Outer {",
                "    /** Not a network. */",
                "    private Outer() {",
                "    }",
                "",
                "    /** A network others can see. */",
                "    @Network(input = @Shape(channels = 4, size = {8, 8}))",
                "    @Device(peakFlops = 1_000_000L, bandwidth = 1_000_000L)",
                "    public static class Open {",
                "        /** Not a network either. */",
                "        private Open() {",
                "        }",
                "",
                "        /** One layer. */",
                "        @Conv(out = 8, kernel = 1) Layer conv;",
                "    }",
                "",
                "    /** A network of this class alone. */",
                "    @Network(input = @Shape(channels = 4, size = {8, 8}))",
                "    private static class Hidden {",
                "        /** Not a network either. */",
                "        private Hidden() {",
                "        }",
                "",
                "        /** One layer. */",
                "        @Conv(out = 8, kernel = 1) Layer conv;",
                "    }",
                "}")), doclint, "-Xlint:all", "-Werror");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.model("doc.Outer_HiddenCost").layers()).hasSize(1);
    }

    @Test
    void aModuleThatDoesNotReadJavaCompilerGetsNoGeneratedAnnotation(@TempDir Path root) throws IOException {
        // java.compiler is in the module graph, as when a module requires Lombok, but this one does not read it.
        String source = compileModule(root, List.of("--add-modules", "java.compiler"),
                "module net {", "    requires modelcost.annotations;", "}");
        assertThat(source).doesNotContain("Generated");
    }

    @Test
    void aModuleThatReadsJavaCompilerGetsTheGeneratedAnnotation(@TempDir Path root) throws IOException {
        String source = compileModule(root, List.of(), "module net {", "    requires modelcost.annotations;",
                "    requires static java.compiler;", "}");
        assertThat(source).contains("@Generated(\"dev.modelcost.processor.ModelCostProcessor\")");
    }

    @Test
    void aModuleThatReadsJavaCompilerThroughATransitiveRequirementGetsTheGeneratedAnnotation(@TempDir Path root)
            throws IOException {
        // java.se requires java.compiler transitively.
        String source = compileModule(root, List.of(), "module net {", "    requires modelcost.annotations;",
                "    requires java.se;", "}");
        assertThat(source).contains("@Generated(");
    }

    private static String source(Compiled compiled, String className) {
        try {
            return compiled.compilation().generatedSourceFile(className).orElseThrow().getCharContent(true)
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean asciiOnly(String text) {
        return text.chars().allMatch(c -> c < 0x80);
    }

    /**
     * Compiles a network in a module of its own, the annotations on the module path as an automatic module,
     * under all lints as errors; returns the source of its cost class. compile-testing cannot compile a module.
     */
    private static String compileModule(Path root, List<String> options, String... moduleInfo)
            throws IOException {
        String network = String.join("\n",
                "package net;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 4, size = {8, 8}))",
                "public class Net {",
                "    @Conv(out = 8, kernel = 1) Layer conv;",
                "}");
        List<String> arguments = new ArrayList<>(options);
        arguments.addAll(List.of("--module-path", annotationsJar(root).toString(), "-Xlint:all,-requires-automatic",
                "-Werror"));
        List<Diagnostic<? extends JavaFileObject>> diagnostics = DiskCompilation.compile(root,
                Map.of("module-info.java", String.join("\n", moduleInfo), "net/Net.java", network),
                arguments.toArray(String[]::new));
        assertThat(diagnostics).isEmpty();
        return Files.readString(root.resolve("sources/net/NetCost.java"));
    }

    /** The annotations module as a jar named {@code modelcost-annotations.jar}: automatic module name from it. */
    private static Path annotationsJar(Path folder) throws IOException {
        Path jar = folder.resolve("modelcost-annotations.jar");
        Path classes;
        try {
            classes = Path.of(Network.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isRegularFile(classes)) {
            return Files.copy(classes, jar);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }
}
