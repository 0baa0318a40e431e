package dev.modelcost.processor.model;

import dev.modelcost.processor.diag.Position;

/**
 * A layer's statement that its weight matrix is an earlier layer's ({@code @Linear(tiedTo = "wte")}).
 *
 * @param owner the name of that layer as written, in the scope of the layer that ties to it
 * @param position where the name is written
 */
public record WeightTie(String owner, Position position) {
}
