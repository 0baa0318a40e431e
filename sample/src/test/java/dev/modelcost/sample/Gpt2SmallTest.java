package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import org.junit.jupiter.api.Test;

/**
 * GPT-2 small against the parameter count of the published 124M checkpoint (124,439,808, as
 * {@code sum(p.numel() for p in GPT2LMHeadModel.from_pretrained("gpt2").parameters())} gives it, the head's matrix
 * shared with the token embedding) and by hand, on its full context: L = 1024 tokens of d = 768.
 */
class Gpt2SmallTest {

    @Test
    void paramsAreThePublishedCheckpointsCountTheTiedHeadCountedOnce() {
        // wte 50,257 * 768 = 38,597,376; wpe 1,024 * 768 = 786,432
        // each block: ln_1 and ln_2 2 * 1,536; c_attn 768 * 2304 + 2304 = 1,771,776; attention's c_proj
        //   768 * 768 + 768 = 590,592; c_fc 768 * 3072 + 3072 = 2,362,368; c_proj 3072 * 768 + 768 = 2,360,064;
        //   block 7,087,872; 12 blocks 85,054,464
        // ln_f 1,536; lm_head 0 (its 50,257 x 768 matrix is wte's, no bias)
        // total 38,597,376 + 786,432 + 85,054,464 + 1,536 = 124,439,808
        assertEquals(124_439_808L, Gpt2SmallCost.PARAMS);
        assertEquals(0L, layer("lmHead").params());
        assertEquals(38_597_376L, layer("wte").params());
        assertEquals(786_432L, layer("wpe").params());
        assertEquals(7_087_872L, Layers.params(Gpt2SmallCost.MODEL, "h.3."));
    }

    @Test
    void macsCountTheTiedHeadAndTheFullCausalProducts() {
        // each block at L = 1024: c_attn 1024 * 768 * 2304 = 1,811,939,328; Q K^T and A V, the full 1024 x 1024
        //   products as PyTorch's counter counts them, 12 * 1024 * 1024 * 64 = 805,306,368 each; c_proj
        //   1024 * 768 * 768 = 603,979,776; c_fc and the MLP's c_proj 1024 * 768 * 3072 = 2,415,919,104 each;
        //   block 8,858,370,048; 12 blocks 106,300,440,576
        // lm_head 1024 * 768 * 50,257 = 39,523,713,024
        // total 145,824,153,600
        assertEquals(145_824_153_600L, Gpt2SmallCost.MACS);
        assertEquals(39_523_713_024L, layer("lmHead").macs());
        assertEquals(8_858_370_048L, Layers.macs(Gpt2SmallCost.MODEL, "h.0."));
        assertEquals(1_811_939_328L + 2 * 805_306_368L + 603_979_776L, layer("h.0.attn").macs());
    }

    @Test
    void tokenIdsBecomeLogitsPerToken() {
        assertArrayEquals(new int[] {1, 1024}, Gpt2SmallCost.MODEL.inputShape());
        assertArrayEquals(new int[] {768, 1024}, layer("wte").outputShape());
        assertArrayEquals(new int[] {50_257, 1024}, Gpt2SmallCost.MODEL.outputShape());
    }

    private static LayerCost layer(String name) {
        return Gpt2SmallCost.MODEL.layer(name);
    }
}
