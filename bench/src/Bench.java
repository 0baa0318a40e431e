import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What modelcost adds to javac, next to the floor under any generating processor and to the processors Java
 * users already run. Each workload is one or more source sets; each set is compiled in several modes, every
 * compile a fresh {@code javac} process, the modes interleaved round by round so that a slow spell of a shared
 * machine spreads over all of them; the tables show medians. See {@code bench/run} and README.md.
 *
 * <p>Usage: {@code Bench <work dir> <rounds> <workload>...}, a workload being {@code resnet:<copies>},
 * {@code app} or {@code synthetic:<networks>x<layers>} ({@code <layers>:<networks>}, the old form, works too).
 * Environment: {@code BENCH_JAVAC} (the javac binary), {@code BENCH_CP} (the annotations jar),
 * {@code BENCH_PROCESSOR_PATH} (the processor and annotations jars and this program's classes),
 * {@code BENCH_CLASSES} (this program's classes, for {@link FloorProcessor}), {@code BENCH_SAMPLE} (the sample's
 * network sources), {@code BENCH_ANCHORS} (the anchors to run, of dagger, autovalue, mapstruct, immutables) and
 * {@code BENCH_ANCHORS_DIR} (their class paths: {@code <anchor>.cp} the processor path, {@code <anchor>-api.cp}
 * the class path of their sources).
 */
public final class Bench {
    private static final Map<String, String[]> ANCHORS = new LinkedHashMap<>();

    static {
        // name -> label, the annotation the floor answers on their sources
        ANCHORS.put("dagger", new String[] {"Dagger", "dagger.Component"});
        ANCHORS.put("autovalue", new String[] {"AutoValue", "com.google.auto.value.AutoValue"});
        ANCHORS.put("mapstruct", new String[] {"MapStruct", "org.mapstruct.Mapper"});
        ANCHORS.put("immutables", new String[] {"Immutables", "org.immutables.value.Value.Immutable"});
    }

    private static String javac;
    private static Path work;
    private static int rounds;

    /** One way of compiling a set: javac's options beyond the common ones, and the class path. */
    record Mode(String key, String label, String classPath, List<String> options) {
    }

    /** Sources, how many annotated types they hold, and the modes they are compiled in. */
    record SourceSet(String name, Path sources, int annotated, List<Mode> modes) {
    }

    /** Medians of a mode: wall and CPU seconds, modelcost's own CPU seconds, generated source files. */
    record Result(double wall, double cpu, double own, long generated) {
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        work = Path.of(args[0]);
        rounds = Integer.parseInt(args[1]);
        javac = System.getenv("BENCH_JAVAC");
        List<String> synthetic = new ArrayList<>();
        List<Object[]> summary = new ArrayList<>();
        List<String> sweep = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String spec = args[i];
            if (spec.startsWith("resnet:")) {
                int copies = Integer.parseInt(spec.substring(7));
                Path dir = work.resolve("resnet-" + copies);
                Path src = dir.resolve("src");
                if (!Files.isDirectory(src)) {
                    Sources.resnet(src, Path.of(System.getenv("BENCH_SAMPLE")), copies);
                }
                List<SourceSet> sets = new ArrayList<>();
                sets.add(modelcost("modelcost", src, copies));
                for (String anchor : anchors()) {
                    sets.add(anchor(anchor, dir.resolve(anchor), copies));
                }
                Map<String, Map<String, Result>> results = run(copies + " ResNet-50 copies", sets);
                summary.add(new Object[] {copies + " copies of the sample's ResNet-50 / " + copies
                        + " annotated types", copies, results});
            } else if (spec.equals("app")) {
                Path dir = work.resolve("app");
                Path src = dir.resolve("src");
                if (!Files.isDirectory(src)) {
                    Sources.application(src, 400);
                    Sources.sampleNetworks(src, Path.of(System.getenv("BENCH_SAMPLE")));
                }
                int networks = count(src.resolve("dev/modelcost/sample"));
                Map<String, Map<String, Result>> results = run("400 application classes + the sample's "
                        + networks + " networks", List.of(modelcost("modelcost", src, networks)));
                summary.add(new Object[] {"400 ordinary application classes + the sample's " + networks
                        + " networks", networks, results});
            } else {
                int networks;
                int layers;
                if (spec.contains(":") && !spec.startsWith("synthetic:")) {
                    String[] ln = spec.split(":");
                    layers = Integer.parseInt(ln[0]);
                    networks = Integer.parseInt(ln[1]);
                } else {
                    String[] nl = spec.substring(spec.indexOf(':') + 1).split("x");
                    networks = Integer.parseInt(nl[0]);
                    layers = Integer.parseInt(nl[1]);
                }
                Path dir = work.resolve("synthetic-" + networks + "x" + layers);
                Path src = dir.resolve("src");
                if (!Files.isDirectory(src)) {
                    Sources.synthetic(src, layers, networks);
                }
                Map<String, Map<String, Result>> results = run(networks + " networks x " + layers + " layers",
                        List.of(modelcost("modelcost", src, networks)));
                sweep.add(sweepRow(networks, layers, results.get("modelcost")));
            }
        }
        for (boolean byCpu : new boolean[] {false, true}) {
            if (summary.isEmpty()) {
                break;
            }
            cpu = byCpu;
            System.out.println();
            System.out.println("#### Summary: " + (cpu ? "CPU time of javac's threads" : "wall time")
                    + " over `javac -proc:none` on the same sources");
            System.out.println();
            System.out.println("| work | modelcost | floor | modelcost, reports=none | Dagger | AutoValue | MapStruct "
                    + "| Immutables | modelcost's overhead / the floor's | ms per annotated type beyond the floor: "
                    + "modelcost | Dagger | AutoValue | MapStruct | Immutables |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (Object[] row : summary) {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Result>> results = (Map<String, Map<String, Result>>) row[2];
                System.out.println("| " + String.join(" | ", summaryRow((String) row[0], (Integer) row[1], results))
                        + " |");
            }
        }
        cpu = false;
        if (!sweep.isEmpty()) {
            System.out.println();
            System.out.println("#### Synthetic modules: N networks x L layers");
            System.out.println();
            System.out.println("| N x L | -proc:none | floor | modelcost | modelcost, reports=none "
                    + "| modelcost's overhead / the floor's | per layer beyond -proc:none (µs) "
                    + "| per layer beyond the floor (µs) | modelcost's own code per layer (µs) |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            sweep.forEach(System.out::println);
        }
    }

    private static List<String> anchors() {
        String list = System.getenv().getOrDefault("BENCH_ANCHORS", "");
        return Arrays.stream(list.trim().split("[ ,]+")).filter(a -> !a.isEmpty()).toList();
    }

    private static SourceSet modelcost(String name, Path src, int annotated) {
        String cp = System.getenv("BENCH_CP");
        String pp = System.getenv("BENCH_PROCESSOR_PATH");
        return new SourceSet(name, src, annotated, List.of(
                new Mode("none", "javac -proc:none", cp, List.of("-proc:none")),
                new Mode("floor", "floor (one constant per @Network)", cp,
                        List.of("--processor-path", System.getenv("BENCH_CLASSES"), "-processor", "FloorProcessor")),
                new Mode("full", "modelcost", cp,
                        List.of("--processor-path", pp, "-processor", "TimedProcessor")),
                new Mode("noreports", "modelcost, -Amodelcost.reports=none", cp,
                        List.of("--processor-path", pp, "-processor", "TimedProcessor",
                                "-Amodelcost.reports=none"))));
    }

    private static SourceSet anchor(String anchor, Path dir, int count) throws IOException {
        String[] info = ANCHORS.get(anchor);
        if (info == null) {
            throw new IllegalArgumentException("unknown anchor " + anchor + ", known: " + ANCHORS.keySet());
        }
        Path src = dir.resolve("src");
        if (!Files.isDirectory(src)) {
            switch (anchor) {
                case "dagger" -> Sources.dagger(src, count);
                case "autovalue" -> Sources.autoValue(src, count);
                case "mapstruct" -> Sources.mapStruct(src, count);
                default -> Sources.immutables(src, count);
            }
        }
        Path paths = Path.of(System.getenv("BENCH_ANCHORS_DIR"));
        String pp = Files.readString(paths.resolve(anchor + ".cp")).trim();
        String cp = Files.readString(paths.resolve(anchor + "-api.cp")).trim();
        return new SourceSet(anchor, src, count, List.of(
                new Mode("none", "javac -proc:none", cp, List.of("-proc:none")),
                new Mode("floor", "floor (one constant per @" + info[1].substring(info[1].lastIndexOf('.') + 1)
                        + ")", cp, List.of("--processor-path", System.getenv("BENCH_CLASSES"), "-processor",
                                "FloorProcessor", "-Abench.floor=" + info[1])),
                new Mode("anchor", info[0], cp, List.of("--processor-path", pp))));
    }

    /** Runs the sets' modes interleaved, prints a table, returns the medians by set and mode. */
    private static Map<String, Map<String, Result>> run(String title, List<SourceSet> sets) throws Exception {
        Map<String, double[][][]> runs = new LinkedHashMap<>();
        Map<String, long[]> generated = new LinkedHashMap<>();
        for (SourceSet set : sets) {
            runs.put(set.name(), new double[set.modes().size()][3][rounds]);
            generated.put(set.name(), new long[set.modes().size()]);
        }
        for (int round = 0; round < rounds; round++) {
            for (SourceSet set : sets) {
                for (int m = 0; m < set.modes().size(); m++) {
                    Mode mode = set.modes().get(m);
                    Path module = set.sources().getParent().resolve("runs");
                    double[] run = compile(set, mode, module);
                    for (int i = 0; i < 3; i++) {
                        runs.get(set.name())[m][i][round] = run[i];
                    }
                    generated.get(set.name())[m] = (long) run[3];
                    System.err.printf(Locale.ROOT, "%s: %s %s round %d: %.2f s wall, %.2f s CPU, own %.2f s%n",
                            title, set.name(), mode.key(), round + 1, run[0], run[1], run[2]);
                }
            }
        }
        Map<String, Map<String, Result>> results = new LinkedHashMap<>();
        System.out.println();
        System.out.println("#### " + title + " (" + rounds + " rounds, medians)");
        System.out.println();
        System.out.println("| sources | mode | generated sources | wall (CPU) | / -proc:none "
                + "| overhead / the floor's | per annotated type beyond the floor | modelcost's own code |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
        for (SourceSet set : sets) {
            Map<String, Result> byMode = new LinkedHashMap<>();
            for (int m = 0; m < set.modes().size(); m++) {
                double[][] r = runs.get(set.name())[m];
                byMode.put(set.modes().get(m).key(),
                        new Result(median(r[0]), median(r[1]), median(r[2]), generated.get(set.name())[m]));
            }
            results.put(set.name(), byMode);
            Result none = byMode.get("none");
            Result floor = byMode.get("floor");
            for (int m = 0; m < set.modes().size(); m++) {
                Mode mode = set.modes().get(m);
                Result r = byMode.get(mode.key());
                boolean processes = !mode.key().equals("none");
                boolean beyond = processes && !mode.key().equals("floor");
                System.out.printf(Locale.ROOT, "| %s | %s | %,d | %.2f s (%.2f s) | %s | %s | %s | %s |%n",
                        m == 0 ? set.name() + " (" + set.annotated() + " annotated types)" : "", mode.label(),
                        r.generated(), r.wall(), r.cpu(), processes ? ratio(r, none) : "1.00x",
                        beyond ? overFloor(r, floor, none) : "",
                        beyond ? perType(r, floor, set.annotated()) : "",
                        mode.key().equals("full") || mode.key().equals("noreports")
                                ? String.format(Locale.ROOT, "%.2f s", r.own()) : "");
            }
        }
        return results;
    }

    private static String[] summaryRow(String work, int annotated, Map<String, Map<String, Result>> results) {
        Map<String, Result> mc = results.get("modelcost");
        Result none = mc.get("none");
        List<String> row = new ArrayList<>(List.of(work, ratio(mc.get("full"), none), ratio(mc.get("floor"), none),
                ratio(mc.get("noreports"), none)));
        for (String anchor : ANCHORS.keySet()) {
            Map<String, Result> a = results.get(anchor);
            row.add(a == null ? "" : ratio(a.get("anchor"), a.get("none")));
        }
        row.add(overFloor(mc.get("full"), mc.get("floor"), none));
        row.add(perType(mc.get("full"), mc.get("floor"), annotated));
        for (String anchor : ANCHORS.keySet()) {
            Map<String, Result> a = results.get(anchor);
            row.add(a == null ? "" : perType(a.get("anchor"), a.get("floor"), annotated));
        }
        return row.toArray(String[]::new);
    }

    private static String sweepRow(int networks, int layers, Map<String, Result> r) {
        Result none = r.get("none");
        Result floor = r.get("floor");
        Result full = r.get("full");
        double total = (double) networks * layers;
        return String.format(Locale.ROOT, "| %,d x %,d | %.2f s | %s | %s | %s | %s | %.0f | %.0f | %.0f |",
                networks, layers, none.wall(), ratio(floor, none), ratio(full, none), ratio(r.get("noreports"), none),
                overFloor(full, floor, none), 1e6 * (full.wall() - none.wall()) / total,
                1e6 * (full.wall() - floor.wall()) / total, 1e6 * full.own() / total);
    }

    /** Which median the summary compares: wall time, or the CPU time of javac's threads. */
    private static boolean cpu;

    private static double t(Result r) {
        return cpu ? r.cpu() : r.wall();
    }

    /** "2.20x (+1.54 s)". */
    private static String ratio(Result with, Result none) {
        return String.format(Locale.ROOT, "%.2fx (%+.2f s)", t(with) / t(none), t(with) - t(none));
    }

    /** The overhead beyond -proc:none as a multiple of the floor's: "3.4x the floor's". */
    private static String overFloor(Result with, Result floor, Result none) {
        double base = t(floor) - t(none);
        return base <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1fx the floor's", (t(with) - t(none)) / base);
    }

    /** Milliseconds per annotated type beyond the floor. */
    private static String perType(Result with, Result floor, int annotated) {
        return String.format(Locale.ROOT, "%.1f ms", 1e3 * (t(with) - t(floor)) / annotated);
    }

    private static int count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.count();
        }
    }

    /**
     * One javac process: its wall time, its CPU time, the CPU time of modelcost's own code (seconds) and the
     * number of source files generated.
     */
    private static double[] compile(SourceSet set, Mode mode, Path module) throws IOException, InterruptedException {
        Files.createDirectories(module);
        Path out = module.resolve("out-" + mode.key());
        deleteTree(out);
        Path gen = out.resolve("generated");
        Files.createDirectories(gen);
        Path ownTime = module.resolve("processor-seconds");
        Files.deleteIfExists(ownTime);
        List<String> command = new ArrayList<>(List.of("-cp", mode.classPath(), "-d", out.toString(), "-s",
                gen.toString(), "-encoding", "UTF-8"));
        command.addAll(mode.options());
        try (Stream<Path> files = Files.walk(set.sources())) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> command.add(f.toString()));
        }
        Path argFile = module.resolve("javac-args-" + mode.key());
        // An @file, so that thousands of sources fit any command line; -J options must stay outside it.
        Files.write(argFile, command.stream().map(Bench::quote).toList());
        // bash's time: the wall time, and the CPU time of javac's threads (compiler, JIT, GC), which a machine
        // busy with other work inflates less.
        Path times = module.resolve("times-" + mode.key());
        Path log = module.resolve("javac-" + mode.key() + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "TIMEFORMAT='%R %U %S'; { time \"$@\" > \"$BENCH_LOG\" 2>&1; } 2> \"$BENCH_TIMES\"", "bash",
                javac, "-J-Dbench.processorTime=" + ownTime, "@" + argFile);
        builder.environment().put("BENCH_LOG", log.toString());
        builder.environment().put("BENCH_TIMES", times.toString());
        int exit = builder.inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("javac failed (" + exit + ") on " + set.name() + " in mode "
                    + mode.key() + ", see " + log);
        }
        String[] measured = Files.readString(times).trim().split("\\s+");
        double wall = Double.parseDouble(measured[0]);
        double cpu = Double.parseDouble(measured[1]) + Double.parseDouble(measured[2]);
        double own = Files.exists(ownTime) ? Double.parseDouble(Files.readString(ownTime).trim()) : 0;
        long generated;
        try (Stream<Path> files = Files.walk(gen)) {
            generated = files.filter(f -> f.toString().endsWith(".java")).count();
        }
        return new double[] {wall, cpu, own, generated};
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
