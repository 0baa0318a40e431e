import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What modelcost adds to javac: generates modules of N networks x L layers, compiles each with {@code javac
 * -proc:none} and with the processor (reports on and off), each run a fresh {@code javac} process, and prints
 * the medians as a Markdown table. See {@code bench/run} for the command and README.md for the results.
 *
 * <p>Usage: {@code Bench <work dir> <reps> <L:N>...}, with the environment variables {@code BENCH_CP} (the
 * annotations jar), {@code BENCH_PROCESSOR_PATH} (processor, annotations and JavaPoet jars, and this program's
 * classes, for {@link TimedProcessor}) and {@code BENCH_JAVAC} (the javac binary).
 */
public final class Bench {
    /** javac alone; with the floor processor; with modelcost; with modelcost and no reports. */
    private static final String[] MODES = {"none", "floor", "full", "noreports"};

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int reps = Integer.parseInt(args[1]);
        List<int[]> sizes = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] ln = args[i].split(":");
            sizes.add(new int[] {Integer.parseInt(ln[0]), Integer.parseInt(ln[1])});
        }
        String javac = System.getenv("BENCH_JAVAC");
        String classPath = System.getenv("BENCH_CP");
        String processorPath = System.getenv("BENCH_PROCESSOR_PATH");

        System.out.println("| L layers per network | N networks | javac -proc:none | javac + an empty processor "
                + "| javac + modelcost | added by modelcost / javac | beyond the empty processor / javac "
                + "| added per layer (µs) | modelcost's own code | own code per layer (µs) | modelcost, reports=none |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int[] size : sizes) {
            int layers = size[0];
            int networks = size[1];
            Path module = work.resolve("L" + layers + "xN" + networks);
            Path sources = generate(module.resolve("src"), layers, networks);
            // [mode][wall, cpu, own][run]
            double[][][] runs = new double[MODES.length][3][reps];
            // Interleaved, so that a slow spell of a shared machine spreads over every mode.
            for (int rep = 0; rep < reps; rep++) {
                for (int mode = 0; mode < MODES.length; mode++) {
                    double[] run = compile(javac, classPath, processorPath, MODES[mode], sources, module);
                    for (int i = 0; i < run.length; i++) {
                        runs[mode][i][rep] = run[i];
                    }
                    System.err.printf(Locale.ROOT, "L=%d N=%d %s run %d: %.2f s wall, %.2f s CPU, processor %.2f s%n",
                            layers, networks, MODES[mode], rep + 1, run[0], run[1], run[2]);
                }
            }
            long total = (long) layers * networks;
            double[][] median = new double[MODES.length][];
            for (int mode = 0; mode < MODES.length; mode++) {
                median[mode] = new double[] {median(runs[mode][0]), median(runs[mode][1])};
            }
            double own = median(runs[2][2]);
            System.out.printf(Locale.ROOT, "| %,d | %,d | %s | %s | %s | %s | %s | %s | %.2f s | %.0f | %s |%n",
                    layers, networks, seconds(median[0]), seconds(median[1]), seconds(median[2]),
                    ratio(median[0], median[0], median[2]), ratio(median[0], median[1], median[2]),
                    perLayer(median[0], median[2], total), own, 1e6 * own / total, seconds(median[3]));
        }
    }

    /** Wall (CPU) seconds. */
    private static String seconds(double[] wallCpu) {
        return String.format(Locale.ROOT, "%.2f s (%.2f s)", wallCpu[0], wallCpu[1]);
    }

    /** What {@code with} takes beyond {@code base}, as a share of javac's own time ({@code alone}). */
    private static String ratio(double[] alone, double[] base, double[] with) {
        return String.format(Locale.ROOT, "%+.0f%% (%+.0f%%)", 100 * (with[0] - base[0]) / alone[0],
                100 * (with[1] - base[1]) / alone[1]);
    }

    private static String perLayer(double[] alone, double[] with, long layers) {
        return String.format(Locale.ROOT, "%.0f (%.0f)", 1e6 * (with[0] - alone[0]) / layers,
                1e6 * (with[1] - alone[1]) / layers);
    }

    /**
     * N files of one network each, L layers repeating convolution, batch normalization and ReLU on 16x8x8 (a shape
     * that every layer keeps, so that any L is valid).
     */
    private static Path generate(Path sources, int layers, int networks) throws IOException {
        Path dir = sources.resolve("bench");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.count() == networks) {
                    return sources;
                }
            }
        }
        Files.createDirectories(dir);
        for (int n = 0; n < networks; n++) {
            StringBuilder text = new StringBuilder()
                    .append("package bench;\n\nimport dev.modelcost.*;\n\n")
                    .append("@Network(input = @Shape(channels = 16, size = {8, 8}))\n")
                    .append("public class Net").append(n).append(" {\n");
            for (int i = 0; i < layers; i++) {
                text.append(switch (i % 3) {
                    case 0 -> "    @Conv(out = 16, kernel = 3, padding = 1) Layer conv" + i + ";\n";
                    case 1 -> "    @BatchNorm Layer bn" + i + ";\n";
                    default -> "    @Activation(ActivationFunction.RELU) Layer relu" + i + ";\n";
                });
            }
            Files.writeString(dir.resolve("Net" + n + ".java"), text.append("}\n"), StandardCharsets.UTF_8);
        }
        return sources;
    }

    /** One javac process: its wall time, its CPU time and the CPU time of the processor's own code, in seconds. */
    private static double[] compile(String javac, String classPath, String processorPath, String mode, Path sources,
            Path module) throws IOException, InterruptedException {
        Path out = module.resolve("out-" + mode);
        deleteTree(out);
        Files.createDirectories(out);
        Path ownTime = module.resolve("processor-seconds");
        Files.deleteIfExists(ownTime);
        List<String> command = new ArrayList<>(List.of("-cp", classPath, "-d", out.toString(), "-encoding", "UTF-8"));
        if (mode.equals("none")) {
            command.add("-proc:none");
        } else if (mode.equals("floor")) {
            command.addAll(List.of("--processor-path", processorPath, "-processor", FloorProcessor.class.getName()));
        } else {
            command.addAll(List.of("--processor-path", processorPath, "-processor", TimedProcessor.class.getName()));
            if (mode.equals("noreports")) {
                command.add("-Amodelcost.reports=none");
            }
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> command.add(f.toString()));
        }
        Path argFile = module.resolve("javac-args-" + mode);
        // An @file, so that thousands of sources fit any command line; -J options must stay outside it.
        Files.write(argFile, command.stream().map(Bench::quote).toList());
        // bash's time: the wall time, and the CPU time of javac's threads (compiler, JIT, GC), which a machine
        // busy with other work inflates less.
        Path times = module.resolve("times-" + mode);
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "TIMEFORMAT='%R %U %S'; { time \"$@\" > \"$BENCH_LOG\" 2>&1; } 2> \"$BENCH_TIMES\"", "bash",
                javac, "-J-Dbench.processorTime=" + ownTime, "@" + argFile);
        builder.environment().put("BENCH_LOG", module.resolve("javac-" + mode + ".log").toString());
        builder.environment().put("BENCH_TIMES", times.toString());
        int exit = builder.inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("javac failed (" + exit + ") in mode " + mode + ", see "
                    + module.resolve("javac-" + mode + ".log"));
        }
        String[] measured = Files.readString(times).trim().split("\\s+");
        double wall = Double.parseDouble(measured[0]);
        double cpu = Double.parseDouble(measured[1]) + Double.parseDouble(measured[2]);
        double own = Files.exists(ownTime) ? Double.parseDouble(Files.readString(ownTime).trim()) : 0;
        return new double[] {wall, cpu, own};
    }

    private static String quote(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
