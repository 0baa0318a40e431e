package dev.modelcost.processor.testing;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.ModelCostProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one network's source with the real processor and finds the JSON report it wrote: real reports for the
 * tests of the cli's diff and of the Maven goal, which have it from the processor's test jar.
 */
public final class ReportCompiler {
    private ReportCompiler() {
    }

    /**
     * Compiles {@code source}, the class {@code qualifiedName}, in {@code folder}; returns its JSON report.
     */
    public static Path report(Path folder, String qualifiedName, String source) throws IOException {
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        Path sources = Files.createDirectories(folder.resolve("src"));
        Path classes = Files.createDirectories(folder.resolve("classes"));
        Path file = Files.writeString(sources.resolve(simpleName + ".java"), source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, null,
                    List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path")), null,
                    files.getJavaFileObjects(file));
            task.setProcessors(List.of(new ModelCostProcessor()));
            assertThat(task.call()).isTrue();
        }
        return classes.resolve("META-INF/modelcost/" + qualifiedName + ".json");
    }
}
