package dev.modelcost.sample;

import dev.modelcost.ModelCost;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints the cost of every sample network, layer by layer, as the processor counted it at compile time. The
 * figures come from the generated {@code <Name>Cost} classes only.
 */
public final class PrintCosts {
    /** The sample networks, in the order printed. */
    static final List<ModelCost> NETWORKS = List.of(
            DcganGeneratorCost.MODEL,
            GroupedDecoderCost.MODEL,
            MobileNetV1Cost.MODEL,
            DilatedContextModuleCost.MODEL,
            Wav2Vec2FeatureEncoderCost.MODEL,
            R2Plus1dStage1Cost.MODEL,
            LeNet300100Cost.MODEL);

    private PrintCosts() {
    }

    /** Prints the tables to standard output; takes no arguments. */
    public static void main(String[] args) {
        print(System.out);
    }

    /** Prints the conventions, then one table per network. */
    static void print(PrintStream out) {
        CostTable table = new CostTable(out);
        table.printConventions();
        for (ModelCost network : NETWORKS) {
            out.println();
            table.print(network);
        }
    }
}
