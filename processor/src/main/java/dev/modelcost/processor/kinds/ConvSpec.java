package dev.modelcost.processor.kinds;

import dev.modelcost.processor.diag.Position;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.IntsValue;
import dev.modelcost.processor.model.LayerSpec;

/**
 * The settings of a convolution or transposed convolution, as written.
 *
 * @param transposed whether it is a transposed convolution ({@code @Deconv})
 * @param out output channels
 * @param kernel kernel size
 * @param stride stride
 * @param padding padding on each side
 * @param dilation dilation
 * @param outputPadding output padding; null for a convolution
 * @param bias whether it has a bias
 * @param same whether {@code paddingMode = SAME}
 * @param paddingModePosition where {@code paddingMode} is
 * @param grouping its {@code @Grouped}, or null
 */
public record ConvSpec(
        boolean transposed,
        IntValue out,
        IntsValue kernel,
        IntsValue stride,
        IntsValue padding,
        IntsValue dilation,
        IntsValue outputPadding,
        boolean bias,
        boolean same,
        Position paddingModePosition,
        Grouping grouping) implements LayerSpec {
}
