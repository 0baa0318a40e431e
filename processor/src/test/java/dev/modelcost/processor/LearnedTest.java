package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.modelcost.processor.LayerKindsTest.network;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import org.junit.jupiter.api.Test;

/**
 * {@code @Learned} (a class token, a position embedding, a layer scale: tensors that are no layer's weight) and
 * {@code @PositionEmbedding} (GPT-2's {@code wpe}): their elements are parameters; adding and multiplying count
 * one operation per output element, prepending none.
 */
class LearnedTest {

    @Test
    void vitsClassTokenAndPositionEmbedding() {
        // ViT-B/16: 196 patch tokens of 768; its class token (1 x 1 x 768 in torchvision) and its position
        // embedding (1 x 197 x 768).
        ModelCost model = network("@Shape(channels = 768, size = 196)",
                "@Learned(combine = Combine.PREPEND, size = 1) Layer classToken;",
                "@Learned(combine = Combine.ADD) Layer positions;");
        LayerCost classToken = model.layer("classToken");
        assertThat(classToken.kind()).isEqualTo(LayerKind.LEARNED);
        // 196 + 1 = 197 tokens; 768 parameters; a concatenation: no operations.
        assertThat(classToken.outputShape()).isEqualTo(new int[] {768, 197});
        assertThat(classToken.params()).isEqualTo(768L);
        assertThat(classToken.flops()).isEqualTo(0L);
        assertThat(classToken.settings()).isEqualTo("prepend 768x1");
        LayerCost positions = model.layer("positions");
        // 197 * 768 = 151,296 parameters, and one addition per element: 151,296 FLOPs.
        assertThat(positions.outputShape()).isEqualTo(new int[] {768, 197});
        assertThat(positions.params()).isEqualTo(151_296L);
        assertThat(positions.flops()).isEqualTo(151_296L);
        assertThat(positions.macs()).isEqualTo(0L);
        assertThat(positions.settings()).isEqualTo("add 768x197");
        // Together the 152,064 parameters torchvision's vit_b_16 has in class_token and encoder.pos_embedding.
        assertThat(model.params()).isEqualTo(152_064L);
    }

    @Test
    void aLayerScaleMultipliesEachChannelByItsFactor() {
        // CaiT's / ConvNeXt's layer scale: one factor per channel, broadcast over the positions.
        ModelCost model = network("@Shape(channels = 96, size = {56, 56})",
                "@Learned(combine = Combine.MULTIPLY, size = 1) Layer gamma;");
        LayerCost gamma = model.layer("gamma");
        // A 96x1x1 tensor: 96 parameters; 96 * 56 * 56 = 301,056 multiplications.
        assertThat(gamma.outputShape()).isEqualTo(new int[] {96, 56, 56});
        assertThat(gamma.params()).isEqualTo(96L);
        assertThat(gamma.flops()).isEqualTo(301_056L);
        assertThat(gamma.settings()).isEqualTo("multiply 96x1x1");
    }

    @Test
    void theInputBroadcastsToTheTensorToo() {
        // A 4x1 tensor added to 1x{3}: the output is 4x{3} (as PyTorch broadcasts both operands), 4 parameters,
        // 12 additions.
        LayerCost bias = network("@Shape(channels = 1, size = 3)",
                "@Learned(channels = 4, size = 1) Layer bias;").layer("bias");
        assertThat(bias.outputShape()).isEqualTo(new int[] {4, 3});
        assertThat(bias.params()).isEqualTo(4L);
        assertThat(bias.flops()).isEqualTo(12L);
    }

    @Test
    void aVectorTakesATensorOfItsOwnShape() {
        // On a vector of 10 features, the default tensor is 10 features: 10 parameters, 10 additions.
        LayerCost shift = network("@Shape(channels = 10)", "@Learned Layer shift;").layer("shift");
        assertThat(shift.outputShape()).isEqualTo(new int[] {10});
        assertThat(shift.params()).isEqualTo(10L);
        assertThat(shift.flops()).isEqualTo(10L);
    }

    @Test
    void gpt2sPositionTableAddsItsFirstRowsWhateverTheLength() {
        // wpe has 1,024 x 768 = 786,432 parameters however long the sequence; at 512 tokens it adds 512 rows:
        // 512 * 768 = 393,216 additions.
        ModelCost model = network("@Shape(channels = 768, size = 512)",
                "@PositionEmbedding(positions = 1024) Layer wpe;");
        LayerCost wpe = model.layer("wpe");
        assertThat(wpe.kind()).isEqualTo(LayerKind.POSITION_EMBEDDING);
        assertThat(wpe.outputShape()).isEqualTo(new int[] {768, 512});
        assertThat(wpe.params()).isEqualTo(786_432L);
        assertThat(wpe.flops()).isEqualTo(393_216L);
        assertThat(wpe.macs()).isEqualTo(0L);
        assertThat(wpe.settings()).isEqualTo("positions=1024");
    }

    @Test
    void aSequenceAsLongAsTheTableFillsIt() {
        // 1,024 tokens of 768: all 786,432 rows' elements added once each.
        LayerCost wpe = network("@Shape(channels = 768, size = 1024)",
                "@PositionEmbedding(positions = 1024) Layer wpe;").layer("wpe");
        assertThat(wpe.flops()).isEqualTo(786_432L);
        assertThat(wpe.params()).isEqualTo(786_432L);
    }
}
