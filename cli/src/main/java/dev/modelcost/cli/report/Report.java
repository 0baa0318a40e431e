package dev.modelcost.cli.report;

import java.util.Map;
import java.util.Set;

/**
 * The parts of one report that a comparison of one figure needs.
 *
 * @param network the network's display name
 * @param metric the figure read, a key of the report's totals
 * @param total the network's total of that figure
 * @param layers each layer's value of that figure, by layer name in report order; layers without it are absent
 * @param otherTotals the report's other totals that are counts, by name in report order (a null total is absent)
 * @param layerNames every layer's name in report order, whether or not it has the figure
 */
public record Report(String network, String metric, long total, Map<String, Long> layers,
        Map<String, Long> otherTotals, Set<String> layerNames) {
}
