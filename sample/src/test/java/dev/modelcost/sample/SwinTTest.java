package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import org.junit.jupiter.api.Test;

/**
 * Swin-T against torchvision's published figures (its {@code Swin_T_Weights.IMAGENET1K_V1} meta, torchvision 0.13
 * and later: {@code num_params} 28,288,354 and {@code _ops} 4.491 "GFLOPS", which are multiply-accumulates) and by
 * hand, at 3x224x224. A block of width C on S x S positions (S^2 tokens, windows of N = 49, h heads of 32) costs
 * {@code S^2 * 12C^2} in its projections and MLP and {@code 2 * (S^2 / 49) * h * 49^2 * 32} in its products.
 */
class SwinTTest {

    @Test
    void macsAreTorchvisionsFigure() {
        // patchEmbed 96 * 56*56 * 3 * 4*4                                                     =    14,450,688
        // stage 1 (C 96, 56x56, 64 windows, 3 heads), per block:
        //   qkv 3136 * 96 * 288 = 86,704,128; products 2 * 64 * 3 * 49*49 * 32 = 29,503,488;
        //   proj 3136 * 96 * 96 = 28,901,376; MLP 2 * 3136 * 96 * 384 = 231,211,008      block   376,320,000
        // stage 2 (C 192, 28x28, 16 windows, 6 heads): 86,704,128 + 14,751,744 + 28,901,376 + 231,211,008
        //                                                                                block   361,568,256
        // stage 3 (C 384, 14x14, 4 windows, 12 heads): products 7,375,872                 block   354,192,384
        // stage 4 (C 768, 7x7, 1 window, 24 heads): products 3,687,936                    block   350,504,448
        // patch merging, each 4C to 2C on the merged positions: 784 * 384 * 192 = 196 * 768 * 384
        //   = 49 * 1536 * 768                                                                  =    57,802,752
        // head 768 * 1000 = 768,000
        // total 14,450,688 + 2 * 376,320,000 + 2 * 361,568,256 + 6 * 354,192,384 + 2 * 350,504,448
        //   + 3 * 57,802,752 + 768,000                                                         = 4,490,566,656
        assertEquals(4_490_566_656L, SwinTCost.MACS);
        assertEquals(2 * 376_320_000L, Layers.macs(SwinTCost.MODEL, "stage1."));
        assertEquals(6 * 354_192_384L, Layers.macs(SwinTCost.MODEL, "stage3."));
        assertEquals(57_802_752L, Layers.macs(SwinTCost.MODEL, "merge2."));
        assertEquals(86_704_128L + 29_503_488L + 28_901_376L, layer("stage1.0.shiftedAttention").macs());
    }

    @Test
    void paramsAreTorchvisionsCount() {
        // patchEmbed 96 * 48 + 96 = 4,704; its norm 192
        // a block of width C with h heads: two norms 4C; qkv 3C^2 + 3C; proj C^2 + C; relative position bias
        //   table 13 * 13 * h; MLP 8C^2 + 5C; so 12C^2 + 13C + 169h:
        //   C 96: 112,347; C 192: 445,878; C 384: 1,776,492; C 768: 7,091,928
        // patch merging of C: norm 8C, reduction 4C * 2C: 74,496, 296,448, 1,182,720
        // last norm 1,536; head 768 * 1000 + 1000 = 769,000
        // total 4,896 + 2 * 112,347 + 74,496 + 2 * 445,878 + 296,448 + 6 * 1,776,492 + 1,182,720
        //   + 2 * 7,091,928 + 1,536 + 769,000                                                  = 28,288,354
        assertEquals(28_288_354L, SwinTCost.PARAMS);
        assertEquals(2 * 112_347L, Layers.params(SwinTCost.MODEL, "stage1."));
        assertEquals(296_448L, Layers.params(SwinTCost.MODEL, "merge2."));
        // qkv 3 * 96^2 + 288 = 27,936; proj 9,312; bias table 169 * 3 = 507
        assertEquals(27_936L + 9_312L + 507L, layer("stage1.0.attention").params());
    }

    @Test
    void windowsAndMergesKeepTheMap() {
        assertArrayEquals(new int[] {96, 56, 56}, layer("stage1.0.residual4").outputShape());
        assertArrayEquals(new int[] {384, 28, 28}, layer("merge1.0.neighbourhoods").outputShape());
        assertArrayEquals(new int[] {192, 28, 28}, layer("merge1.0.reduction").outputShape());
        assertArrayEquals(new int[] {768, 7, 7}, layer("stage4.0.residual4").outputShape());
        assertArrayEquals(new int[] {1000}, SwinTCost.MODEL.outputShape());
        // 2 + 2 + 6 + 2 blocks, one attention each
        assertEquals(12, Layers.count(SwinTCost.MODEL, LayerKind.ATTENTION));
    }

    private static LayerCost layer(String name) {
        return SwinTCost.MODEL.layer(name);
    }
}
