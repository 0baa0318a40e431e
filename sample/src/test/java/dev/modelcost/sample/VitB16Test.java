package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import org.junit.jupiter.api.Test;

/**
 * ViT-B/16 against torchvision's published figures (its {@code ViT_B_16_Weights.IMAGENET1K_V1} meta, torchvision
 * 0.15 and later: {@code _ops} 17.564 "GFLOPS", which are multiply-accumulates, and {@code num_params} 86,567,656)
 * and by hand, at 3x224x224: L = 197 tokens (196 patches and the class token) of d = 768.
 */
class VitB16Test {

    @Test
    void macsAreTorchvisionsFigure() {
        // convProj: 768 * 14*14 * 3 * 16*16                                             =    115,605,504
        // each encoder block, L = 197, d = 768, 12 heads of 64:
        //   query/key/value projections 197 * 768 * 3*768                              =    348,585,984
        //   Q K^T and A V, 12 * 197 * 197 * 64 each                                    = 2 * 29,805,312
        //   output projection 197 * 768 * 768                                          =    116,195,328
        //   MLP 197 * (768 * 3072 + 3072 * 768)                                         =    929,562,624
        //   block                                                                       =  1,453,954,560
        // 12 blocks                                                                     = 17,447,454,720
        // head 768 * 1000 (one token)                                                   =        768,000
        // total                                                                           17,563,828,224
        assertEquals(17_563_828_224L, VitB16Cost.MACS);
        assertEquals(1_453_954_560L, Layers.macs(VitB16Cost.MODEL, "encoder.5."));
        assertEquals(348_585_984L + 2 * 29_805_312L + 116_195_328L, layer("encoder.0.selfAttention").macs());
    }

    @Test
    void paramsAreTorchvisionsCount() {
        // convProj 768 * 3 * 16*16 + 768 = 590,592; class token 768; position embedding 197 * 768 = 151,296
        // each block: two layer norms 2 * 2 * 768 = 3,072; attention (nn.MultiheadAttention(768, 12))
        //   in-projection 3 * 768^2 + 3 * 768 = 1,771,776, out-projection 768^2 + 768 = 590,592;
        //   MLP 768 * 3072 + 3072 + 3072 * 768 + 768 = 4,722,432; block 7,087,872; 12 blocks 85,054,464
        // last layer norm 1,536; head 768 * 1000 + 1000 = 769,000
        // total 590,592 + 768 + 151,296 + 85,054,464 + 1,536 + 769,000 = 86,567,656
        assertEquals(86_567_656L, VitB16Cost.PARAMS);
        assertEquals(7_087_872L, Layers.params(VitB16Cost.MODEL, "encoder.11."));
        assertEquals(1_771_776L + 590_592L, layer("encoder.0.selfAttention").params());
        assertEquals(768L, layer("classToken").params());
        assertEquals(151_296L, layer("positionEmbedding").params());
    }

    @Test
    void patchesBecomeTokensAndTheClassTokenIsClassified() {
        assertArrayEquals(new int[] {768, 14, 14}, layer("convProj").outputShape());
        assertArrayEquals(new int[] {768, 196}, layer("patches").outputShape());
        assertArrayEquals(new int[] {768, 197}, layer("classToken").outputShape());
        assertArrayEquals(new int[] {768, 197}, layer("encoder.11.residual2").outputShape());
        assertArrayEquals(new int[] {768}, layer("classTokenOut").outputShape());
        assertArrayEquals(new int[] {1000}, VitB16Cost.MODEL.outputShape());
        assertEquals(12, Layers.count(VitB16Cost.MODEL, LayerKind.ATTENTION));
        assertEquals(25, Layers.count(VitB16Cost.MODEL, LayerKind.LAYER_NORM));
    }

    private static LayerCost layer(String name) {
        return VitB16Cost.MODEL.layer(name);
    }
}
