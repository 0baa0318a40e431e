package dev.modelcost.sample;

import dev.modelcost.Activation;
import dev.modelcost.ActivationFunction;
import dev.modelcost.Conv;
import dev.modelcost.GroupNorm;
import dev.modelcost.Layer;
import dev.modelcost.Network;
import dev.modelcost.Shape;

/**
 * The convolutional feature encoder of wav2vec 2.0 BASE (Baevski et al., 2020; fairseq's
 * {@code conv_feature_layers = [(512, 10, 5)] + [(512, 3, 2)] * 4 + [(512, 2, 2)] * 2}, without bias, in its
 * default mode), on one second of 16 kHz audio: seven 1-D convolutions of 512 channels that turn 16,000 samples
 * into 49 frames, one every 20 ms, each followed by a GELU, the first also by a group normalization with a group
 * per channel. The dropouts between them are 0 and left out. The transformer that follows is not a convolution
 * network and is not declared.
 */
@Network(name = "wav2vec 2.0 feature encoder", input = @Shape(channels = 1, size = {16_000}))
public final class Wav2Vec2FeatureEncoder {
    /** 16,000 samples to 3,199 positions. */
    @Conv(out = 512, kernel = 10, stride = 5, bias = false) Layer conv0;
    @GroupNorm(512) Layer norm0;
    @Activation(ActivationFunction.GELU) Layer gelu0;
    @Conv(out = 512, kernel = 3, stride = 2, bias = false) Layer conv1;
    @Activation(ActivationFunction.GELU) Layer gelu1;
    @Conv(out = 512, kernel = 3, stride = 2, bias = false) Layer conv2;
    @Activation(ActivationFunction.GELU) Layer gelu2;
    @Conv(out = 512, kernel = 3, stride = 2, bias = false) Layer conv3;
    @Activation(ActivationFunction.GELU) Layer gelu3;
    @Conv(out = 512, kernel = 3, stride = 2, bias = false) Layer conv4;
    @Activation(ActivationFunction.GELU) Layer gelu4;
    @Conv(out = 512, kernel = 2, stride = 2, bias = false) Layer conv5;
    @Activation(ActivationFunction.GELU) Layer gelu5;
    /** 99 positions to the 49 frames. */
    @Conv(out = 512, kernel = 2, stride = 2, bias = false) Layer conv6;
    @Activation(ActivationFunction.GELU) Layer gelu6;
}
