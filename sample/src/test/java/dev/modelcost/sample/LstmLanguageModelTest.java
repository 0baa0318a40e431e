package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import org.junit.jupiter.api.Test;

/**
 * The LSTM language model by hand from the shapes PyTorch's documentation gives {@code nn.Embedding},
 * {@code nn.LSTM} ({@code weight_ih_l[k]} of {@code 4h x in}, {@code weight_hh_l[k]} of {@code 4h x h}, and two
 * bias vectors {@code bias_ih_l[k]} and {@code bias_hh_l[k]} of {@code 4h}) and {@code nn.Linear}, on L = 35 tokens.
 */
class LstmLanguageModelTest {

    @Test
    void paramsFollowPyTorchsShapes() {
        // encoder 10,000 * 650 = 6,500,000
        // each LSTM layer (in = 650, h = 650): 4 * 650 * (650 + 650) + 8 * 650 = 3,380,000 + 5,200 = 3,385,200;
        //   two layers 6,770,400
        // decoder 650 * 10,000 + 10,000 = 6,510,000
        // total 19,780,400
        assertEquals(19_780_400L, LstmLanguageModelCost.PARAMS);
        assertEquals(6_770_400L, layer("rnn").params());
    }

    @Test
    void macsAreEveryStepOfEveryLayer() {
        // LSTM: 4 * 650 * (650 + 650) = 3,380,000 per step and layer, 35 steps, 2 layers = 236,600,000
        // decoder 35 * 650 * 10,000 = 227,500,000; the embedding is a lookup: 0
        // total 464,100,000
        assertEquals(464_100_000L, LstmLanguageModelCost.MACS);
        assertEquals(236_600_000L, layer("rnn").macs());
        assertEquals(0L, layer("encoder").macs());
        assertArrayEquals(new int[] {650, 35}, layer("rnn").outputShape());
        assertArrayEquals(new int[] {10_000, 35}, LstmLanguageModelCost.MODEL.outputShape());
    }

    private static LayerCost layer(String name) {
        return LstmLanguageModelCost.MODEL.layer(name);
    }
}
