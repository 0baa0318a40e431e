package dev.modelcost.processor.interop;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * javac's {@code -Xlint:processing} warning about annotations that no processor claimed. AutoValue and MapStruct
 * claim none of theirs, so a module that uses them gets it with or without modelcost: their tests accept it
 * for those tools' annotations only, never for modelcost's.
 */
final class Unclaimed {
    private static final String WARNING = "No processor claimed any of these annotations: ";

    private Unclaimed() {
    }

    /** The annotations that javac's warnings call unclaimed, without their module prefix. */
    static List<String> annotations(Compilation compilation) {
        List<String> names = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> warning : compilation.warnings()) {
            String message = warning.getMessage(Locale.ROOT);
            int start = message.indexOf(WARNING);
            if (start >= 0) {
                for (String name : message.substring(start + WARNING.length()).split(",")) {
                    names.add(name.trim().substring(name.trim().indexOf('/') + 1));
                }
            }
        }
        return names;
    }

    /**
     * Asserts that the compilation's only warnings are that one, and for annotations of {@code packageName}
     * alone: under {@code -Werror} the build would fail because of that tool, as it does without modelcost.
     */
    static void onlyOf(Compilation compilation, String packageName) {
        List<String> names = annotations(compilation);
        assertWithMessage("diagnostics: %s", compilation.diagnostics()).that(names).isNotEmpty();
        for (String name : names) {
            assertWithMessage("unclaimed annotation; diagnostics: %s", compilation.diagnostics()).that(name)
                    .startsWith(packageName + ".");
        }
        assertWithMessage("warnings other than the unclaimed annotations; diagnostics: %s",
                compilation.diagnostics()).that(compilation.warnings().stream()
                        .filter(w -> !w.getMessage(Locale.ROOT).contains(WARNING)).toList()).isEmpty();
    }
}
