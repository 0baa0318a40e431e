package dev.modelcost;

/**
 * A marker type for layer fields, for networks declared without a framework. The processor reads only a
 * field's annotations; any field type works.
 */
public interface Layer {
}
