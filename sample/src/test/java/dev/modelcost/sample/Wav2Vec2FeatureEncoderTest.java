package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import org.junit.jupiter.api.Test;

/**
 * The wav2vec 2.0 feature encoder on one second of 16 kHz audio. Unpadded 1-D convolutions:
 * {@code O = floor((S - k) / s) + 1}; MACs {@code 512 * O * Cin * k}.
 */
class Wav2Vec2FeatureEncoderTest {

    @Test
    void oneSecondBecomes49Frames() {
        // (16000 - 10)/5 + 1 = 3199; (3199 - 3)/2 + 1 = 1599; then 799, 399, 199;
        // (199 - 2)/2 + 1 = 99; (99 - 2)/2 + 1 = 49
        assertEquals("1x16000", Wav2Vec2FeatureEncoderCost.INPUT_SHAPE);
        assertEquals("512x49", Wav2Vec2FeatureEncoderCost.OUTPUT_SHAPE);
        assertArrayEquals(new int[] {512, 3199}, layer("conv0").outputShape());
        assertArrayEquals(new int[] {512, 199}, layer("conv4").outputShape());
        // Seven convolutions, seven GELUs, one group normalization.
        assertEquals(15, Wav2Vec2FeatureEncoderCost.LAYERS);
    }

    @Test
    void macsByHand() {
        // conv0 512 * 3199 * 1 * 10                        =    16,378,880
        // conv1..conv4 512*512*3 = 786,432 per position: (1599 + 799 + 399 + 199) * 786,432
        //                         = 2,996 * 786,432       = 2,356,150,272
        // conv5, conv6 512*512*2 = 524,288: (99 + 49) * 524,288 =  77,594,624
        // total                                             = 2,450,123,776
        assertEquals(2_450_123_776L, Wav2Vec2FeatureEncoderCost.MACS);
        assertEquals(0L, Wav2Vec2FeatureEncoderCost.BIAS_ADDS);
        // 2 * MACs                                                  = 4,900,247,552
        // group norm, 5 per element: 5 * 512 * 3,199               =     8,189,440
        // GELUs, 12 per element of every convolution's output:
        //   12 * 512 * (3,199 + 1,599 + 799 + 399 + 199 + 99 + 49)
        //   = 12 * 512 * 6,343                                      =    38,971,392
        // total                                                     = 4,947,408,384
        assertEquals(4_947_408_384L, Wav2Vec2FeatureEncoderCost.FLOPS);
    }

    @Test
    void paramsByHand() {
        // 512*10 + 4 * 512*512*3 + 2 * 512*512*2 = 5,120 + 3,145,728 + 1,048,576 = 4,199,424 in the
        // convolutions, and the group norm's scale and shift, 2 * 512 = 1,024: 4,200,448
        assertEquals(4_200_448L, Wav2Vec2FeatureEncoderCost.PARAMS);
        assertEquals(1_024L, layer("norm0").params());
    }

    @Test
    void secondLayerByHand() {
        LayerCost conv1 = layer("conv1");
        // 512 * 1599 * 512 * 3 = 1,257,504,768
        assertEquals(1_257_504_768L, conv1.macs());
        assertEquals(786_432L, conv1.params());
    }

    private static LayerCost layer(String name) {
        return Wav2Vec2FeatureEncoderCost.MODEL.layer(name);
    }
}
