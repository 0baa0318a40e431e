package dev.modelcost.sample;

import dev.modelcost.Convention;
import dev.modelcost.ModelCost;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prints the cost of the sample networks as the processor counted it at compile time; the figures come from the
 * generated {@code <Name>Cost} classes only.
 *
 * <p>Without arguments it prints every network's totals side by side. With arguments, each a network's class
 * name or display name (case, spaces and punctuation ignored, so {@code ResNet50}, {@code resnet-50} and
 * {@code "ResNet-50"} are the same), or {@code all}, it prints those networks' tables: each stage and block
 * repetition with its sums and shares, the layers under it. {@code --depth N} folds the tables below depth
 * {@code N} (1: the stages and the layers outside them; 2: the blocks too):
 *
 * <pre>
 * mvn -q -DskipTests package exec:java                                     # the summary
 * mvn -q -DskipTests package exec:java -Dexec.args="ResNet50"              # ResNet-50 layer by layer
 * mvn -q -DskipTests package exec:java -Dexec.args="ResNet50 --depth 1"    # by stage
 * </pre>
 */
public final class PrintCosts {
    /** The argument that asks for every network's table. */
    static final String ALL = "all";
    /** The option that folds the tables below a depth, as {@code --depth 2} or {@code --depth=2}. */
    static final String DEPTH = "--depth";
    /** The exit status when an argument names no network, or {@code --depth} has no depth of 1 or more. */
    static final int UNKNOWN_NETWORK = 2;
    /** The sample networks by class name, in the order printed. */
    static final Map<String, ModelCost> NETWORKS = networks();
    /** The figures the tables show, whose conventions head every run. */
    private static final List<Convention> SHOWN = List.of(Convention.MACS, Convention.FLOPS, Convention.PARAMS,
            Convention.ACTIVATIONS, Convention.PEAK_ACTIVATION_BYTES);

    private PrintCosts() {
    }

    private static Map<String, ModelCost> networks() {
        Map<String, ModelCost> networks = new LinkedHashMap<>();
        networks.put("AlexNet", AlexNetCost.MODEL);
        networks.put("Vgg16", Vgg16Cost.MODEL);
        networks.put("ResNet18", ResNet18Cost.MODEL);
        networks.put("ResNet50", ResNet50Cost.MODEL);
        networks.put("MobileNetV2", MobileNetV2Cost.MODEL);
        networks.put("DcganGenerator", DcganGeneratorCost.MODEL);
        networks.put("UNet", UNetCost.MODEL);
        networks.put("VitB16", VitB16Cost.MODEL);
        networks.put("SwinT", SwinTCost.MODEL);
        networks.put("Gpt2Small", Gpt2SmallCost.MODEL);
        networks.put("Llama32OneB", Llama32OneBCost.MODEL);
        networks.put("LstmLanguageModel", LstmLanguageModelCost.MODEL);
        networks.put("MobileNetV1", MobileNetV1Cost.MODEL);
        networks.put("GroupedDecoder", GroupedDecoderCost.MODEL);
        networks.put("DilatedContextModule", DilatedContextModuleCost.MODEL);
        networks.put("Wav2Vec2FeatureEncoder", Wav2Vec2FeatureEncoderCost.MODEL);
        networks.put("R2Plus1dStage1", R2Plus1dStage1Cost.MODEL);
        networks.put("LeNet300100", LeNet300100Cost.MODEL);
        return Collections.unmodifiableMap(networks);
    }

    /** Prints to standard output; an unknown network name is reported on standard error, exit status 2. */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Prints the summary (no arguments) or the named networks' tables; returns the exit status, 0 or
     * {@link #UNKNOWN_NETWORK} (then nothing is printed to {@code out}).
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<ModelCost> chosen = new ArrayList<>();
        int depth = CostTable.EVERY_DEPTH;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals(DEPTH) || arg.startsWith(DEPTH + "=")) {
                String value = arg.equals(DEPTH) ? (i + 1 < args.length ? args[++i] : "") : arg.substring(
                        DEPTH.length() + 1);
                depth = depth(value);
                if (depth < 1) {
                    err.println(DEPTH + " takes a depth of 1 or more (1: stages, 2: their blocks too), not '"
                            + value + "'.");
                    return UNKNOWN_NETWORK;
                }
            } else if (normalized(arg).equals(ALL)) {
                chosen.addAll(NETWORKS.values());
            } else {
                ModelCost network = find(arg);
                if (network == null) {
                    err.println("No sample network is called '" + arg + "'. The networks: "
                            + String.join(", ", NETWORKS.keySet()) + "; or " + ALL + " for every one.");
                    return UNKNOWN_NETWORK;
                }
                chosen.add(network);
            }
        }
        printConventions(out);
        if (chosen.isEmpty()) {
            out.println();
            new SummaryTable(out).print(NETWORKS.values());
            out.println();
            out.println("Tables by stage and layer: give network names (or \"" + ALL + "\") as arguments, and "
                    + DEPTH + " 1 for stages only, e.g.");
            out.println("  mvn -q -DskipTests package exec:java -Dexec.args=\"ResNet50 UNet\"");
            out.println("  mvn -q -DskipTests package exec:java -Dexec.args=\"ResNet50 " + DEPTH + " 1\"");
        }
        CostTable table = new CostTable(out, depth);
        for (ModelCost network : chosen) {
            out.println();
            table.print(network);
        }
        return 0;
    }

    /**
     * The depth a {@code --depth} value gives, a depth deeper than any network's meaning no limit; 0 if it is not a
     * whole number.
     */
    private static int depth(String value) {
        if (!value.matches("[0-9]+")) {
            return 0;
        }
        String digits = value.replaceFirst("^0+(?=.)", "");
        return digits.length() > 9 ? CostTable.EVERY_DEPTH : Integer.parseInt(digits);
    }

    /** The network whose class name or display name is the argument's, ignoring case and punctuation. */
    static ModelCost find(String name) {
        String wanted = normalized(name);
        for (Map.Entry<String, ModelCost> entry : NETWORKS.entrySet()) {
            if (normalized(entry.getKey()).equals(wanted) || normalized(entry.getValue().name()).equals(wanted)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String normalized(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** What the figures count, in the words of {@link Convention} that the Markdown reports use too. */
    private static void printConventions(PrintStream out) {
        out.println("Cost per input sample (batch 1), counted at compile time by modelcost.");
        for (Convention figure : SHOWN) {
            out.println("  " + figure.label() + ": " + figure.summary());
        }
        Set<String> precisions = new TreeSet<>();
        NETWORKS.values().forEach(network -> precisions.add(network.precision()));
        out.println("Bytes are at " + String.join(", ", precisions) + ".");
    }
}
