package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.modelcost.Convention;
import dev.modelcost.LayerCost;
import dev.modelcost.ModelCost;
import dev.modelcost.Reports;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Memory, roofline and reports on a branching network whose figures are derived by hand:
 *
 * <pre>
 *   input 4x8x8 (256)
 *   stem  1x1 conv 4 -> 8            out 512   params 40     MACs 8*64*4  = 2,048   FLOPs 2*2,048 + 512  = 4,608
 *   a     1x1 conv from stem 8 -> 4  out 256   params 36     MACs 4*64*8  = 2,048   FLOPs 2*2,048 + 256  = 4,352
 *   b     3x3 conv from stem 8 -> 4  out 256   params 292    MACs 4*64*72 = 18,432  FLOPs 2*18,432 + 256 = 37,120
 *   cat   concat a, b                out 512   params 0                             FLOPs 0
 *   fc    dense 512 -> 10            out 10    params 5,130  MACs 5,120             FLOPs 2*5,120 + 10   = 10,250
 * </pre>
 *
 * Elements moved (inputs + output + params): stem 256+512+40 = 808, a 512+256+36 = 804, b 512+256+292 = 1,060,
 * cat 256+256+512 = 1,024, fc 512+10+5,130 = 5,652; 9,348 in all, 37,392 bytes in FP32.
 *
 * <p>Live elements, freeing a tensor after its last reader: stem 256+512 = 768 (then the input goes); a 512+256
 * = 768; b 768+256 = 1,024 (then stem goes); cat 512+512 = 1,024 (then a and b go); fc 512+10. Peak 1,024
 * elements = 4,096 bytes in FP32.
 */
class ReportsTest {
    private static final String[] BRANCHING = {
        "package r;",
        "import dev.modelcost.*;",
        "@Network(input = @Shape(channels = 4, size = {8, 8}))",
        "@Device(name = \"test device\", peakFlops = 1_000_000_000L, bandwidth = 1_000_000_000L)",
        "public class Branching {",
        "    @Conv(out = 8, kernel = 1) Layer stem;",
        "    @From(\"stem\") @Conv(out = 4, kernel = 1) Layer a;",
        "    @From(\"stem\") @Conv(out = 4, kernel = 3, padding = 1) Layer b;",
        "    @Concat({\"a\", \"b\"}) Layer cat;",
        "    @Dense(out = 10) Layer fc;",
        "}"};

    @Test
    void memoryFiguresOfABranchingNetwork() {
        Compiled compiled = Compiled.source(BRANCHING);
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.constant("r.BranchingCost", "PARAM_BYTES")).isEqualTo(5_498L * 4); // 40+36+292+5,130
        assertThat(compiled.constant("r.BranchingCost", "PEAK_ACTIVATION_BYTES")).isEqualTo(4_096L);
        assertThat(compiled.constant("r.BranchingCost", "MEMORY_BYTES")).isEqualTo(21_992L + 4_096L);
        assertThat(compiled.constant("r.BranchingCost", "BYTES_MOVED")).isEqualTo(37_392L);
        // 512 + 256 + 256 + 512 + 10 = 1,546 elements output
        assertThat(compiled.constant("r.BranchingCost", "ACTIVATION_BYTES")).isEqualTo(1_546L * 4);
        ModelCost model = compiled.model("r.BranchingCost");
        assertThat(model.layer("b").bytesMoved()).isEqualTo(1_060L * 4);
        assertThat(model.layer("cat").outputShape()).isEqualTo(new int[] {8, 8, 8});
    }

    @Test
    void rooflineBoundsEachLayerByItsComputeOrItsTraffic() {
        // 1 GFLOP/s and 1 GB/s: a layer takes max(FLOPs, bytes moved) nanoseconds.
        // stem max(4,608, 3,232) = 4,608 compute; a max(4,352, 3,216) = 4,352 compute;
        // b max(37,120, 4,240) = 37,120 compute; cat max(0, 4,096) = 4,096 memory; fc max(10,250, 22,608) = 22,608
        // memory. Total 72,784 ns.
        Compiled compiled = Compiled.source(BRANCHING);
        assertThat(compiled.constant("r.BranchingCost", "LATENCY_NANOS")).isEqualTo(72_784L);
        ModelCost model = compiled.model("r.BranchingCost");
        assertThat(model.layers().stream().mapToLong(LayerCost::latencyNanos).toArray())
                .isEqualTo(new long[] {4_608, 4_352, 37_120, 4_096, 22_608});
        assertThat(compiled.staticField("r.BranchingCost", "DEVICE")).isEqualTo("test device");
        Map<String, Object> json = json(compiled.compilation(), "r.Branching");
        List<String> bounds = layers(json).stream().map(l -> (String) l.get("bound")).toList();
        assertThat(bounds).containsExactly("compute", "compute", "compute", "memory", "memory").inOrder();
    }

    @Test
    void latencyRoundsUpToANanosecondAndFollowsThePrecision() {
        // FP16 halves every byte: cat moves 1,024 elements * 2 = 2,048 bytes; at 3 GB/s that is 682.67 ns -> 683.
        String[] source = BRANCHING.clone();
        source[3] = "@Device(name = \"d\", peakFlops = 3_000_000_000L, bandwidth = 3_000_000_000L,"
                + " precision = Precision.FP16)";
        Compiled compiled = Compiled.source(source);
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.model("r.BranchingCost").layer("cat").latencyNanos()).isEqualTo(683L);
        assertThat(compiled.constant("r.BranchingCost", "PEAK_ACTIVATION_BYTES")).isEqualTo(2_048L);
        assertThat(compiled.staticField("r.BranchingCost", "PRECISION")).isEqualTo("FP16");
    }

    @Test
    void presetsAndOptionsGiveTheDevice() {
        // T4 at FP16: 65 TFLOP/s and 320 GB/s. fc moves 5,652 * 2 = 11,304 bytes: 35.325 ns -> 36 ns.
        String[] source = BRANCHING.clone();
        source[3] = "";
        Compiled compiled = Compiled.sources(List.of(Compiled.file(source)), "-Amodelcost.device=t4",
                "-Amodelcost.precision=fp16");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.staticField("r.BranchingCost", "DEVICE")).isEqualTo("NVIDIA T4");
        assertThat(compiled.model("r.BranchingCost").layer("fc").latencyNanos()).isEqualTo(36L);
    }

    @Test
    void withoutADeviceThereIsNoLatency() {
        String[] source = BRANCHING.clone();
        source[3] = "";
        Compiled compiled = Compiled.source(source);
        assertThat(compiled.model("r.BranchingCost").latencyNanos()).isEqualTo(-1L);
        Map<String, Object> json = json(compiled.compilation(), "r.Branching");
        assertThat(json.get("device")).isNull();
        assertThat(((Map<?, ?>) json.get("totals")).get("latencyNanos")).isNull();
    }

    @Test
    void theJsonReportMatchesItsSchemaAndTheConstants() {
        Compiled compiled = Compiled.source(BRANCHING);
        String text = file(compiled.compilation(), "r.Branching.json").orElseThrow();
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("dev/modelcost/processor/writing/report-schema.json"));
        List<Error> errors = schema.validate(text, InputFormat.JSON);
        assertThat(errors).isEmpty();

        Map<String, Object> json = json(compiled.compilation(), "r.Branching");
        Map<?, ?> totals = (Map<?, ?>) json.get("totals");
        for (String[] pair : new String[][] {{"macs", "MACS"}, {"flops", "FLOPS"}, {"params", "PARAMS"},
                {"bytesMoved", "BYTES_MOVED"}, {"peakActivationBytes", "PEAK_ACTIVATION_BYTES"},
                {"latencyNanos", "LATENCY_NANOS"}}) {
            assertThat(((Number) totals.get(pair[0])).longValue())
                    .isEqualTo(compiled.constant("r.BranchingCost", pair[1]));
        }
        Map<String, Object> cat = layers(json).get(3);
        assertThat(cat.get("inputs")).isEqualTo(List.of("a", "b"));
        assertThat(layers(json).get(0).get("inputs")).isEqualTo(List.of("<input>"));
        // b: 37,120 FLOPs over 4,240 bytes
        assertThat(layers(json).get(2).get("intensity")).isEqualTo(new BigDecimal("8.755"));
    }

    @Test
    void schemaRejectsAReportMissingAField() {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("dev/modelcost/processor/writing/report-schema.json"));
        String text = file(Compiled.source(BRANCHING).compilation(), "r.Branching.json").orElseThrow()
                .replace("\"macs\": 27648,", "");
        assertThat(schema.validate(text, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void markdownAndHtmlReportsAreWrittenBesideTheJson() {
        Compilation compilation = Compiled.source(BRANCHING).compilation();
        String markdown = file(compilation, "r.Branching.md").orElseThrow();
        assertThat(markdown).contains("| MACs | 27,648 |"); // 2,048 + 2,048 + 18,432 + 5,120
        assertThat(markdown).contains("| MACs | 27,648 | 27.6 kMACs |");
        // Every layer, narrow: b's output, MACs and parameters; 37,120 FLOPs at 1 GFLOP/s take 37,120 ns, longer
        // than its 4,240 bytes at 1 GB/s: compute-bound. Settings and input shapes are the JSON's and the page's.
        assertThat(markdown).contains("\n| 2 | b | CONV | 4x8x8 | 18,432 | 292 | 37,120 | compute |\n");
        String html = file(compilation, "r.Branching.html").orElseThrow();
        assertThat(html).contains("\"network\": \"Branching\"");
        assertThat(html).doesNotContain("/*MODELCOST_DATA*/");
        assertThat(html).doesNotContain("src=\"http");
    }

    @Test
    void theReportsStateTheConventionsInTheWordsOfTheOneSource() {
        Compilation compilation = Compiled.source(BRANCHING).compilation();
        Map<String, String> stated = new LinkedHashMap<>();
        for (Convention convention : Convention.values()) {
            stated.put(convention.key(), convention.text());
        }
        assertThat((Map<?, ?>) json(compilation, "r.Branching").get(Reports.CONVENTIONS))
                .containsExactlyEntriesIn(stated).inOrder();
        String markdown = file(compilation, "r.Branching.md").orElseThrow();
        for (Convention convention : List.of(Convention.MACS, Convention.FLOPS, Convention.PARAMS,
                Convention.ACTIVATIONS, Convention.PEAK_ACTIVATION_BYTES, Convention.BYTES_MOVED,
                Convention.LATENCY_NANOS)) {
            assertThat(markdown).containsMatch("\\n\\| " + Pattern.quote(convention.label()) + " \\| [0-9,]+ \\| "
                    + "[0-9.]+ [^|]* \\| " + Pattern.quote(convention.summary()) + " \\|\\n");
        }
    }

    @Test
    void reportsOptionChoosesTheFormats() {
        Compilation onlyJson = Compiled.sources(List.of(Compiled.file(BRANCHING)), "-Amodelcost.reports=json")
                .compilation();
        assertThat(file(onlyJson, "r.Branching.json")).isPresent();
        assertThat(file(onlyJson, "r.Branching.md")).isEmpty();
        assertThat(file(onlyJson, "r.Branching.html")).isEmpty();
        Compilation none = Compiled.sources(List.of(Compiled.file(BRANCHING)), "-Amodelcost.reports=none")
                .compilation();
        assertThat(file(none, "r.Branching.json")).isEmpty();
        Compilation bad = Compiled.sources(List.of(Compiled.file(BRANCHING)), "-Amodelcost.reports=pdf")
                .compilation();
        assertThat(bad).hadErrorContaining("[MC001] option -Amodelcost.reports=pdf is not valid");
    }

    @Test
    void verboseOptionPrintsASummaryAsANote() {
        Compilation compilation = Compiled.sources(List.of(Compiled.file(BRANCHING)), "-Amodelcost.verbose=true")
                .compilation();
        assertThat(compilation).succeeded();
        // Plain text: the MACs (2,048 + 2,048 + 18,432 + 5,120) exact and scaled, no Markdown table.
        assertThat(compilation).hadNoteContaining("MACs");
        assertThat(compilation).hadNoteContaining("27,648");
        assertThat(compilation).hadNoteContaining("27.6 kMACs");
    }

    private static Optional<String> file(Compilation compilation, String name) {
        Optional<JavaFileObject> file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/modelcost/" + name);
        return file.map(f -> {
            try {
                return f.getCharContent(true).toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Compilation compilation, String network) {
        return JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build()
                .readValue(file(compilation, network + ".json").orElseThrow(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> layers(Map<String, Object> json) {
        return (List<Map<String, Object>>) json.get("layers");
    }

    private static String resource(String name) {
        try (InputStream in = ReportsTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
