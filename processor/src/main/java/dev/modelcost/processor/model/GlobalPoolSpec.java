package dev.modelcost.processor.model;

/**
 * Pooling over every spatial position ({@code adaptiveSize} null), or PyTorch's adaptive pooling to a size.
 *
 * @param max whether it takes the maximum (else the mean)
 * @param adaptiveSize the output size of adaptive pooling, or null for global pooling
 */
public record GlobalPoolSpec(boolean max, IntsValue adaptiveSize) implements LayerSpec {
}
