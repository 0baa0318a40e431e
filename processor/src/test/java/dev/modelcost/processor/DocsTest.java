package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.modelcost.processor.LayerKindsTest.network;

import dev.modelcost.LayerCost;
import dev.modelcost.ModelCost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/FORMULAS.md holds what the sources say it does: every citation of it names a section it has, every test
 * it names exists, and the examples it derives that no other test compiles give its numbers.
 */
class DocsTest {
    /** The project's root: Maven runs the tests in the processor's folder. */
    private static final Path ROOT = Path.of("..");
    private static final Path FORMULAS = ROOT.resolve("docs/FORMULAS.md");
    /** A citation: {@code docs/FORMULAS.md#section}, the folder and the section being what is checked. */
    private static final Pattern CITATION = Pattern.compile("(\\S*)FORMULAS\\.md(#[A-Za-z0-9_-]+)?");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    private static final Pattern SECTION_LINK = Pattern.compile("]\\(#([^)]+)\\)");
    /** A test named in the text: {@code `WorkedExamplesTest.convolution3to64On224`} or {@code `GroupedDecoderTest`}. */
    private static final Pattern NAMED_TEST = Pattern.compile("`([A-Z][A-Za-z0-9]*Test)(?:\\.([a-z][A-Za-z0-9]*))?`");

    @Test
    void everyCitationOfTheFormulasNamesOneOfItsSections() throws IOException {
        Set<String> sections = sections();
        List<String> wrong = new ArrayList<>();
        for (Path file : sources()) {
            if (file.endsWith(DocsTest.class.getSimpleName() + ".java")) {
                continue; // names the file, not a section of it
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher citation = CITATION.matcher(lines.get(i));
                while (citation.find()) {
                    String where = ROOT.relativize(file) + ":" + (i + 1) + ": " + citation.group();
                    String anchor = citation.group(2);
                    if (!citation.group(1).endsWith("docs/")) {
                        wrong.add(where + " (not docs/FORMULAS.md)");
                    } else if (anchor == null && file.toString().endsWith(".java")) {
                        wrong.add(where + " (no section)");
                    } else if (anchor != null && !sections.contains(anchor.substring(1))) {
                        wrong.add(where + " (no such section)");
                    }
                }
            }
        }
        assertWithMessage("citations of docs/FORMULAS.md").that(wrong).isEmpty();
    }

    @Test
    void everyLinkWithinTheFormulasNamesOneOfItsSections() throws IOException {
        Matcher link = SECTION_LINK.matcher(Files.readString(FORMULAS));
        List<String> links = new ArrayList<>();
        while (link.find()) {
            links.add(link.group(1));
        }
        assertThat(links).isNotEmpty();
        assertThat(sections()).containsAtLeastElementsIn(Set.copyOf(links));
    }

    @Test
    void everyTestTheFormulasNameExists() throws IOException {
        Matcher named = NAMED_TEST.matcher(Files.readString(FORMULAS));
        List<Path> sources = sources();
        List<String> missing = new ArrayList<>();
        int count = 0;
        while (named.find()) {
            count++;
            String type = named.group(1);
            String method = named.group(2);
            List<Path> files = sources.stream().filter(f -> f.getFileName().toString().equals(type + ".java"))
                    .toList();
            boolean found = !files.isEmpty() && (method == null || files.stream()
                    .anyMatch(f -> read(f).contains("void " + method + "(")));
            if (!found) {
                missing.add(named.group());
            }
        }
        assertThat(count).isAtLeast(30);
        assertWithMessage("tests named in docs/FORMULAS.md").that(missing).isEmpty();
    }

    @Test
    void theAdjointConvolutionOfExampleFourHasItsMultiplyAccumulates() {
        // Example 4's transposed convolution maps 512x4x4 to 256x8x8; its adjoint maps 256x8x8 to 512x4x4:
        // O = floor((8 + 2 - 3 - 1) / 2) + 1 = 4; 512 * 16 * 256 * 16 = 33,554,432 MACs, as the transposed one's.
        ModelCost model = network("@Shape(channels = 256, size = {8, 8})",
                "@Conv(out = 512, kernel = 4, stride = 2, padding = 1) Layer down;");
        LayerCost down = model.layer("down");
        assertThat(down.outputShape()).isEqualTo(new int[] {512, 4, 4});
        assertThat(down.macs()).isEqualTo(33_554_432L);
        // The same 2,097,152 weights; bias additions over its own output: 512 * 16 = 8,192.
        assertThat(down.params()).isEqualTo(2_097_152L + 512);
        assertThat(down.biasAdds()).isEqualTo(8_192L);
    }

    @Test
    void denseIsTheConvolutionWhoseKernelCoversTheInput() {
        // Kernel 32 on 32x32: O = floor((32 - 31 - 1) / 1) + 1 = 1; 10 * 1 * 3 * 1,024 = 30,720 = 3,072 * 10.
        ModelCost model = network("@Shape(channels = 3, size = {32, 32})",
                "@Conv(out = 10, kernel = 32) Layer conv;",
                "@From(From.INPUT) @Dense(out = 10) Layer fc;");
        for (String name : List.of("conv", "fc")) {
            LayerCost layer = model.layer(name);
            assertThat(layer.macs()).isEqualTo(30_720L);
            assertThat(layer.params()).isEqualTo(30_730L);
            assertThat(layer.flops()).isEqualTo(61_450L); // 2 * 30,720 + 10
        }
        assertThat(model.layer("conv").outputShape()).isEqualTo(new int[] {10, 1, 1});
    }

    /** The anchors of the headings, as GitHub makes them: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> sections() throws IOException {
        Matcher heading = HEADING.matcher(Files.readString(FORMULAS));
        List<String> anchors = new ArrayList<>();
        while (heading.find()) {
            anchors.add(heading.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "")
                    .replace(' ', '-'));
        }
        return Set.copyOf(anchors);
    }

    /** The project's Java and Markdown files, outside build output. */
    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".md"))
                    .filter(f -> Stream.of(ROOT.relativize(f).toString().split("[/\\\\]"))
                            .noneMatch(part -> part.equals("target") || part.startsWith(".")))
                    .collect(Collectors.toList());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
