package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.StagedNetworks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code -Amodelcost.depth=N}: its values, its default, and MC001 for a value that is not a depth. */
class DepthOptionTest {

    @Test
    void aDepthIsAWholeNumberFromZeroAndOneByDefault() {
        assertThat(depth(Map.of())).isEqualTo(1);
        assertThat(depth(Map.of(Options.DEPTH, "0"))).isEqualTo(0);
        assertThat(depth(Map.of(Options.DEPTH, " 3 "))).isEqualTo(3);
    }

    @Test
    void aValueThatIsNotADepthIsMc001AndTheDefaultStandsIn() {
        for (String value : new String[] {"-1", "two", "", "1.5", "99999999999"}) {
            Findings findings = new Findings();
            Options options = Options.parse(Map.of(Options.DEPTH, value), findings);
            assertThat(findings.all()).hasSize(1);
            assertThat(findings.all().get(0).message()).isEqualTo("[MC001] option -Amodelcost.depth=" + value
                    + " is not valid; use one of: a whole number: 0 for no table by stage, 1 for the stages, 2 for"
                    + " their repetitions too, and so on");
            assertThat(options.depth()).isEqualTo(1);
        }
    }

    @Test
    void aBadDepthIsAnErrorOfTheBuildThatStillWritesTheReports() {
        Compilation compilation = Compiled.sources(List.of(Compiled.file(StagedNetworks.STAGED)),
                "-Amodelcost.depth=deep").compilation();
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining("[MC001] option -Amodelcost.depth=deep is not valid");
    }

    @Test
    void theOptionIsKnownToJavacInAModuleWithoutNetworks() {
        // Without the options processor's getSupportedOptions, javac warns of an unrecognized option: -Werror fails.
        Compilation compilation = javac().withProcessors(new ModelCostProcessor(), new ModelCostOptionsProcessor())
                .withOptions("-Amodelcost.depth=2", "-Xlint:all", "-Werror")
                .compile(Compiled.file("package plain;", "public class Bare {", "}"));
        assertThat(compilation).succeededWithoutWarnings();
    }

    private static int depth(Map<String, String> options) {
        Findings findings = new Findings();
        int depth = Options.parse(options, findings).depth();
        assertThat(findings.all()).isEmpty();
        return depth;
    }
}
