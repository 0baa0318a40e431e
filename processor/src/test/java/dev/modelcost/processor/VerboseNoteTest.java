package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.StagedNetworks;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The note of {@code -Amodelcost.verbose=true}: plain text in aligned columns, the totals exact and scaled and the
 * table by stage at the chosen depth; figures as derived in {@link StagedNetworks#STAGED}.
 */
class VerboseNoteTest {

    @Test
    void theNoteIsPlainTextWithTheTotalsAndTheStages() {
        String note = note(Compiled.sources(List.of(Compiled.file(StagedNetworks.STAGED)),
                "-Amodelcost.verbose=true").compilation());
        assertThat(note).startsWith("Staged (st.Staged): input 4x8x8, output 10, 6 layers, FP32 on test device."
                + " Per sample (batch 1).\n");
        // No Markdown, no HTML entity, nothing but ASCII (javac may print it in ASCII).
        assertThat(note).doesNotContain("|");
        assertThat(note).doesNotContain("&");
        assertThat(note).doesNotContain("<");
        assertThat(note.chars().allMatch(c -> c < 128)).isTrue();
        // The totals, exact and scaled: 15,360 MACs, 5,314 parameters, 52,816 ns.
        assertThat(note).containsMatch("\n +MACs +15,360 +15\\.4 kMACs\n");
        assertThat(note).containsMatch("\n +parameters +5,314 +5\\.31 k\n");
        assertThat(note).containsMatch("\n +latency \\(ns\\) +52,816 +52\\.8 us\n");
        // The stages at depth 1, each share as in the Markdown report.
        assertThat(note).containsMatch("\n *By stage, 1 level deep \\(-Amodelcost.depth\\)");
        assertThat(note).containsMatch("\n +\\(network\\) stem +1 +2\\.05 kMACs +13\\.3% +40 +0\\.8% +13\\.8% +7\\.6%"
                + " +4\\.61 us +8\\.7%\n");
        assertThat(note).containsMatch("\n +body +4 +8\\.19 kMACs +53\\.3% +144 +2\\.7% +55\\.4% +39\\.6% +25\\.6 us"
                + " +48\\.5%\n");
        assertThat(note).doesNotContain("body.0");
        // No layer list: fc appears as the stage table's row, once.
        assertThat(note.split("fc", -1)).hasLength(2);
        assertThat(note).endsWith("Reports: META-INF/modelcost/st.Staged.json, .md, .html");
    }

    @Test
    void theColumnsOfEachTableAreAligned() {
        String note = note(Compiled.sources(List.of(Compiled.file(StagedNetworks.STAGED)),
                "-Amodelcost.verbose=true", "-Amodelcost.depth=2").compilation());
        List<String> lines = Arrays.asList(note.split("\n"));
        // javac indents a note's lines after the first; the note indents its tables under their headings.
        int header = lines.indexOf(lines.stream().filter(l -> l.trim().startsWith("stage ")).findFirst()
                .orElseThrow());
        // The header, stem, body, body.0, body.1, fc: the last column (latency %) is right-aligned, so every line
        // of the table ends where the header does.
        List<String> table = lines.subList(header, header + 6);
        for (String line : table) {
            assertThat(line.length()).isEqualTo(table.get(0).length());
        }
        // A repetition is indented two spaces under its stage.
        assertThat(table.get(3).indexOf("body.0 ")).isEqualTo(table.get(2).indexOf("body ") + 2);
        // And the totals' value column ends in the same place on each line.
        List<String> totals = lines.subList(1, lines.indexOf(lines.stream()
                .filter(l -> l.trim().startsWith("By stage")).findFirst().orElseThrow()));
        int end = totals.get(0).indexOf("value") + "value".length();
        for (String line : totals.subList(1, totals.size())) {
            assertThat(line.charAt(end - 1)).isIn(List.of('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'));
            assertThat(line.charAt(end)).isEqualTo(' ');
        }
    }

    @Test
    void depthZeroLeavesTheStagesOutAndNoReportsLeavesTheirLineOut() {
        String note = note(Compiled.sources(List.of(Compiled.file(StagedNetworks.STAGED)),
                "-Amodelcost.verbose=true", "-Amodelcost.depth=0", "-Amodelcost.reports=none").compilation());
        assertThat(note).doesNotContain("By stage");
        assertThat(note).doesNotContain("Reports:");
        assertThat(note).containsMatch("\n +MACs +15,360 +15\\.4 kMACs\n");
    }

    @Test
    void aLongTableByStageIsCutInTheNote() {
        // 300 repetitions at depth 2: 303 rows, of which the note shows 50.
        String note = note(Compiled.sources(List.of(Compiled.file(StagedNetworks.DEEP)),
                "-Amodelcost.verbose=true", "-Amodelcost.depth=2").compilation());
        assertThat(note).containsMatch("\n +253 more rows in the reports; a smaller -Amodelcost.depth shows fewer\n");
        assertThat(note).contains(" body.47 ");
        assertThat(note).doesNotContain(" body.48 ");
    }

    @Test
    void withoutTheOptionThereIsNoNote() {
        Compilation compilation = Compiled.source(StagedNetworks.STAGED).compilation();
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.notes()).isEmpty();
    }

    private static String note(Compilation compilation) {
        assertThat(compilation).succeeded();
        List<Diagnostic<? extends javax.tools.JavaFileObject>> notes = compilation.notes();
        assertThat(notes).hasSize(1);
        return notes.get(0).getMessage(Locale.ROOT);
    }
}
