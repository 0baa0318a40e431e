package dev.modelcost.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium}) for the tests of the HTML reports, the processor's and the
 * sample's (which has it from the processor's test jar): a page opened in a frame of a given width with a
 * test-only script ({@code page-probe.js}) that uses the page as a reader would and reports what it sees; or
 * opened with scripts off, in a sandboxed frame, for its markup. Chromium's window is never narrower than 500 px,
 * hence the frames.
 */
public final class PageBrowser {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private PageBrowser() {
    }

    /** Skips the test where chromium is missing, unless {@code MODELCOST_REQUIRE_BROWSER} is set (as in CI). */
    public static void assumeBrowser() {
        if (System.getenv("MODELCOST_REQUIRE_BROWSER") == null) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        }
    }

    /** A page's markup and width as shown with scripts off. */
    public record StaticPage(String dom, int scrollWidth, int clientWidth) {
    }

    /**
     * Opens a copy of {@code page} with {@code page-probe.js} appended, in a frame {@code width} px wide, with
     * {@code settings} (a script's object literal) as the probe's settings; returns the root's data attributes.
     */
    public static Map<String, String> probe(Path page, int width, String settings, Path folder)
            throws IOException, InterruptedException {
        Path launch = Files.createTempDirectory(folder, "probe");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        int end = html.lastIndexOf("</body>");
        Files.writeString(launch.resolve("page.html"), html.substring(0, end) + "<script>window.PROBE = " + settings
                + ";\n" + resource("page-probe.js") + "</script>\n" + html.substring(end), StandardCharsets.UTF_8);
        Path frame = Files.writeString(launch.resolve("frame.html"), "<!DOCTYPE html><html><head><style>"
                + "body { margin: 0 } iframe { border: 0; display: block }</style></head><body>"
                + "<iframe src=\"page.html\" width=\"" + width + "\" height=\"900\"></iframe><script>"
                + "addEventListener('message', function (e) { for (var k in e.data) {"
                + " document.documentElement.setAttribute(k, e.data[k]); } });</script></body></html>");
        String dom = dumpDom(frame, launch, "--window-size=" + Math.max(width, 500) + ",900");
        Matcher root = Pattern.compile("<html[^>]*>").matcher(dom);
        Map<String, String> attributes = new LinkedHashMap<>();
        if (root.find()) {
            Matcher attribute = Pattern.compile("(data-[a-z-]+)=\"([^\"]*)\"").matcher(root.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1), unescape(attribute.group(2)));
            }
        }
        return attributes;
    }

    /** The probed page ran to the end without an error and is no wider than the frame it is shown in. */
    public static void assertPageFits(Map<String, String> seen, int width) {
        Map<String, String> brief = new LinkedHashMap<>(seen);
        brief.keySet().removeAll(List.of("data-probe-search", "data-probe-sorted"));
        assertEquals("1", seen.get("data-probe-done"), () -> "the probe did not finish: " + brief);
        assertEquals("ready", seen.get("data-status"), brief::toString);
        assertEquals("0", seen.get("data-errors"), brief::toString);
        assertEquals(String.valueOf(width), seen.get("data-probe-inner-width"));
        int scrollWidth = Integer.parseInt(seen.get("data-probe-scroll-width"));
        assertTrue(scrollWidth <= Integer.parseInt(seen.get("data-probe-client-width")),
                () -> "the page is " + scrollWidth + " px wide at " + width + " px");
    }

    /**
     * Opens {@code page} with scripts off, in a sandboxed frame {@code width} px wide (Chromium's
     * {@code --blink-settings=scriptEnabled=false} also stops {@code --dump-dom}, which prints nothing then); the
     * frame's parent reads the page's markup and width.
     */
    public static StaticPage withoutScripts(Path page, int width, Path folder)
            throws IOException, InterruptedException {
        Path launch = Files.createTempDirectory(folder, "static");
        Files.copy(page, launch.resolve("page.html"));
        Path frame = Files.writeString(launch.resolve("frame.html"), "<!DOCTYPE html><html><head><style>"
                + "body { margin: 0 } iframe { border: 0; display: block }</style></head><body>"
                + "<iframe id=\"page\" sandbox=\"allow-same-origin\" src=\"page.html\" width=\"" + width
                + "\" height=\"900\"></iframe><pre id=\"dom\"></pre><script>"
                + "document.getElementById('page').addEventListener('load', function () {"
                + " var root = this.contentDocument.documentElement;"
                + " document.documentElement.setAttribute('data-scroll-width', root.scrollWidth);"
                + " document.documentElement.setAttribute('data-client-width', root.clientWidth);"
                + " document.getElementById('dom').textContent = root.outerHTML; });</script></body></html>");
        String dom = dumpDom(frame, launch, "--window-size=" + Math.max(width, 500) + ",900",
                "--allow-file-access-from-files");
        Matcher inner = Pattern.compile("<pre id=\"dom\">(.*)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(inner.find(), () -> "the frame shows no page: " + dom.substring(0, Math.min(dom.length(), 2000)));
        return new StaticPage(unescape(inner.group(1)), Integer.parseInt(attribute(dom, "data-scroll-width")),
                Integer.parseInt(attribute(dom, "data-client-width")));
    }

    /** The page's DOM once its scripts have run, as Chromium prints it, with {@code flags} added. */
    public static String dumpDom(Path page, Path folder, String... flags) throws IOException, InterruptedException {
        Path launch = Files.createTempDirectory(folder, "launch");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + launch.resolve("profile"),
                "--virtual-time-budget=5000"));
        command.addAll(Arrays.asList(flags));
        command.addAll(List.of("--dump-dom", page.toUri().toString()));
        return run(command, launch, TIMEOUT);
    }

    /**
     * Runs {@code command} and returns what it printed. Its output goes to a file, not a pipe read here, so that
     * a browser that hangs is stopped at the timeout (with every process it started) instead of waited on.
     */
    public static String run(List<String> command, Path folder, Duration timeout)
            throws IOException, InterruptedException {
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

    /** The root element's attribute {@code name}, or "(missing)". */
    public static String attribute(String dom, String name) {
        Matcher matcher = Pattern.compile("<html[^>]* " + name + "=\"([^\"]*)\"").matcher(dom);
        return matcher.find() ? matcher.group(1) : "(missing)";
    }

    /** How often {@code fragment} occurs in {@code text}. */
    public static int count(String text, String fragment) {
        int count = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            count++;
        }
        return count;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", "\u00a0")
                .replace("&amp;", "&");
    }

    private static String resource(String name) {
        try (InputStream in = PageBrowser.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
