package dev.modelcost.sample;

import dev.modelcost.Device;
import dev.modelcost.DevicePreset;
import dev.modelcost.Embedding;
import dev.modelcost.Generation;
import dev.modelcost.Layer;
import dev.modelcost.Linear;
import dev.modelcost.Network;
import dev.modelcost.Precision;
import dev.modelcost.RMSNorm;
import dev.modelcost.Shape;
import dev.modelcost.Stage;

/**
 * {@link Llama32OneB} generating text with a key/value cache in BF16 on an A100: a prompt of 1024 tokens, then
 * 1024 tokens generated, within its context of 2048. The same layers, its decoder layer included.
 */
@Network(name = "Llama 3.2 1B, generating", input = @Shape(channels = 1, size = 2048))
@Generation(prompt = 1024, tokens = 1024)
@Device(preset = DevicePreset.A100, precision = Precision.BF16)
public final class Llama32OneBGeneration {
    @Embedding(vocabulary = 128_256, dim = 2048) Layer embedTokens;
    @Stage(block = Llama32OneB.DecoderLayer.class, repeat = 16) Layer layers;
    @RMSNorm Layer norm;
    @Linear(out = 128_256, bias = false, tiedTo = "embedTokens") Layer lmHead;
}
