package dev.modelcost.cli.diff;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.modelcost.cli.CliRun;
import dev.modelcost.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file that is not a modelcost report of version 1, as the report before or the report after: exit 2,
 * never 1 (which CI reads as "the cost grew"), one line on stderr that names the file and the problem, nothing
 * on stdout, and promptly (the timeout is generous; the old reader took minutes or never finished on some).
 */
class BadReportTest {
    private static final String GOOD = CostDiffTest.reportText("conv1=100", "fc=20");
    private static final int DEEP = 200_000;

    @TempDir
    Path folder;

    /** Makes the bad file in a folder. */
    interface BadFile {
        Path make(Path folder) throws IOException;
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                text("no totals", GOOD.replace("\"totals\"", "\"sums\""), "a report without \"totals\""),
                text("no layers", GOOD.replace("\"layers\"", "\"rows\""), "a report without \"layers\""),
                text("arrays nested 200,000 deep", GOOD.replace("\"network\"",
                        "\"conventions\": " + "[".repeat(DEEP) + "]".repeat(DEEP) + ", \"network\""),
                        "not a modelcost report: Document nesting depth (33) exceeds the maximum allowed (32"),
                text("objects nested 200,000 deep", "{\"a\": ".repeat(DEEP) + "1" + "}".repeat(DEEP),
                        "not a modelcost report: Document nesting depth (33) exceeds"),
                text("an unclosed nesting 200,000 deep", "{\"layers\": " + "[".repeat(DEEP), "nesting depth (33) exceeds"),
                text("1e999999999 as the total", GOOD.replace("\"macs\": 120", "\"macs\": 1e999999999"),
                        "totals.macs is 1e999999999, not a whole number"),
                text("1e999999999 as a layer's figure", GOOD.replace("\"macs\": 100", "\"macs\": 1e999999999"),
                        "layers[0].macs is 1e999999999, not a whole number"),
                text("a count of 5,000 digits", GOOD.replace("\"macs\": 120", "\"macs\": " + "9".repeat(5000)),
                        "not a modelcost report: Number value length (5000) exceeds the maximum allowed (64"),
                text("a count beyond a long", GOOD.replace("\"macs\": 120", "\"macs\": 9223372036854775808"),
                        "totals.macs is 9223372036854775808, beyond the range of a count"),
                text("a negative count", GOOD.replace("\"macs\": 100", "\"macs\": -100"),
                        "layers[0].macs is -100, a negative count"),
                text("a count as a string", GOOD.replace("\"macs\": 120", "\"macs\": \"120\""),
                        "totals.macs is a string, not a number"),
                text("version 99", GOOD.replace("\"version\": 1", "\"version\": 99"),
                        "a report of version 99; this tool reads version 1 only"),
                text("version 1.0", GOOD.replace("\"version\": 1", "\"version\": 1.0"),
                        "a report of version 1.0; this tool reads version 1 only"),
                text("version as a string", GOOD.replace("\"version\": 1", "\"version\": \"1\""),
                        "a report of version \"1\"; this tool reads version 1 only"),
                text("no version", GOOD.replace("\"version\": 1, ", ""),
                        "a report of version missing; this tool reads version 1 only"),
                text("version 99 whose fields are all different", "{\"schema\": \"modelcost-report\", "
                        + "\"version\": 99, \"totals\": [], \"layers\": 7}", "a report of version 99"),
                text("another schema", GOOD.replace("\"modelcost-report\"", "\"other-report\""),
                        "not a modelcost report: its \"schema\" is \"other-report\", not \"modelcost-report\""),
                text("a schema with a line break", GOOD.replace("\"modelcost-report\"", "\"a\\nb\\u2028c\""),
                        "its \"schema\" is \"a?b?c\""),
                text("foreign JSON", "{\"name\": \"left-pad\", \"version\": \"1.3.0\"}",
                        "not a modelcost report: its \"schema\" is missing, not \"modelcost-report\""),
                text("a JSON array", "[1, 2, 3]", "not a modelcost report: the document is an array, not an object"),
                text("a JSON number", "42", "not a modelcost report: the document is a number, not an object"),
                text("no network name", GOOD.replace("\"network\": \"Net\"", "\"network\": 5"),
                        "its \"network\" is 5, not a name"),
                text("totals as an array", GOOD.replace("{\"macs\": 120, \"params\": 7, \"latencyNanos\": null}",
                        "[120]"), "\"totals\" is an array, not an object"),
                text("layers as an object", "{\"schema\": \"modelcost-report\", \"version\": 1, \"network\": \"N\","
                        + " \"totals\": {\"macs\": 1}, \"layers\": {\"conv1\": 1}}",
                        "\"layers\" is an object, not an array"),
                text("a layer that is a number", GOOD.replace("{\"index\": 0", "3, {\"index\": 0"),
                        "layers[0] is a number, not an object"),
                text("a layer without a name", GOOD.replace("\"name\": \"fc\"", "\"title\": \"fc\""),
                        "layers[1] has no \"name\" string"),
                text("two layers of one name", GOOD.replace("\"name\": \"fc\"", "\"name\": \"conv1\""),
                        "two layers are named 'conv1'"),
                text("a key twice", GOOD.replace("\"version\": 1,", "\"version\": 1, \"version\": 1,"),
                        "not valid JSON: Duplicate field 'version'"),
                text("text after the report", GOOD + " {}", "more text after the report's closing brace (line 1)"),
                text("a truncated report", GOOD.substring(0, GOOD.length() / 2),
                        "not valid JSON: Unexpected end-of-input"),
                text("an empty file", "", "an empty file, not a report"),
                text("only spaces", "   \n\t ", "holds no JSON value, so not a report"),
                text("not JSON", "macs: 120", "not valid JSON: Unrecognized token 'macs'"),
                Arguments.of("a binary file", (BadFile) folder -> Files.write(folder.resolve("bad.bin"),
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, (byte) 0xfe, 1, 2, 3}),
                        "not UTF-8 text, so not a report (a binary file?)"),
                Arguments.of("a directory", (BadFile) folder -> Files.createDirectory(folder.resolve("reports")),
                        "a directory, not a report"),
                Arguments.of("a missing file", (BadFile) folder -> folder.resolve("nothing.json"), "no such file"),
                Arguments.of("a device", (BadFile) folder -> Path.of("/dev/null"),
                        "not a regular file, so not a report"));
    }

    private static Arguments text(String name, String content, String problem) {
        return Arguments.of(name, (BadFile) folder -> Files.writeString(folder.resolve("bad.json"), content,
                StandardCharsets.UTF_8), problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    @Timeout(30)
    void aBadFileExitsWithTwoAndOneLineSayingWhy(String name, BadFile bad, String problem) throws IOException {
        Path good = Files.writeString(folder.resolve("good.json"), GOOD, StandardCharsets.UTF_8);
        Path file = bad.make(folder);
        expectBad(CliRun.of("diff", "--threshold", "5", file.toString(), good.toString()), file, problem);
        expectBad(CliRun.of("diff", "--threshold", "5", good.toString(), file.toString()), file, problem);
    }

    @Test
    @Timeout(30)
    void aTotalThatIsNullIsNotCompared() throws IOException {
        Path good = Files.writeString(folder.resolve("good.json"), GOOD, StandardCharsets.UTF_8);
        expectBad(CliRun.of("diff", "--metric", "latencyNanos", good.toString(), good.toString()), good,
                "its total 'latencyNanos' is null: the report has no such figure (a latency needs a device)");
    }

    private static void expectBad(CliRun run, Path file, String problem) {
        assertWithMessage(run.err()).that(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith(file + ": ");
        assertThat(run.errLines().get(0)).contains(problem);
        assertThat(run.out()).isEmpty();
    }
}
