package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * A training step's backward pass and operations per sample (docs/FORMULAS.md#the-backward-pass), derived by
 * hand. A convolution, transposed convolution or linear layer computes its input gradient (the adjoint product)
 * and its weight gradient (the output gradient times the unfolded input), each its forward MACs, and one bias
 * gradient addition per output element with a bias; a layer fed by the network's input needs no input gradient.
 * Per element of {@code N}: batch norm 1 + 3, layer norm 8 + 3, RMS norm 6 + 2, an activation {@code f + 1},
 * a residual add 0; max pooling one per output; attention four gradient products of the forward's size and 5 per
 * score, rotary 3 per rotated element.
 */
class TrainingStepTest {

    @Test
    void resNet50sFirstConvolutionNeedsNoInputGradient() {
        // Every convolution and fc compute their weight gradients (4,089,184,256 MACs) and all but conv1, which
        // the input feeds (118,013,952), their input gradients: 8,178,368,512 - 118,013,952 = 8,060,354,560.
        assertEquals(8_060_354_560L, ResNet50Cost.BACKWARD_MACS);
        assertNotEquals(2 * ResNet50Cost.MACS, ResNet50Cost.BACKWARD_MACS);
        // The rest: a bottleneck's batch norms (4 per element) and ReLUs (2 per element) on its conv1's w*S^2,
        // conv2's w*O^2 and conv3's 4w*O^2 (and the projection's norm, 4w*O^2), with u = w*O^2 per stage:
        // u1 = 64 * 56^2 = 200,704, u2 = 128 * 28^2 = 100,352, u3 = 256 * 14^2 = 50,176, u4 = 512 * 7^2 = 25,088.
        //   a block that keeps its size         4 * 6u + 2 * 6u = 36u
        //   layer1.0 (a projection, S = O)      4 * 10u + 2 * 6u = 52u
        //   layer2..4.0 (S = 2O, a projection)  4 * (4u + u + 4u + 4u) + 2 * (4u + u + 4u) = 70u
        //   layer1 52u1 + 2 * 36u1 = 124u1 = 24,887,296; layer2 70u2 + 3 * 36u2 = 178u2 = 17,862,656;
        //   layer3 70u3 + 5 * 36u3 = 250u3 = 12,544,000; layer4 70u4 + 2 * 36u4 = 142u4 = 3,562,496
        //   58,856,448
        // stem: bn1 4 * 802,816 = 3,211,264, relu 2 * 802,816 = 1,605,632, maxpool one per output 200,704;
        // avgpool 2,048 * 49 = 100,352; fc's bias 1,000: 63,975,400 in all.
        // 2 * 8,060,354,560 + 63,975,400 = 16,184,684,520
        assertEquals(16_184_684_520L, ResNet50Cost.BACKWARD_FLOPS);
        // Forward: 2 * 4,089,184,256 + the blocks' norms (2 per element), ReLUs (1) and adds (4u): 22u per block
        // that keeps its size, 30u for layer1.0, 39u for the other first blocks, 74u1 + 105u2 + 149u3 + 83u4 =
        // 34,947,584; bn1 1,605,632, relu 802,816, maxpool 200,704 * 9 = 1,806,336, avgpool 100,352, fc's bias
        // 1,000: 8,217,632,232; with the backward 24,402,316,752.
        assertEquals(8_217_632_232L, ResNet50Cost.FLOPS);
        assertEquals(24_402_316_752L, ResNet50Cost.TRAINING_STEP_FLOPS);
    }

    @Test
    void uNetsTransposedConvolutionsHaveBothGradientsOfTheirForwardMacs() {
        // Every layer's MACs twice (each transposed convolution 2 * 536,870,912), but inc.conv1's input gradient,
        // 9 * 3 * 64 * 256^2 = 113,246,208: 2 * 48,171,581,440 - 113,246,208 = 96,229,916,672.
        assertEquals(96_229_916_672L, UNetCost.BACKWARD_MACS);
        // Each double convolution's two batch norms (4 per element) and two ReLUs (2) on N = out * S^2: 12N, with
        // N = 4,194,304 (inc, up4), 2,097,152 (down1, up3), 1,048,576 (down2, up2), 524,288 (down3, up1) and
        // 262,144 (down4), 15,990,784 in all: 191,889,408. Max pooling, one per output: 64 * 128^2 + 128 * 64^2
        // + 256 * 32^2 + 512 * 16^2 = 1,966,080. Bias gradients: the transposed convolutions' 512 * 32^2 +
        // 256 * 64^2 + 128 * 128^2 + 64 * 256^2 = 7,864,320, outc's 2 * 256^2 = 131,072. In all 201,850,880.
        // 2 * 96,229,916,672 + 201,850,880 = 192,661,684,224
        assertEquals(192_661_684_224L, UNetCost.BACKWARD_FLOPS);
        // Forward: 2 * 48,171,581,440 + norms and ReLUs 6 * 15,990,784 = 95,944,704 + pooling 4 * 1,966,080 =
        // 7,864,320 + biases 7,995,392 = 96,454,967,296; with the backward 289,116,651,520.
        assertEquals(96_454_967_296L, UNetCost.FLOPS);
        assertEquals(289_116_651_520L, UNetCost.TRAINING_STEP_FLOPS);
    }

    @Test
    void gpt2SmallsTiedHeadTakesTheGradientsOfBothUsesOfTheMatrix() {
        // At 1,024 tokens of 768 (N = 786,432), 12 heads of 64, MLP 3,072, vocabulary 50,257. wte needs no input
        // gradient and has no MACs; everything after it needs both gradients. Per block:
        //   attention: Q, K, V adjoints 3 * 1,024 * 768^2 = 1,811,939,328; the four gradient products
        //     4 * 12 * 1,024^2 * 64 = 3,221,225,472 and the output projection's adjoint 603,979,776; the four
        //     projections' weight gradients 2,415,919,104: 8,053,063,680
        //   c_fc and c_proj: 2 * 2 * 1,024 * 768 * 3,072 = 9,663,676,416
        //   17,716,740,096, 12 times 212,600,881,152
        // The head tied to wte: its input gradient and its weight gradient, 2 * 1,024 * 768 * 50,257 =
        // 79,047,426,048; its weight gradient is added into wte's one gradient tensor (as PyTorch accumulates
        // both uses). 212,600,881,152 + 79,047,426,048 = 291,648,307,200: exactly 2 x MACS here, since the only
        // layer without an input gradient, wte, has no MACs.
        assertEquals(291_648_307_200L, Gpt2SmallCost.BACKWARD_MACS);
        assertEquals(2 * 145_824_153_600L, Gpt2SmallCost.BACKWARD_MACS);
        // The rest, per block: two layer norms 2 * 11N = 17,301,504; the scores 5 * 12 * 1,024^2 = 62,914,560;
        // bias gradients 1,024 * (2,304 + 768 + 3,072 + 768) = 7,077,888; GELU 13 * 1,024 * 3,072 = 40,894,464:
        // 128,188,416, 12 times 1,538,260,992. wte's and wpe's tables N each, 1,572,864; ln_f 11N = 8,650,752;
        // the shared matrix's gradient added into wte's, 50,257 * 768 = 38,597,376. In all 1,587,081,984.
        // 2 * 291,648,307,200 + 1,587,081,984 = 584,883,696,384
        assertEquals(584_883_696_384L, Gpt2SmallCost.BACKWARD_FLOPS);
        // Forward: 2 * 145,824,153,600 + per block (layer norms 2 * 5N, biases 7,077,888, scores 4 * 12,582,912,
        // residuals 2N, GELU 12 * 3,145,728: 104,595,456) * 12 + wpe N + ln_f 5N = 292,908,171,264.
        assertEquals(292_908_171_264L, Gpt2SmallCost.FLOPS);
        assertEquals(877_791_867_648L, Gpt2SmallCost.TRAINING_STEP_FLOPS);
    }

    @Test
    void theLlamaStyleDecodersGroupedQueryAttentionAndGatedMlp() {
        // At 2,048 tokens of 2,048 (N = 4,194,304), 32 heads of 64, 8 key/value heads, MLP 8,192, vocabulary
        // 128,256, no biases. Per layer:
        //   attention: Q, K, V adjoints 2,048 * 2,048 * (2,048 + 2 * 512) = 12,884,901,888; the four gradient
        //     products 4 * 32 * 2,048^2 * 64 = 34,359,738,368 and o_proj's adjoint 8,589,934,592; the
        //     projections' weight gradients 21,474,836,480: 77,309,411,328
        //   gated MLP: twice its forward 2,048 * 3 * 2,048 * 8,192 = 206,158,430,208
        //   283,467,841,536, 16 times 4,535,485,464,576
        // The tied head: 2 * 2,048 * 2,048 * 128,256 = 1,075,889,307,648. In all 5,611,374,772,224.
        assertEquals(5_611_374_772_224L, Llama32OneBCost.BACKWARD_MACS);
        // The rest, per layer: two RMS norms 2 * 8N = 67,108,864; the scores 5 * 32 * 2,048^2 = 671,088,640;
        // the rotary gradients 3 * (2,048 * 32 + 2,048 * 8) * 64 = 15,728,640; the gate (5 + 3) * 2,048 * 8,192
        // = 134,217,728: 888,143,872, 16 times 14,210,301,952. embed_tokens' table N = 4,194,304; the final norm
        // 8N = 33,554,432; the shared matrix's gradient added in, 128,256 * 2,048 = 262,668,288. In all
        // 14,510,718,976. 2 * 5,611,374,772,224 + 14,510,718,976 = 11,237,260,263,424
        assertEquals(11_237_260_263_424L, Llama32OneBCost.BACKWARD_FLOPS);
        // Forward: 2 * 2,805,687,386,112 + per layer (norms 2 * 4N, scores 4 * 134,217,728, rotary 15,728,640,
        // residuals 2N, the gate 6 * 2,048 * 8,192: 695,205,888) * 16 + the final norm 4N = 5,622,514,843,648.
        assertEquals(5_622_514_843_648L, Llama32OneBCost.FLOPS);
        assertEquals(16_859_775_107_072L, Llama32OneBCost.TRAINING_STEP_FLOPS);
    }
}
