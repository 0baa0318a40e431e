package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import org.junit.jupiter.api.Test;

/**
 * A Llama-3.2-1B-style decoder against the parameter count of its published configuration (1,235,814,400,
 * "1.24B" on the model card of meta-llama/Llama-3.2-1B, embeddings tied) and by hand, on L = 2048 tokens of
 * d = 2048: 32 query heads and 8 key/value heads of 64, an MLP of 8192.
 */
class Llama32OneBTest {

    @Test
    void paramsAreThePublishedConfigurationsTheTiedHeadCountedOnce() {
        // embed_tokens 128,256 * 2048 = 262,668,288
        // each layer: q_proj and o_proj 2048 * 2048 = 4,194,304 each; k_proj and v_proj 2048 * (8 * 64)
        //   = 1,048,576 each; gate, up and down projections 3 * 2048 * 8192 = 50,331,648; two RMSNorms 2 * 2048;
        //   layer 60,821,504; 16 layers 973,144,064
        // norm 2048; lm_head 0 (embed_tokens' matrix)
        // total 262,668,288 + 973,144,064 + 2,048 = 1,235,814,400
        assertEquals(1_235_814_400L, Llama32OneBCost.PARAMS);
        assertEquals(60_821_504L, Layers.params(Llama32OneBCost.MODEL, "layers.15."));
        assertEquals(2 * 4_194_304L + 2 * 1_048_576L, layer("layers.0.selfAttn").params());
        assertEquals(0L, layer("lmHead").params());
    }

    @Test
    void macsCountGroupedQueryProjectionsAndTheFullProducts() {
        // each layer at L = 2048: q_proj and o_proj 2048 * 2048 * 2048 = 8,589,934,592 each; k_proj and v_proj
        //   2048 * 2048 * 512 = 2,147,483,648 each; Q K^T and A V 32 * 2048 * 2048 * 64 = 8,589,934,592 each;
        //   attention 38,654,705,664; gated MLP 3 * 2048 * 2048 * 8192 = 103,079,215,104; layer 141,733,920,768;
        //   16 layers 2,267,742,732,288
        // lm_head 2048 * 2048 * 128,256 = 537,944,653,824
        // total 2,805,687,386,112
        assertEquals(2_805_687_386_112L, Llama32OneBCost.MACS);
        assertEquals(38_654_705_664L, layer("layers.0.selfAttn").macs());
        assertEquals(103_079_215_104L, layer("layers.0.mlp").macs());
        assertEquals(141_733_920_768L, Layers.macs(Llama32OneBCost.MODEL, "layers.7."));
    }

    @Test
    void tokenIdsBecomeLogitsPerToken() {
        assertArrayEquals(new int[] {2048, 2048}, layer("layers.15.residual2").outputShape());
        assertArrayEquals(new int[] {128_256, 2048}, Llama32OneBCost.MODEL.outputShape());
    }

    private static LayerCost layer(String name) {
        return Llama32OneBCost.MODEL.layer(name);
    }
}
