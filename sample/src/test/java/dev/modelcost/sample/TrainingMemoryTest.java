package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Training memory of the sample's networks, derived by hand. None declares {@code @Training}, so their cost
 * classes count Adam in FP32 at batch 1 (16 bytes per parameter, 4 per saved activation); the training of another
 * optimizer, precision or batch follows from what the classes expose: {@code PARAMS} times its bytes per parameter
 * (the ZeRO paper's accounting, Rajbhandari et al., 2020, section 3.1: 16 for mixed-precision Adam) plus the saved
 * activation elements ({@code SAVED_ACTIVATION_BYTES / 4}) times the batch times its activation bytes.
 */
class TrainingMemoryTest {

    /** Training memory at another optimizer, precision and batch, from an FP32 batch-1 cost class's figures. */
    private static long training(long params, long savedFp32Bytes, int bytesPerParameter, int activationBytes,
            int batch) {
        return params * bytesPerParameter + savedFp32Bytes / 4 * batch * activationBytes;
    }

    @Test
    void resNet50() {
        // Activations (output elements) by hand, torchvision's v1.5 bottlenecks (the stride on the 3x3):
        //   stem: conv1, bn1, relu 3 * 64 * 112 * 112 = 2,408,448; maxpool 64 * 56 * 56 = 200,704: 2,609,152
        //   a bottleneck of width w from S_in to S: 3 w S_in^2 (conv1, bn1, relu1) + 3 w S^2 (conv2, bn2,
        //   relu2) + 4 w S^2 each for conv3, bn3, sum, relu3, and for downsample and its bn where present
        //   layer1 (w 64, 56): 30 w S^2 = 6,021,120 + 2 * 22 w S^2 = 8,830,976: 14,852,096
        //   layer2 (w 128, 56 -> 28): 3 * 128 * 3,136 + 27 * 128 * 784 = 3,913,728 + 3 * 2,207,744: 10,536,960
        //   layer3 (w 256, 28 -> 14): 602,112 + 1,354,752 + 5 * 1,103,872: 7,476,224
        //   layer4 (w 512, 14 -> 7): 301,056 + 677,376 + 2 * 551,936: 2,082,304
        //   avgpool 2,048, fc 1,000: ACTIVATIONS = 37,559,784
        assertEquals(37_559_784L, ResNet50Cost.ACTIVATIONS);
        // Saved: the input 3 * 224 * 224 = 150,528 too: 37,710,312 elements, 150,841,248 bytes in FP32.
        assertEquals(150_841_248L, ResNet50Cost.SAVED_ACTIVATION_BYTES);
        // Adam in FP32: weights and gradients 4 + 4, momentum and variance 8: 16 * 25,557,032 = 408,912,512.
        assertEquals(102_228_128L, ResNet50Cost.GRADIENT_BYTES);
        assertEquals(204_456_256L, ResNet50Cost.OPTIMIZER_STATE_BYTES);
        assertEquals(0L, ResNet50Cost.MASTER_WEIGHT_BYTES);
        assertEquals(559_753_760L, ResNet50Cost.TRAINING_MEMORY_BYTES); // 408,912,512 + 150,841,248
        // torchvision's recipe, SGD with momentum in FP32, 32 images per GPU: 12 * 25,557,032 = 306,684,384
        // + 32 * 4 * 37,710,312 = 4,826,919,936: 5,133,604,320.
        assertEquals(5_133_604_320L, training(ResNet50Cost.PARAMS, ResNet50Cost.SAVED_ACTIVATION_BYTES, 12, 4, 32));
        // Mixed-precision Adam at 32: 408,912,512 + 32 * 2 * 37,710,312 = 2,413,459,968: 2,822,372,480.
        assertEquals(2_822_372_480L, training(ResNet50Cost.PARAMS, ResNet50Cost.SAVED_ACTIVATION_BYTES, 16, 2, 32));
    }

    @Test
    void uNet() {
        // Activations on 3x256x256: a DoubleConv of c channels at S is 6 c S^2 (two conv, bn, relu)
        //   encoder 6 * (64 * 256^2 + 128 * 128^2 + 256 * 64^2 + 512 * 32^2 + 1024 * 16^2) = 48,758,784
        //   pools 64 * 128^2 + 128 * 64^2 + 256 * 32^2 + 512 * 16^2 = 1,966,080
        //   transposed convolutions 512 * 32^2 + 256 * 64^2 + 128 * 128^2 + 64 * 256^2 = 7,864,320
        //   concatenations 1024 * 32^2 + 512 * 64^2 + 256 * 128^2 + 128 * 256^2 = 15,728,640
        //   decoder 6 * (512 * 32^2 + 256 * 64^2 + 128 * 128^2 + 64 * 256^2) = 47,185,920; outc 2 * 256^2 = 131,072
        //   ACTIVATIONS = 121,634,816; with the input's 196,608: 121,831,424 saved, 487,325,696 bytes in FP32
        assertEquals(121_634_816L, UNetCost.ACTIVATIONS);
        assertEquals(487_325_696L, UNetCost.SAVED_ACTIVATION_BYTES);
        // Adam in FP32: 16 * 31,037,698 = 496,603,168 + 487,325,696 = 983,928,864.
        assertEquals(983_928_864L, UNetCost.TRAINING_MEMORY_BYTES);
        // The U-Net paper's SGD with momentum 0.99 at batch 1, FP32: 12 * 31,037,698 = 372,452,376 + 487,325,696.
        assertEquals(859_778_072L, training(UNetCost.PARAMS, UNetCost.SAVED_ACTIVATION_BYTES, 12, 4, 1));
        // Mixed-precision Adam at batch 1: 496,603,168 + 2 * 121,831,424 = 740,266,016.
        assertEquals(740_266_016L, training(UNetCost.PARAMS, UNetCost.SAVED_ACTIVATION_BYTES, 16, 2, 1));
    }

    @Test
    void gpt2Small() {
        // Saved on 1,024 tokens of 768 (786,432 elements a sequence): the 1,024 ids; wte, wpe, ln_f 786,432 each;
        // lm_head 50,257 * 1,024 = 51,463,168; each of the 12 blocks: ln_1, attn, residual1, ln_2, c_proj,
        // residual2 6 * 786,432, c_fc and gelu 2 * 3,072 * 1,024, attention's Q, K, V and heads' output
        // 4 * 786,432 and its 12 * 1,024 * 1,024 = 12,582,912 scores: 26,738,688; 12 blocks 320,864,256.
        // 320,864,256 + 1,024 + 3 * 786,432 + 51,463,168 = 374,687,744 elements, 1,498,750,976 bytes in FP32.
        assertEquals(1_498_750_976L, Gpt2SmallCost.SAVED_ACTIVATION_BYTES);
        // The tied head's matrix has one gradient and one state: 16 * 124,439,808 = 1,991,036,928.
        assertEquals(497_759_232L, Gpt2SmallCost.GRADIENT_BYTES); // 4 * 124,439,808
        assertEquals(3_489_787_904L, Gpt2SmallCost.TRAINING_MEMORY_BYTES); // 1,991,036,928 + 1,498,750,976
        // Mixed-precision Adam, 8 sequences: 1,991,036,928 + 8 * 2 * 374,687,744 = 5,995,003,904: 7,986,040,832.
        assertEquals(7_986_040_832L,
                training(Gpt2SmallCost.PARAMS, Gpt2SmallCost.SAVED_ACTIVATION_BYTES, 16, 2, 8));
    }

    @Test
    void llamaStyleDecoder() {
        // Saved on 2,048 tokens of 2,048 (4,194,304 elements a sequence): the 2,048 ids; the embedding and the
        // final norm 4,194,304 each; lm_head 128,256 * 2,048 = 262,668,288; each of the 16 layers: its norms,
        // attention, mlp and residuals 6 * 4,194,304, attention's queries and heads' output 2 * 4,194,304, keys
        // and values of 8 heads of 64, 2 * 1,048,576, and 32 * 2,048 * 2,048 = 134,217,728 scores: 169,869,312;
        // 16 layers 2,717,908,992. (The gated MLP's 8,192-wide inner tensors are not counted:
        // docs/FORMULAS.md#training-memory-and-the-batch.)
        // 2,717,908,992 + 2,048 + 2 * 4,194,304 + 262,668,288 = 2,988,967,936 elements, 11,955,871,744 bytes.
        assertEquals(11_955_871_744L, Llama32OneBCost.SAVED_ACTIVATION_BYTES);
        // Adam in FP32: 16 * 1,235,814,400 = 19,773,030,400 + 11,955,871,744 = 31,728,902,144.
        assertEquals(31_728_902_144L, Llama32OneBCost.TRAINING_MEMORY_BYTES);
        // Pure bfloat16 AdamW (2 + 2 + 2 * 2 = 8 bytes per parameter): 9,886,515,200 + 2 * 2,988,967,936 =
        // 15,864,451,072.
        assertEquals(15_864_451_072L,
                training(Llama32OneBCost.PARAMS, Llama32OneBCost.SAVED_ACTIVATION_BYTES, 8, 2, 1));
    }
}
