package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for the tests of the sample's report pages, as the processor's {@code HtmlReportBrowserTest}
 * drives it (the modules share no test code): a page opened in a frame of a given width, with a test-only script
 * ({@code page-probe.js}) that uses the page as a reader would and reports what it sees; or opened with scripts
 * off, in a sandboxed frame, for its markup.
 */
final class PageBrowser {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private PageBrowser() {
    }

    /** Skips the test where chromium is missing, unless {@code MODELCOST_REQUIRE_BROWSER} is set (as in CI). */
    static void assumeBrowser() {
        if (System.getenv("MODELCOST_REQUIRE_BROWSER") == null) {
            Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
        }
    }

    /** A report page the processor wrote into the sample's classes, e.g. {@code dev.modelcost.sample.UNet}. */
    static Path page(String network) {
        URL url = PageBrowser.class.getClassLoader().getResource("META-INF/modelcost/" + network + ".html");
        assertTrue(url != null, network + ".html is not on the class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a copy of {@code page} with the probe appended, in a frame {@code width} px wide (Chromium's window is
     * never narrower than 500 px), the probe's settings {@code settings}; returns the page root's data attributes.
     */
    static Map<String, String> probe(Path page, int width, String settings, Path folder)
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
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher root = Pattern.compile("<html[^>]*>").matcher(dom);
        if (root.find()) {
            Matcher attribute = Pattern.compile("(data-[a-z-]+)=\"([^\"]*)\"").matcher(root.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1), unescape(attribute.group(2)));
            }
        }
        return attributes;
    }

    /** A page's markup and width as shown with scripts off. */
    record StaticPage(String dom, int scrollWidth, int clientWidth) {
    }

    /**
     * Opens {@code page} with scripts off, in a sandboxed frame {@code width} px wide ({@code --blink-settings=
     * scriptEnabled=false} also stops {@code --dump-dom}); the frame's parent reads the page's markup and width.
     */
    static StaticPage withoutScripts(Path page, int width, Path folder) throws IOException, InterruptedException {
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
        assertTrue(inner.find(), "the frame shows no page: " + dom.substring(0, Math.min(dom.length(), 2000)));
        return new StaticPage(unescape(inner.group(1)), Integer.parseInt(attribute(dom, "data-scroll-width")),
                Integer.parseInt(attribute(dom, "data-client-width")));
    }

    /** The root element's attribute {@code name}, or "(missing)". */
    static String attribute(String dom, String name) {
        Matcher matcher = Pattern.compile("<html[^>]* " + name + "=\"([^\"]*)\"").matcher(dom);
        return matcher.find() ? matcher.group(1) : "(missing)";
    }

    /** How often {@code fragment} occurs in {@code text}. */
    static int count(String text, String fragment) {
        int count = 0;
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            count++;
        }
        return count;
    }

    private static String dumpDom(Path page, Path launch, String... flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + launch.resolve("profile"),
                "--virtual-time-budget=5000"));
        command.addAll(List.of(flags));
        command.addAll(List.of("--dump-dom", page.toUri().toString()));
        // The output goes to a file, not a pipe read here, so that a browser that hangs is stopped at the timeout.
        Path output = launch.resolve("browser.out");
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(launch.resolve("browser.log").toFile()).start();
        try {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("chromium did not finish within " + TIMEOUT.toSeconds() + " s");
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return Files.readString(output, StandardCharsets.UTF_8);
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
