package dev.modelcost.processor.testing;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.Compiler.javac;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * A source file whose expected diagnostics are written into it, as javac's own tests do: a comment line whose
 * caret stands under the offending token of the source line above it.
 *
 * <pre>
 *     "    &#64;Conv(out = 8, kernel = {3, 0}) Layer b;",
 *     "    //                          ^ error [MC104] kernel of layer 'b' ... is 0",
 * </pre>
 *
 * <p>A caret cannot stand in column 1, behind the {@code //}: indent a line whose first character is the
 * target (an annotation on a top-level class), as Java allows.
 *
 * <p>After the key come fragments, separated by {@code " ... "}, that the message must contain (the numbers
 * and the fix, not the whole prose). Several expectation lines may follow one source line. {@link
 * #assertExactly} checks each expectation with compile-testing's {@code hadErrorContaining(key).inFile(f)
 * .onLine(n).atColumn(c)}, that exactly one diagnostic sits there, and that nothing else was reported: no
 * other error, no other modelcost warning, and never {@code [MC002]} (an exception that reached javac).
 */
public final class Fixture {
    private static final Pattern EXPECTATION =
            Pattern.compile("^(\\s*//\\s*)\\^ (error|warning) \\[(MC\\d{3})\\]\\s*(.*)$");

    /** One expected diagnostic. */
    public record Expected(Diagnostic.Kind kind, String key, long line, long column, List<String> fragments) {
        @Override
        public String toString() {
            return kind.toString().toLowerCase(Locale.ROOT) + " [" + key + "] at " + line + ":" + column;
        }
    }

    private final JavaFileObject file;
    private final List<Expected> expected;

    private Fixture(JavaFileObject file, List<Expected> expected) {
        this.file = file;
        this.expected = List.copyOf(expected);
    }

    /**
     * A network {@code v.<name>} of one 1x1 convolution 4 -> 8 on 4x8x8 (2,048 MACs, 40 parameters, a 256-element
     * input, a 512-element output), with these class annotations (and expectation comments) after its
     * {@code @Network}.
     */
    public static Fixture oneConvolution(String name, String... annotations) {
        List<String> lines = new ArrayList<>(List.of("package v;", "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 4, size = {8, 8}))"));
        lines.addAll(List.of(annotations));
        lines.addAll(List.of("public class " + name + " {", "    @Conv(out = 8, kernel = 1) Layer conv;", "}"));
        return of(lines.toArray(String[]::new));
    }

    /** A fixture from its lines; expectation comments refer to the nearest source line above them. */
    public static Fixture of(String... lines) {
        List<Expected> expected = new ArrayList<>();
        int sourceLine = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher matcher = EXPECTATION.matcher(lines[i]);
            if (!matcher.matches()) {
                sourceLine = i + 1;
                continue;
            }
            if (sourceLine == 0) {
                throw new IllegalArgumentException("expectation before any source line: " + lines[i]);
            }
            Diagnostic.Kind kind = matcher.group(2).equals("error") ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
            List<String> fragments = matcher.group(4).isBlank() ? List.of()
                    : Arrays.stream(matcher.group(4).split(" \\.\\.\\. ")).map(String::trim).toList();
            expected.add(new Expected(kind, matcher.group(3), sourceLine, matcher.group(1).length() + 1, fragments));
        }
        return new Fixture(Compiled.file(lines), expected);
    }

    /** The source file. */
    public JavaFileObject file() {
        return file;
    }

    /** The diagnostics written into it. */
    public List<Expected> expected() {
        return expected;
    }

    /**
     * What compiling fixtures gave.
     *
     * @param compilation compile-testing's result, for its assertions
     * @param generatedSources the qualified names of the source files the processor created, which
     *     compile-testing does not show when the compilation failed
     */
    public record Outcome(Compilation compilation, Set<String> generatedSources) {
    }

    /** Compiles the fixtures together, with the processor and these javac options. */
    public static Outcome compile(List<String> options, Fixture... fixtures) {
        RecordingProcessor processor = new RecordingProcessor();
        Compilation compilation = javac().withProcessors(processor).withOptions(options)
                .compile(Stream.of(fixtures).map(Fixture::file).toList());
        return new Outcome(compilation, processor.createdSources());
    }

    /** Compiles the fixtures together, with the processor and no options. */
    public static Outcome compile(Fixture... fixtures) {
        return compile(List.of(), fixtures);
    }

    /** {@link #assertExactly(Compilation, Fixture...)} on an outcome's compilation. */
    public static void assertExactly(Outcome outcome, Fixture... fixtures) {
        assertExactly(outcome.compilation(), fixtures);
    }

    /** Asserts that the compilation reported exactly what the fixtures expect, where they expect it. */
    public static void assertExactly(Compilation compilation, Fixture... fixtures) {
        assertNoInternalError(compilation);
        long errors = 0;
        long warnings = 0;
        for (Fixture fixture : fixtures) {
            for (Expected e : fixture.expected) {
                fixture.assertReported(compilation, e);
                if (e.kind() == Diagnostic.Kind.ERROR) {
                    errors++;
                } else {
                    warnings++;
                }
            }
        }
        assertWithMessage("errors, expected %s; all diagnostics: %s", errors, compilation.diagnostics())
                .that(compilation.errors()).hasSize((int) errors);
        List<Diagnostic<? extends JavaFileObject>> ourWarnings = compilation.warnings().stream()
                .filter(d -> message(d).startsWith("[MC")).toList();
        assertWithMessage("modelcost warnings, expected %s; all diagnostics: %s", warnings,
                compilation.diagnostics()).that(ourWarnings).hasSize((int) warnings);
    }

    /** Asserts that no exception of the processor reached javac (it would be reported as {@code [MC002]}). */
    public static void assertNoInternalError(Compilation compilation) {
        for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
            assertWithMessage("an exception of the processor reached javac").that(message(diagnostic))
                    .doesNotContain("[MC002]");
        }
    }

    private void assertReported(Compilation compilation, Expected e) {
        String key = "[" + e.key() + "]";
        if (e.kind() == Diagnostic.Kind.ERROR) {
            assertThat(compilation).hadErrorContaining(key).inFile(file).onLine(e.line()).atColumn(e.column());
        } else {
            assertThat(compilation).hadWarningContaining(key).inFile(file).onLine(e.line()).atColumn(e.column());
        }
        List<String> there = compilation.diagnostics().stream()
                .filter(d -> d.getKind() == e.kind() && d.getSource() != null
                        && d.getSource().toUri().equals(file.toUri())
                        && d.getLineNumber() == e.line() && d.getColumnNumber() == e.column()
                        && message(d).startsWith(key))
                .map(Fixture::message)
                .toList();
        assertWithMessage("%s reported once", e).that(there).hasSize(1);
        for (String fragment : e.fragments()) {
            assertWithMessage("message of %s", e).that(there.get(0)).contains(fragment);
        }
    }

    private static String message(Diagnostic<? extends JavaFileObject> diagnostic) {
        return diagnostic.getMessage(Locale.ROOT);
    }
}
