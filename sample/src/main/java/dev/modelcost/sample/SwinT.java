package dev.modelcost.sample;

import static dev.modelcost.ActivationFunction.GELU;

import dev.modelcost.Activation;
import dev.modelcost.Add;
import dev.modelcost.Attention;
import dev.modelcost.Block;
import dev.modelcost.Conv;
import dev.modelcost.Flatten;
import dev.modelcost.From;
import dev.modelcost.GlobalAvgPool;
import dev.modelcost.Layer;
import dev.modelcost.LayerNorm;
import dev.modelcost.Linear;
import dev.modelcost.Network;
import dev.modelcost.Param;
import dev.modelcost.PixelUnshuffle;
import dev.modelcost.Shape;
import dev.modelcost.Stage;

/**
 * Swin-T as torchvision defines it ({@code torchvision.models.swin_t}) at a 3x224x224 input: 4x4 patches of 96
 * features, then four stages of 2, 2, 6 and 2 blocks (3, 6, 12 and 24 heads) of attention within 7x7 windows,
 * every second block's windows shifted by 3, each with a relative position bias table; between stages a patch
 * merging (each 2x2 neighbourhood's features side by side, a layer norm, a linear map to twice the width); a last
 * layer norm, a global average pool, flattened, and the classifier. Stochastic depth and dropout are left out:
 * they count nothing.
 */
@Network(name = "Swin-T", input = @Shape(channels = 3, size = {224, 224}))
public final class SwinT {
    @Conv(out = 96, kernel = 4, stride = 4) Layer patchEmbed;
    @LayerNorm Layer patchNorm;
    @Stage(block = BlockPair.class, repeat = 1, with = "heads = 3") Layer stage1;
    @Stage(block = PatchMerging.class) Layer merge1;
    @Stage(block = BlockPair.class, repeat = 1, with = "heads = 6") Layer stage2;
    @Stage(block = PatchMerging.class) Layer merge2;
    @Stage(block = BlockPair.class, repeat = 3, with = "heads = 12") Layer stage3;
    @Stage(block = PatchMerging.class) Layer merge3;
    @Stage(block = BlockPair.class, repeat = 1, with = "heads = 24") Layer stage4;
    @LayerNorm Layer norm;
    @GlobalAvgPool Layer avgpool;
    @Flatten Layer flatten;
    @Linear(out = 1000) Layer head;

    /** Two Swin blocks: attention within windows, then within windows shifted by half a window. */
    @Block
    static final class BlockPair {
        @Param int heads;
        @LayerNorm Layer ln1;
        @Attention(headsExpr = "heads", window = {7, 7}, relativePositionBias = true) Layer attention;
        @Add({"attention", From.INPUT}) Layer residual1;
        @LayerNorm Layer ln2;
        @Linear(outExpr = "in * 4") Layer fc1;
        @Activation(GELU) Layer gelu;
        @Linear(outExpr = "in") Layer fc2;
        @Add({"fc2", "residual1"}) Layer residual2;
        @LayerNorm Layer shiftedLn1;
        @Attention(headsExpr = "heads", window = {7, 7}, shift = {3, 3}, relativePositionBias = true)
        Layer shiftedAttention;
        @Add({"shiftedAttention", "residual2"}) Layer residual3;
        @LayerNorm Layer shiftedLn2;
        @Linear(outExpr = "in * 4") Layer shiftedFc1;
        @Activation(GELU) Layer shiftedGelu;
        @Linear(outExpr = "in") Layer shiftedFc2;
        @Add({"shiftedFc2", "residual3"}) Layer residual4;
    }

    /** Each 2x2 neighbourhood's features side by side (4C at half the size), normalized, mapped to 2C. */
    @Block
    static final class PatchMerging {
        @PixelUnshuffle(2) Layer neighbourhoods;
        @LayerNorm Layer norm;
        @Linear(outExpr = "in * 2", bias = false) Layer reduction;
    }
}
