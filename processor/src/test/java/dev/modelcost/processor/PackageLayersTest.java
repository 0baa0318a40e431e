package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The processor's packages depend downward only, in the order the README's layout gives: a class imports from
 * its own package and from those below it, never from one above.
 */
class PackageLayersTest {
    /** Bottom first; the processor's own package, on top, uses them all. */
    private static final List<String> LAYERS = List.of("diag", "model", "analysis", "kinds", "read", "validation",
            "expand", "writing");
    private static final Path SOURCES = Path.of("src/main/java/dev/modelcost/processor");
    private static final Pattern IMPORT = Pattern.compile("^import dev\\.modelcost\\.processor\\.(\\w+)\\.",
            Pattern.MULTILINE);

    @Test
    void everyPackageImportsOnlyFromThoseBelowIt() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertWithMessage("sources under %s", SOURCES.toAbsolutePath()).that(files).isNotEmpty();
        for (Path file : files) {
            Path relative = SOURCES.relativize(file);
            if (relative.getNameCount() == 1) {
                continue; // the processor's own package
            }
            String own = relative.getName(0).toString();
            assertWithMessage("package %s is in the list of layers", own).that(LAYERS).contains(own);
            Matcher imported = IMPORT.matcher(Files.readString(file));
            while (imported.find()) {
                String other = imported.group(1);
                assertWithMessage("%s imports from %s", relative, other)
                        .that(LAYERS.indexOf(other)).isAtMost(LAYERS.indexOf(own));
            }
        }
    }
}
