package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import org.junit.jupiter.api.Test;

/**
 * The grouped decoder, layer by layer. Grouped transposed convolution: MACs {@code Cin * prod(S) * (Cout/g) *
 * prod(k)} over the input size, bias additions {@code Cout * prod(O)} over the output size.
 */
class GroupedDecoderTest {

    @Test
    void groupedUpsamplingCountsOverItsInput() {
        LayerCost up1 = layer("up1");
        // O = (8 - 1)*2 - 2 + 3 + 1 = 16
        assertArrayEquals(new int[] {128, 16, 16}, up1.outputShape());
        // 128 * 8*8 * (128/4) * 16 = 4,194,304
        assertEquals(4_194_304L, up1.macs());
        // 128 * 16*16 = 32,768
        assertEquals(32_768L, up1.biasAdds());
        // 128 * 32 * 16 + 128 = 65,664
        assertEquals(65_664L, up1.params());
    }

    @Test
    void secondUpsamplingIsWorkedExampleFive() {
        LayerCost up2 = layer("up2");
        // O = (16 - 1)*2 - 2 + 2 + 1 + 1 = 32
        assertArrayEquals(new int[] {32, 32, 32}, up2.outputShape());
        // 64 * 256 * 16 * 9 = 2,359,296
        assertEquals(2_359_296L, up2.macs());
        // 64 * 16 * 9 + 32 = 9,248
        assertEquals(9_248L, up2.params());
    }

    @Test
    void depthwiseUpsamplingWithSamePaddingDoublesTheSize() {
        LayerCost up3 = layer("up3");
        // SAME: O = 32 * 2 = 64
        assertArrayEquals(new int[] {32, 64, 64}, up3.outputShape());
        // 32 * 32*32 * (32/32) * 16 = 524,288
        assertEquals(524_288L, up3.macs());
        // 32 * 64*64 = 131,072
        assertEquals(131_072L, up3.biasAdds());
        // 32 * 1 * 16 + 32 = 544
        assertEquals(544L, up3.params());
    }

    @Test
    void totals() {
        // up1 4,194,304 + mix1 64*256*128 = 2,097,152 + up2 2,359,296 + mix2 32*1024*32 = 1,048,576
        //   + up3 524,288 + toImage 3*4096*32*9 = 3,538,944  =  13,762,560
        assertEquals(13_762_560L, GroupedDecoderCost.MACS);
        // every layer has a bias: one per output element
        // 128*256 + 64*256 + 32*1024 + 32*1024 + 32*4096 + 3*4096
        //   = 32,768 + 16,384 + 32,768 + 32,768 + 131,072 + 12,288 = 258,048
        assertEquals(258_048L, GroupedDecoderCost.BIAS_ADDS);
        // 65,664 + (128*64 + 64 = 8,256) + 9,248 + (32*32 + 32 = 1,056) + 544 + (3*32*9 + 3 = 867) = 85,635
        assertEquals(85_635L, GroupedDecoderCost.PARAMS);
        // 2 * 13,762,560 + 258,048
        assertEquals(27_783_168L, GroupedDecoderCost.FLOPS);
    }

    @Test
    void shapes() {
        assertEquals("128x8x8", GroupedDecoderCost.INPUT_SHAPE);
        assertEquals("3x64x64", GroupedDecoderCost.OUTPUT_SHAPE);
        assertEquals(6, GroupedDecoderCost.LAYERS);
    }

    private static LayerCost layer(String name) {
        return GroupedDecoderCost.MODEL.layer(name);
    }
}
