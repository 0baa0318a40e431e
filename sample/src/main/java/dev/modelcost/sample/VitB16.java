package dev.modelcost.sample;

import static dev.modelcost.ActivationFunction.GELU;

import dev.modelcost.Activation;
import dev.modelcost.Add;
import dev.modelcost.Attention;
import dev.modelcost.Block;
import dev.modelcost.Combine;
import dev.modelcost.Conv;
import dev.modelcost.From;
import dev.modelcost.Layer;
import dev.modelcost.LayerNorm;
import dev.modelcost.Learned;
import dev.modelcost.Linear;
import dev.modelcost.Network;
import dev.modelcost.Param;
import dev.modelcost.SelectToken;
import dev.modelcost.Shape;
import dev.modelcost.Stage;
import dev.modelcost.Tokens;

/**
 * ViT-B/16 as torchvision defines it ({@code torchvision.models.vit_b_16}) at a 3x224x224 input: a 16x16 stride-16
 * convolution cuts the image into 14x14 patches of 768 features, which become 196 tokens; a learned class token is
 * put before them and a learned position embedding added to all 197; 12 pre-norm encoder blocks (12 heads, an MLP
 * of 3072); a last layer norm, and the class token's features classified into 1000 classes. Dropout (0 in
 * torchvision's configuration) is left out: it counts nothing.
 */
@Network(name = "ViT-B/16", input = @Shape(channels = 3, size = {224, 224}))
public final class VitB16 {
    @Conv(out = 768, kernel = 16, stride = 16) Layer convProj;
    @Tokens Layer patches;
    @Learned(combine = Combine.PREPEND, size = 1) Layer classToken;
    @Learned(combine = Combine.ADD) Layer positionEmbedding;
    @Stage(block = EncoderBlock.class, repeat = 12, with = "heads = 12, mlp = 3072") Layer encoder;
    @LayerNorm Layer ln;
    @SelectToken(index = 0) Layer classTokenOut;
    @Linear(out = 1000) Layer head;

    /** Pre-norm self-attention and MLP, each around a residual connection. */
    @Block
    static final class EncoderBlock {
        @Param int heads;
        @Param int mlp;
        @LayerNorm Layer ln1;
        @Attention(headsExpr = "heads") Layer selfAttention;
        @Add({"selfAttention", From.INPUT}) Layer residual1;
        @LayerNorm Layer ln2;
        @Linear(outExpr = "mlp") Layer fc1;
        @Activation(GELU) Layer gelu;
        @Linear(outExpr = "in") Layer fc2;
        @Add({"fc2", "residual1"}) Layer residual2;
    }
}
