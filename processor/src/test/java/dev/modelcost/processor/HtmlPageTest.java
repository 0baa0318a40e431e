package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.PageBrowser;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The HTML page's markup as the processor writes it, before any script runs: what a reader sees with JavaScript
 * off, and what the page's script and the browser tests build on.
 */
class HtmlPageTest {
    /**
     * A stem and a stage of two repetitions of a 1x1 convolution and a ReLU, 5 layers. Each convolution 4 -> 4 on
     * 8x8 costs 4 * 4 * 64 = 1,024 MACs: 3,072 in all, 2,048 (66.7%) in the stage, 1,024 (33.3%) in a repetition.
     */
    private static final String[] STAGED = {
        "package p;",
        "import dev.modelcost.*;",
        "@Network(input = @Shape(channels = 4, size = {8, 8}), name = \"A & B <net>\")",
        "public class Staged {",
        "    @Conv(out = 4, kernel = 1) Layer stem;",
        "    @Stage(block = Pair.class, repeat = 2) Layer body;",
        "    @Block static class Pair {",
        "        @Conv(out = 4, kernel = 1) Layer conv;",
        "        @Activation(ActivationFunction.RELU) Layer relu;",
        "    }",
        "}",
    };

    private static String page() {
        Compilation compilation = Compiled.source(STAGED).compilation();
        assertThat(compilation).succeeded();
        try {
            return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/modelcost/p.Staged.html")
                    .orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theHeadingAndTotalsAreMarkupWithTheNetworksNameAsText() {
        String html = page();
        assertThat(html).contains("<title>A &amp; B &lt;net&gt; &#8212; modelcost</title>");
        assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        assertThat(html).contains("<h1 id=\"title\">A &amp; B &lt;net&gt;</h1>");
        assertThat(html).contains("<code>p.Staged</code>: input 4x8x8, output 4x8x8, 5 layers, FP32. Per sample");
        // Exact, then scaled (3,072 / 1,000 to three digits), with what MACs count.
        assertThat(html).containsMatch("<tr><th scope=\"row\">MACs<span class=\"counts\">multiply-accumulates [^<]+"
                + "</span></th><td>3,072</td><td>3.07 kMACs</td></tr>");
        assertThat(html).contains("<table class=\"totals\" id=\"training\">");
        // No @Generation: no generation table; no device: no latency, in the totals or the table.
        assertThat(html).doesNotContain("id=\"generation\"");
        assertThat(html).doesNotContain("data-key=\"latencyNanos\"");
    }

    @Test
    void eachGroupsRowComesBeforeItsLayersWithItsSumsAndShares() {
        String html = page();
        int stage = html.indexOf("<tr class=\"stage d0\" data-stage=\"body\" data-depth=\"1\"><td>body<td>1&#8211;4"
                + "<td>stage, 4 layers<td><td><td><td>2,048<span class=\"share\">66.7%</span>");
        int repetition = html.indexOf("<tr class=\"stage d1\" data-stage=\"body.0\" data-depth=\"2\"><td>body.0"
                + "<td>1&#8211;2<td>repetition, 2 layers<td><td><td><td>1,024<span class=\"share\">33.3%</span>");
        int layer = html.indexOf("<tr id=\"layer-1\" data-index=\"1\" class=\"d2\"><td>body.0.conv<td>1<td>CONV<td>");
        assertThat(html.indexOf("<tr id=\"layer-0\" data-index=\"0\"><td>stem<td>0<td>CONV<td>")).isLessThan(stage);
        assertThat(stage).isLessThan(repetition);
        assertThat(repetition).isLessThan(layer);
        assertThat(html.indexOf("data-stage=\"body.1\"")).isGreaterThan(html.indexOf("id=\"layer-2\""));
        assertThat(PageBrowser.count(html, "<tr id=\"layer-")).isEqualTo(5);
        assertThat(PageBrowser.count(html, " data-stage=\"")).isEqualTo(3);
        // Sorted by index at first; the script turns each heading into a button.
        assertThat(html).contains("<th scope=\"col\" data-key=\"index\" aria-sort=\"ascending\">#</th>");
    }
}
