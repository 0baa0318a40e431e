package dev.modelcost.sample;

import dev.modelcost.Conv;
import dev.modelcost.Layer;
import dev.modelcost.Network;
import dev.modelcost.Shape;

/**
 * The convolutional feature encoder of wav2vec 2.0 BASE (Baevski et al., 2020; fairseq's
 * {@code conv_feature_layers = [(512, 10, 5)] + [(512, 3, 2)] * 4 + [(512, 2, 2)] * 2}, without bias), on one
 * second of 16 kHz audio: seven 1-D convolutions of 512 channels that turn 16,000 samples into 49 frames, one
 * every 20 ms. The transformer that follows it is not a convolution network and is not declared.
 *
 * <p>Left out: the group normalization after the first convolution (1,024 parameters), for which there is no
 * layer kind, and the GELU after each convolution. Neither adds multiply-accumulates.
 */
@Network(name = "wav2vec 2.0 feature encoder", input = @Shape(channels = 1, size = {16_000}))
public final class Wav2Vec2FeatureEncoder {
    /** 16,000 samples to 3,199 positions. */
    @Conv(out = 512, kernel = 10, stride = 5, bias = false) Layer conv0;
    @Conv(out = 512, kernel = 3, stride = 2, bias = false) Layer conv1;
    @Conv(out = 512, kernel = 3, stride = 2, bias = false) Layer conv2;
    @Conv(out = 512, kernel = 3, stride = 2, bias = false) Layer conv3;
    @Conv(out = 512, kernel = 3, stride = 2, bias = false) Layer conv4;
    @Conv(out = 512, kernel = 2, stride = 2, bias = false) Layer conv5;
    /** 99 positions to the 49 frames. */
    @Conv(out = 512, kernel = 2, stride = 2, bias = false) Layer conv6;
}
