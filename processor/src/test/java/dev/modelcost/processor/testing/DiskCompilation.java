package dev.modelcost.processor.testing;

import dev.modelcost.processor.ModelCostProcessor;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles with the processor to real folders, for what compile-testing's in-memory files cannot show: output
 * folders that refuse a file, modules. Under a root folder: sources in {@code src}, classes and reports in
 * {@code classes}, generated sources in {@code sources}.
 */
public final class DiskCompilation {
    private DiskCompilation() {
    }

    /**
     * Writes the sources (path under {@code src} to text) and compiles them with these options besides the
     * folders; returns every diagnostic.
     */
    public static List<Diagnostic<? extends JavaFileObject>> compile(Path root, Map<String, String> sources,
            String... options) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = root.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            files.add(Files.writeString(file, source.getValue()));
        }
        Files.createDirectories(root.resolve("classes"));
        Files.createDirectories(root.resolve("sources"));
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("-d", root.resolve("classes").toString(), "-s", root.resolve("sources").toString()));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), fileManager, diagnostics, arguments,
                    null, fileManager.getJavaFileObjectsFromPaths(files));
            task.setProcessors(List.of(new ModelCostProcessor()));
            task.call();
        }
        return diagnostics.getDiagnostics();
    }

    /** The errors among diagnostics. */
    public static List<Diagnostic<? extends JavaFileObject>> errors(List<Diagnostic<? extends JavaFileObject>> all) {
        return all.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }
}
