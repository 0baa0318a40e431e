package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.StagedNetworks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sums of {@code analysis.StageTotals} over a stage and its repetitions, as the JSON report's {@code stages}
 * gives them, against the figures derived by hand in {@link StagedNetworks#STAGED}.
 */
class StageTotalsTest {

    @Test
    void aStageAndEachRepetitionSumTheirLayers() {
        List<Map<String, Object>> stages = stages(Compiled.source(StagedNetworks.STAGED).compilation(), "st.Staged");
        // Pre-order: the stage, then its repetitions; the stem and the head belong to none.
        assertThat(stages.stream().map(s -> s.get("name")).collect(Collectors.toList()))
                .containsExactly("body", "body.0", "body.1").inOrder();
        Map<String, Object> body = stages.get(0);
        assertThat(longs(body, "depth", "first", "last", "layers")).containsExactly(1L, 1L, 4L, 4L).inOrder();
        assertThat(longs(body, "macs", "flops", "params", "activations", "activationBytes", "bytesMoved",
                "latencyNanos", "backwardMacs", "backwardFlops"))
                .containsExactly(8_192L, 18_432L, 144L, 2_048L, 8_192L, 16_960L, 25_600L, 16_384L, 35_840L).inOrder();
        Map<String, Object> first = stages.get(1);
        assertThat(longs(first, "depth", "first", "last", "layers")).containsExactly(2L, 1L, 2L, 2L).inOrder();
        assertThat(longs(first, "macs", "flops", "params", "activations", "activationBytes", "bytesMoved",
                "latencyNanos", "backwardMacs", "backwardFlops"))
                .containsExactly(4_096L, 9_216L, 72L, 1_024L, 4_096L, 8_480L, 12_800L, 8_192L, 17_920L).inOrder();
        // The second repetition is the first again, two layers on.
        assertThat(longs(stages.get(2), "first", "last", "macs", "params", "bytesMoved"))
                .containsExactly(3L, 4L, 4_096L, 72L, 8_480L).inOrder();
    }

    @Test
    void aBlockInsideABlockIsAGroupOfTheNextDepth() {
        List<Map<String, Object>> stages = stages(Compiled.source(StagedNetworks.NESTED).compilation(), "st.Nested");
        assertThat(stages.stream().map(s -> s.get("name") + "@" + s.get("depth")).collect(Collectors.toList()))
                .containsExactly("body@1", "body.0@2", "body.0.inner@3", "body.0.inner.0@4", "body.0.inner.1@4",
                        "body.1@2", "body.1.inner@3", "body.1.inner.0@4", "body.1.inner.1@4").inOrder();
        // body.0: pre, the inner stage's two convolutions, post (layers 1 to 4): 4 x 4,096 MACs, 4 x 72 params.
        assertThat(longs(stages.get(1), "first", "last", "layers", "macs", "params"))
                .containsExactly(1L, 4L, 4L, 16_384L, 288L).inOrder();
        assertThat(longs(stages.get(2), "first", "last", "layers", "macs")).containsExactly(2L, 3L, 2L, 8_192L)
                .inOrder();
        assertThat(longs(stages.get(0), "layers", "macs")).containsExactly(8L, 32_768L).inOrder();
    }

    private static List<Long> longs(Map<String, Object> stage, String... keys) {
        return Arrays.stream(keys).map(k -> ((Number) stage.get(k)).longValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> stages(Compilation compilation, String network) {
        try {
            String json = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                    "META-INF/modelcost/" + network + ".json").orElseThrow().getCharContent(true).toString();
            return (List<Map<String, Object>>) JsonMapper.builder().build().readValue(json, Map.class).get("stages");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
