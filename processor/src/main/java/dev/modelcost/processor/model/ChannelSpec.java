package dev.modelcost.processor.model;

/**
 * A layer that rearranges channels without computing: a slice of them ({@code from} and {@code to}), a shuffle
 * ({@code groups}), or a flattening to a vector (all null).
 *
 * @param from first channel kept, for a slice
 * @param to one past the last channel kept, for a slice
 * @param groups groups, for a shuffle
 */
public record ChannelSpec(IntValue from, IntValue to, IntValue groups) implements LayerSpec {
}
