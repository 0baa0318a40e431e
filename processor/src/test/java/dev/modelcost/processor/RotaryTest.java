package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import org.junit.jupiter.api.Test;

/** {@code @Rotary}: 3 operations per rotated element ({@code x * cos + rotate_half(x) * sin}), no parameters. */
class RotaryTest {

    @Test
    void everyHeadIsRotatedAtEveryPosition() {
        ModelCost model = LayerKindsTest.network("@Shape(channels = 2048, size = 128)",
                // Llama 3.2 1B's queries, 32 heads of 64, at 128 tokens: 3 * 128 * 32 * 64 = 786,432.
                "@Rotary(headSize = 64) Layer queries;",
                // Half of each head rotated (a partial rotary, as GPT-NeoX's rotary_pct): 3 * 128 * 32 * 32 = 393,216.
                "@Rotary(headSize = 64, dims = 32) Layer partial;");
        LayerCost queries = model.layer("queries");
        assertThat(queries.kind()).isEqualTo(LayerKind.ROTARY);
        assertThat(queries.outputShape()).isEqualTo(new int[] {2048, 128});
        assertThat(queries.flops()).isEqualTo(786_432L);
        assertThat(queries.macs()).isEqualTo(0L);
        assertThat(queries.params()).isEqualTo(0L);
        assertThat(queries.settings()).isEqualTo("hs=64 rope=64");
        assertThat(model.layer("partial").flops()).isEqualTo(393_216L);
        assertThat(model.layer("partial").settings()).isEqualTo("hs=64 rope=32");
    }
}
