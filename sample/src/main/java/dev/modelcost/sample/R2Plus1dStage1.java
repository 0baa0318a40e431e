package dev.modelcost.sample;

import dev.modelcost.Conv;
import dev.modelcost.Layer;
import dev.modelcost.Network;
import dev.modelcost.Shape;

/**
 * The first layers of R(2+1)D-18 (Tran et al., 2018, "A Closer Look at Spatiotemporal Convolutions for Action
 * Recognition"), as torchvision's {@code r2plus1d_18} defines them, on a 16-frame 112x112 clip: the stem and the
 * first stage ({@code layer1}). Every 3-D convolution is factored into a spatial one, kernel 1x3x3 (1x7x7 in
 * the stem), and a temporal one, kernel 3x1x1; between them, {@code (64*64*27) / (64*9 + 3*64) = 144} middle
 * channels give the pair as many parameters as one 3x3x3 convolution would have had.
 *
 * <p>Only the convolutions of the stem and the first stage are declared: the later stages, and the batch
 * normalization, ReLU and residual additions of these (declared as in {@link ResNet18}), are left out; none of
 * the latter adds multiply-accumulates.
 */
@Network(name = "R(2+1)D-18 stem and stage 1", input = @Shape(channels = 3, size = {16, 112, 112}))
public final class R2Plus1dStage1 {
    /** Stem, spatial: halves height and width. */
    @Conv(out = 45, kernel = {1, 7, 7}, stride = {1, 2, 2}, padding = {0, 3, 3}, bias = false) Layer stemSpatial;
    /** Stem, temporal. */
    @Conv(out = 64, kernel = {3, 1, 1}, padding = {1, 0, 0}, bias = false) Layer stemTemporal;

    @Conv(out = 144, kernel = {1, 3, 3}, padding = {0, 1, 1}, bias = false) Layer block1Conv1Spatial;
    @Conv(out = 64, kernel = {3, 1, 1}, padding = {1, 0, 0}, bias = false) Layer block1Conv1Temporal;
    @Conv(out = 144, kernel = {1, 3, 3}, padding = {0, 1, 1}, bias = false) Layer block1Conv2Spatial;
    @Conv(out = 64, kernel = {3, 1, 1}, padding = {1, 0, 0}, bias = false) Layer block1Conv2Temporal;

    @Conv(out = 144, kernel = {1, 3, 3}, padding = {0, 1, 1}, bias = false) Layer block2Conv1Spatial;
    @Conv(out = 64, kernel = {3, 1, 1}, padding = {1, 0, 0}, bias = false) Layer block2Conv1Temporal;
    @Conv(out = 144, kernel = {1, 3, 3}, padding = {0, 1, 1}, bias = false) Layer block2Conv2Spatial;
    @Conv(out = 64, kernel = {3, 1, 1}, padding = {1, 0, 0}, bias = false) Layer block2Conv2Temporal;
}
