package dev.modelcost.processor.model;

/**
 * The settings of one layer kind, resolved to numbers. Each kind's rule defines its own (in {@code kinds}) and is
 * the only code that reads it, so the interface is open: a new kind adds its settings beside its rule.
 */
public interface LayerSpec {
}
