package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in headless Chromium: its script runs to the end without an error or a console error,
 * and it draws one bar per layer and one roofline point per layer that computes. The page records both in
 * attributes of its root element, which Chromium's {@code --dump-dom} prints once the scripts have run.
 *
 * <p>Needs Debian's {@code chromium}, which {@code .ci/run} installs; where it is missing the test is skipped,
 * unless {@code MODELCOST_REQUIRE_BROWSER} is set (as CI sets it), in which case it fails.
 */
class HtmlReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration BROWSER_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path folder;

    @Test
    void pageRendersItsChartAndRooflineWithoutErrors() throws Exception {
        if (System.getenv("MODELCOST_REQUIRE_BROWSER") == null) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        }
        Compilation compilation = Compiled.source(
                "package h;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}), name = \"</script><b>x</b>\")",
                "@Device(preset = DevicePreset.T4)",
                "public class Page {",
                "    @Conv(out = 16, kernel = 3, padding = 1) Layer conv1;",
                "    @Activation(ActivationFunction.RELU) Layer relu;",
                "    @MaxPool(kernel = 2) Layer pool;",
                "    @From(\"pool\") @Conv(out = 16, kernel = 1) Layer side;",
                "    @Add({\"pool\", \"side\"}) Layer sum;",
                "    @Dense(out = 10) Layer fc;",
                "}").compilation();
        assertThat(compilation).succeeded();
        Path page = folder.resolve("page.html");
        Files.writeString(page, compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/modelcost/h.Page.html").orElseThrow().getCharContent(true), StandardCharsets.UTF_8);

        String dom = dumpDom(page);

        assertThat(attribute(dom, "data-status")).isEqualTo("ready");
        assertThat(attribute(dom, "data-errors")).isEqualTo("0");
        assertThat(count(dom, "<rect class=\"bar\"")).isEqualTo(6);
        // relu, pool, side, sum and fc compute; conv1 too: every layer has FLOPs here.
        assertThat(count(dom, "class=\"point ")).isEqualTo(6);
        // The sum's row shows both its inputs: pool and side, 16 channels of 16 x 16.
        assertThat(dom).contains(">16x16x16, 16x16x16<");
        // The precision once, then the device.
        assertThat(dom).contains(" FP32 on NVIDIA T4. Per sample");
        // The network's name is text, never markup, even when it looks like a closing tag.
        assertThat(dom).doesNotContain("<b>x</b>");
    }

    private String dumpDom(Path page) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + folder.resolve("profile"),
                "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString()));
        return run(command, folder, BROWSER_TIMEOUT);
    }

    /**
     * Runs {@code command} and returns what it printed. Its output goes to a file, not a pipe read here, so that
     * a browser that hangs is stopped at the timeout (with every process it started) instead of waited on.
     */
    static String run(List<String> command, Path folder, Duration timeout) throws IOException, InterruptedException {
        Path output = folder.resolve("browser.out");
        Path log = folder.resolve("browser.log");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(log.toFile())
                .start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(command.get(0) + " did not finish within " + timeout.toSeconds()
                        + " s and was stopped; its log: " + log);
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fails even if run() blocks for good
    void aBrowserThatHangsIsStoppedAtTheTimeout() throws IOException {
        Path browser = Files.writeString(folder.resolve("hanging-browser"), "#!/bin/sh\necho '<html>'\nsleep 600\n");
        assertThat(browser.toFile().setExecutable(true)).isTrue();
        AssertionError error = assertThrows(AssertionError.class,
                () -> run(List.of(browser.toString()), folder, Duration.ofSeconds(2)));
        assertThat(error).hasMessageThat().contains("hanging-browser did not finish within 2 s and was stopped");
    }

    private static String attribute(String dom, String name) {
        Matcher matcher = Pattern.compile("<html[^>]* " + name + "=\"([^\"]*)\"").matcher(dom);
        return matcher.find() ? matcher.group(1) : "(missing)";
    }

    private static int count(String text, String fragment) {
        int count = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            count++;
        }
        return count;
    }
}
