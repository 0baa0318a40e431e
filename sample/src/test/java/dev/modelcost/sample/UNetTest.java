package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import org.junit.jupiter.api.Test;

/**
 * U-Net (milesial's Pytorch-UNet, transposed-convolution upsampling) at 3x256x256 against the figures
 * and by hand. A double convolution from {@code in} to {@code out} channels at size S costs
 * {@code 9 * (in*out + out*out) * S^2} MACs and has {@code 9 * (in*out + out*out) + 4*out} parameters.
 */
class UNetTest {

    @Test
    void macsByHand() {
        // inc  9 * (3*64 + 64*64) * 256^2                                        =  2,529,165,312
        // down1..down4: 9 * (C*2C + 2C*2C) * S^2 with C*S constant (64*128)
        //   = 9 * 6 * 64^2 * 128^2 = 3,623,878,656, four times                    = 14,495,514,624
        // up1..up4 transposed: Cin * S^2 * Cin/2 * 4 with Cin*S constant (1024*16)
        //   = 1024 * 16^2 * 512 * 4 = 536,870,912, four times                     =  2,147,483,648
        // up1..up4 double convolutions: 9 * (2C*C + C*C) * S^2 with C*S constant (512*32)
        //   = 9 * 3 * 512^2 * 32^2 = 7,247,757,312, four times                    = 28,991,029,248
        // outc 64 * 2 * 256^2                                                     =      8,388,608
        // total                                                                     48,171,581,440
        assertEquals(48_171_581_440L, UNetCost.MACS);
        assertEquals(3_623_878_656L, Layers.macs(UNetCost.MODEL, "down3."));
        assertEquals(7_247_757_312L, Layers.macs(UNetCost.MODEL, "up2."));
    }

    @Test
    void paramsByHand() {
        // inc 38,848; down1 221,696; down2 885,760; down3 3,540,992; down4 14,159,872;
        // up1 2,097,664 + 7,079,936; up2 524,544 + 1,770,496; up3 131,200 + 442,880; up4 32,832 + 110,848;
        // outc 64*2 + 2 = 130; total 31,037,698
        assertEquals(31_037_698L, UNetCost.PARAMS);
        // down4: 9 * (512*1,024 + 1,024*1,024) + 4 * 1,024 = 14,155,776 + 4,096
        assertEquals(14_159_872L, Layers.params(UNetCost.MODEL, "down4."));
    }

    @Test
    void transposedConvolutionDoublesTheSizeAndHalvesTheChannels() {
        LayerCost up = layer("up1Up");
        assertArrayEquals(new int[] {1024, 16, 16}, up.inputShape());
        // (16 - 1) * 2 - 0 + (2 - 1) + 0 + 1 = 32
        assertArrayEquals(new int[] {512, 32, 32}, up.outputShape());
        // over the input size: 1,024 * 16^2 * 512 * 4 = 536,870,912; bias over the output: 512 * 32^2
        assertEquals(536_870_912L, up.macs());
        assertEquals(524_288L, up.biasAdds());
        // 1,024 * 512 * 4 weights + 512 biases
        assertEquals(2_097_664L, up.params());
    }

    @Test
    void skipConnectionsConcatenateChannels() {
        // down3's 512 channels at 32x32, then the 512 upsampled ones
        assertArrayEquals(new int[] {1024, 32, 32}, layer("up1Cat").outputShape());
        assertArrayEquals(new int[] {128, 256, 256}, layer("up4Cat").outputShape());
        assertEquals(0L, layer("up4Cat").flops() + layer("up4Cat").params());
        assertEquals(4, Layers.count(UNetCost.MODEL, LayerKind.CONCAT));
    }

    @Test
    void outputIsTwoScoresPerPixel() {
        assertEquals("2x256x256", UNetCost.OUTPUT_SHAPE);
        assertArrayEquals(new int[] {1024, 16, 16}, layer("down4.0.relu2").outputShape());
        // two in each of the 9 double convolutions, then outc; a batch norm after each of the 18
        assertEquals(19, Layers.count(UNetCost.MODEL, LayerKind.CONV));
        assertEquals(18, Layers.count(UNetCost.MODEL, LayerKind.BATCH_NORM));
    }

    private static LayerCost layer(String name) {
        return UNetCost.MODEL.layer(name);
    }
}
