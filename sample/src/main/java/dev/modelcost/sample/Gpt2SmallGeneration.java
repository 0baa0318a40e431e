package dev.modelcost.sample;

import dev.modelcost.Device;
import dev.modelcost.DevicePreset;
import dev.modelcost.Embedding;
import dev.modelcost.Generation;
import dev.modelcost.Layer;
import dev.modelcost.LayerNorm;
import dev.modelcost.Linear;
import dev.modelcost.Network;
import dev.modelcost.PositionEmbedding;
import dev.modelcost.Precision;
import dev.modelcost.Shape;
import dev.modelcost.Stage;

/**
 * {@link Gpt2Small} generating text with a key/value cache in FP16 on an A100: a prompt of 512 tokens, then 512
 * tokens generated, within its context of 1024. The same layers, its decoder block included.
 */
@Network(name = "GPT-2 small, generating", input = @Shape(channels = 1, size = 1024))
@Generation(prompt = 512, tokens = 512)
@Device(preset = DevicePreset.A100, precision = Precision.FP16)
public final class Gpt2SmallGeneration {
    @Embedding(vocabulary = 50_257, dim = 768) Layer wte;
    @PositionEmbedding(positions = 1024) Layer wpe;
    @Stage(block = Gpt2Small.DecoderBlock.class, repeat = 12, with = "heads = 12, mlp = 3072") Layer h;
    @LayerNorm Layer lnF;
    @Linear(out = 50_257, bias = false, tiedTo = "wte") Layer lmHead;
}
