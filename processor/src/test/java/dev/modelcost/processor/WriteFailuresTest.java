package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.testing.DiskCompilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output folders that cannot take a file: each is a keyed error on the network whose advice fits the cause,
 * never an exception. compile-testing keeps its output in memory, so these compile to real folders.
 */
class WriteFailuresTest {
    private static final String NETWORK = String.join("\n",
            "package w;",
            "import dev.modelcost.*;",
            "@Network(input = @Shape(channels = 4, size = {8, 8}))",
            "public class Net {",
            "    @Conv(out = 8, kernel = 1) Layer conv;",
            "}",
            "");
    private static final String REPORT_ADVICE = "check that the class output folder";
    private static final String SOURCE_ADVICE = "check that the generated sources folder";

    @TempDir
    Path root;

    @Test
    void aFolderWhereAReportShouldGoIsAnErrorAboutTheFolder() throws IOException {
        Files.createDirectories(root.resolve("classes/META-INF/modelcost/w.Net.json"));
        Diagnostic<? extends JavaFileObject> error = onlyError(compile());
        assertThat(message(error)).startsWith("[MC003] cannot write the reports of w.Net");
        assertThat(message(error)).contains(REPORT_ADVICE);
        assertThat(message(error)).contains("-Amodelcost.reports=none");
        assertThat(message(error)).doesNotContain("costClass");
        assertThat(error.getLineNumber()).isEqualTo(3);
        assertThat(error.getColumnNumber()).isEqualTo(1);
    }

    @Test
    void aFileWhereTheReportFolderShouldBeIsAnErrorAboutTheFolder() throws IOException {
        Files.createDirectories(root.resolve("classes/META-INF"));
        Files.writeString(root.resolve("classes/META-INF/modelcost"), "not a folder");
        Diagnostic<? extends JavaFileObject> error = onlyError(compile());
        assertThat(message(error)).startsWith("[MC003] cannot write the reports of w.Net");
        assertThat(message(error)).contains(REPORT_ADVICE);
        assertThat(message(error)).doesNotContain("costClass");
    }

    @Test
    void aFolderWhereTheCostClassSourceShouldGoIsAnErrorAboutTheFolder() throws IOException {
        Files.createDirectories(root.resolve("sources/w/NetCost.java"));
        Diagnostic<? extends JavaFileObject> error = onlyError(compile());
        assertThat(message(error)).startsWith("[MC003] cannot write w.NetCost");
        assertThat(message(error)).contains(SOURCE_ADVICE);
        assertThat(message(error)).doesNotContain("costClass");
        assertThat(error.getLineNumber()).isEqualTo(3);
    }

    @Test
    void reportsAreWrittenWhenTheFoldersAreFine() throws IOException {
        List<Diagnostic<? extends JavaFileObject>> diagnostics = compile();
        assertThat(DiskCompilation.errors(diagnostics)).isEmpty();
        assertThat(Files.isRegularFile(root.resolve("classes/META-INF/modelcost/w.Net.json"))).isTrue();
        assertThat(Files.isRegularFile(root.resolve("sources/w/NetCost.java"))).isTrue();
    }

    private List<Diagnostic<? extends JavaFileObject>> compile() throws IOException {
        return DiskCompilation.compile(root, Map.of("w/Net.java", NETWORK),
                "-classpath", System.getProperty("java.class.path"), "-proc:only");
    }

    private static Diagnostic<? extends JavaFileObject> onlyError(List<Diagnostic<? extends JavaFileObject>> all) {
        List<Diagnostic<? extends JavaFileObject>> errors = DiskCompilation.errors(all);
        assertThat(errors.stream().map(WriteFailuresTest::message).toList()).hasSize(1);
        return errors.get(0);
    }

    private static String message(Diagnostic<? extends JavaFileObject> diagnostic) {
        return diagnostic.getMessage(Locale.ROOT);
    }
}
