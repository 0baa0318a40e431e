package dev.modelcost.cli.diff;

import static dev.modelcost.Reports.grouped;

import java.util.List;

/**
 * What two reports' comparison of one figure found, ready to print in any format.
 *
 * @param networkBefore the network's name in the report before
 * @param networkAfter the network's name in the report after
 * @param metric the figure compared
 * @param totals the compared figure's total first, then every other total both reports give as a count
 * @param changes the layers whose figure changed, was added or was removed, largest change first (network
 *     order among equal changes)
 * @param layers the number of layers in either report, by name
 * @param perLayer whether either report gives the figure per layer; some (paramBytes, memoryBytes) are totals only
 * @param warning why the two reports may be of different networks; null when they look like one network
 * @param stageChanges the stages (a stage's layers are named {@code stage.repetition.field}) whose sum of the
 *     figure over their layers changed, was added or was removed, in network order
 * @param stages the number of stages in either report, by name
 */
record Diff(String networkBefore, String networkAfter, String metric, List<Change> totals, List<Change> changes,
        int layers, boolean perLayer, String warning, List<Change> stageChanges, int stages) {

    /** The compared figure's total. */
    Change total() {
        return totals.get(0);
    }

    /** E.g. {@code 40 of 174 layers changed}. */
    String layersChanged() {
        return grouped(changes.size()) + " of " + grouped(layers) + " layer" + (layers == 1 ? "" : "s") + " changed";
    }

    /** E.g. {@code 2 of 4 stages changed}. */
    String stagesChanged() {
        return grouped(stageChanges.size()) + " of " + grouped(stages) + " stage" + (stages == 1 ? "" : "s")
                + " changed";
    }

    /** Why no layer is listed: none changed, or the figure is a network total only. */
    String noLayerMessage() {
        return perLayer ? "no layer changed"
                : "the reports give " + metric + " as a network total only, not per layer";
    }
}
