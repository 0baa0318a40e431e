package dev.modelcost.processor.property;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.property.Spec.Kind;
import dev.modelcost.processor.property.Spec.Network;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.RecordingProcessor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property-based tests: thousands of random networks, valid and deliberately broken, compiled in process fifty to
 * a javac run. For every one of them:
 *
 * <ol>
 *   <li>no exception escapes the processor: javac never throws and never reports {@code [MC002]};
 *   <li>a broken network gets at least one error with a catalog key, in its own file, among them the key of the
 *       mistake the generator made, and no cost class; a valid one compiles without a diagnostic;
 *   <li>a valid network's generated code compiles under {@code -Xlint:all -Werror};
 *   <li>every layer of a valid network has the shapes {@link Semantics} derives, and each convolution's,
 *       transposed convolution's and dense layer's MACs equal the multiplications {@link Oracle}'s naive loops
 *       execute;
 *   <li>every layer normalization has the kind, FLOPs and parameters {@link Oracle#layerNorm} works out, and
 *       every per-token layer (linear, tied or not, embedding, learned tensor, position embedding, RMS norm, gated
 *       MLP) the kind, MACs, FLOPs and parameters {@link TokenSemantics}' loops count;
 *   <li>every recurrent layer has the kind, MACs, FLOPs and parameters {@link RecurrenceOracle} counts by running
 *       it: every step, every layer, every direction.
 *   <li>every layer that only moves elements (tokens, maps, reshapes, permutations, pixel shuffles) has its kind,
 *       the shape {@link SequenceOracle} finds by sending each element where PyTorch puts it, and no FLOPs or
 *       parameters.
 *   <li>every attention layer has the kind, MACs, FLOPs and parameters {@link AttentionOracle}'s loops count:
 *       every query against every key, per head, per window; every product of two activations and rotary
 *       embedding, likewise.
 * </ol>
 *
 * <p>The seed is fixed, so that every build checks the same networks and a failure is never a matter of luck;
 * {@code -Dmodelcost.property.seed=...} explores others. The seed is printed, and a failure prints it with the failing networks' sources (also written to {@code target/property-failures/}), so any
 * failure reproduces with {@code mvn -o -pl annotations,processor verify -Dtest=PropertyTest
 * -Dmodelcost.property.seed=SEED}. {@code -Dmodelcost.property.networks=N} sets how many networks each test
 * draws.
 */
class PropertyTest {
    private static final long SEED = Long.getLong("modelcost.property.seed", 1L);
    private static final int NETWORKS = Integer.getInteger("modelcost.property.networks", 1200);
    private static final int BATCH = 50;
    /** Far more than any batch needs: a hang is a failure, not a slow run. */
    private static final long TIMEOUT_SECONDS = 120;
    private static final String PACKAGE = "p";
    /** The catalog's keys as messages start with them: {@code [MC107]}. */
    private static final Set<String> KEYS = Arrays.stream(dev.modelcost.processor.diag.Diagnostic.values())
            .map(d -> "[" + d.key() + "]").collect(Collectors.toSet());
    private static final Set<Diagnostic.Kind> ERRORS_AND_WARNINGS = Set.of(Diagnostic.Kind.ERROR,
            Diagnostic.Kind.WARNING, Diagnostic.Kind.MANDATORY_WARNING);
    private static final int SHOWN = 5;

    private static ExecutorService compiler;

    @BeforeAll
    static void start() {
        System.out.printf("PropertyTest: seed %d (-Dmodelcost.property.seed=%d reproduces this run)%n", SEED, SEED);
        compiler = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "property-javac");
            thread.setDaemon(true); // a hung javac must not keep the test JVM alive
            return thread;
        });
    }

    @AfterAll
    static void stop() {
        compiler.shutdownNow();
    }

    /** One generated network. */
    private record Case(long seed, Network network, String source, JavaFileObject file, Mutation mutation,
            Semantics meaning) {
        String name() {
            return network.name;
        }

        String costClass() {
            return PACKAGE + "." + network.name + "Cost";
        }

        String describe() {
            return "network " + name() + " (network seed " + seed + (mutation == null ? ", valid"
                    : ", broken by " + mutation.name() + ", expecting [" + mutation.key() + "]") + ")";
        }
    }

    /** Each network's own seed, from the run's seed and its index, so that one network can be drawn alone. */
    private static long networkSeed(long salt, int index) {
        return new Random(SEED ^ salt * 0x9E3779B97F4A7C15L ^ index * 0xC2B2AE3D27D4EB4FL).nextLong();
    }

    private static Case validCase(int index) {
        long seed = networkSeed(1, index);
        Network network = NetworkGenerator.generate(seed, "V" + index);
        String source = network.render(PACKAGE);
        return new Case(seed, network, source, file(network.name, source), null, Semantics.of(network, true));
    }

    private static Case brokenCase(int index) {
        long seed = networkSeed(2, index);
        Network network = NetworkGenerator.generate(seed, "X" + index);
        Semantics meaning = Semantics.of(network, false);
        Mutation mutation = Mutations.breakOne(network, meaning, new Random(seed));
        String source = network.render(PACKAGE);
        return new Case(seed, network, source, file(network.name, source), mutation, null);
    }

    private static JavaFileObject file(String name, String source) {
        return JavaFileObjects.forSourceString(PACKAGE + "." + name, source);
    }

    @Test
    void validNetworksCompileCleanlyAndCountWhatNaiveLoopsCount() {
        Failures failures = new Failures("valid");
        for (int start = 0; start < NETWORKS; start += BATCH) {
            List<Case> batch = new ArrayList<>();
            for (int i = start; i < Math.min(NETWORKS, start + BATCH); i++) {
                batch.add(validCase(i));
            }
            while (!batch.isEmpty()) {
                batch = checkValidBatch(batch, failures);
            }
        }
        failures.assertNone();
    }

    @Test
    void brokenNetworksGetAnErrorWithACatalogKeyInTheirFile() {
        Failures failures = new Failures("broken");
        for (int start = 0; start < NETWORKS; start += BATCH) {
            List<Case> batch = new ArrayList<>();
            for (int i = start; i < Math.min(NETWORKS, start + BATCH); i++) {
                batch.add(brokenCase(i));
            }
            RecordingProcessor processor = new RecordingProcessor();
            // javac stops printing after 100 errors by default; every one is needed here.
            Compilation compilation = compile(batch, failures, cases -> javac().withProcessors(processor)
                    .withOptions("-Xmaxerrs", "100000", "-Xmaxwarns", "100000").compile(files(cases)));
            for (Case c : batch) {
                List<String> errors = diagnosticsIn(compilation, c, Set.of(Diagnostic.Kind.ERROR));
                String expected = "[" + c.mutation().key() + "]";
                if (errors.stream().noneMatch(e -> e.startsWith(expected))) {
                    failures.add(c, "no error " + expected + "; its errors: " + errors);
                }
                List<String> unkeyed = errors.stream().filter(e -> !KEYS.contains(keyOf(e))).toList();
                if (!unkeyed.isEmpty()) {
                    failures.add(c, "errors without a catalog key: " + unkeyed);
                }
                if (c.mutation().breaksNetwork() && processor.createdSources().contains(c.costClass())) {
                    failures.add(c, "a cost class was generated for a network with errors");
                }
            }
            unattributed(compilation, batch, failures);
        }
        failures.assertNone();
    }

    /**
     * Compiles valid networks under {@code -Xlint:all -Werror} and checks each one's model. A network with a
     * diagnostic fails, and then javac generates nothing for the others: returns them, to be compiled again
     * without it (empty when done).
     */
    private static List<Case> checkValidBatch(List<Case> batch, Failures failures) {
        Compiled compiled = compile(batch, failures, cases -> Compiled.sources(files(cases), "-Xlint:all", "-Werror"));
        Compilation compilation = compiled.compilation();
        unattributed(compilation, batch, failures);
        List<Case> clean = new ArrayList<>();
        for (Case c : batch) {
            List<String> diagnostics = diagnosticsIn(compilation, c, ERRORS_AND_WARNINGS);
            if (diagnostics.isEmpty()) {
                clean.add(c);
            } else {
                failures.add(c, "diagnostics on a valid network: " + diagnostics);
            }
        }
        if (compilation.status() == Compilation.Status.SUCCESS) {
            clean.forEach(c -> checkModel(c, compiled, failures));
            return List.of();
        }
        if (clean.size() == batch.size()) {
            // Failed, but not in any network's file: unattributed() has said why, or nothing has.
            failures.add(batch.get(0), "the batch failed to compile: " + compilation.diagnostics());
            throw failures.report();
        }
        return clean;
    }

    /** The generated model agrees with the test's semantics, layer by layer. */
    private static void checkModel(Case c, Compiled compiled, Failures failures) {
        ModelCost model;
        try {
            model = compiled.model(c.costClass());
        } catch (AssertionError | RuntimeException e) {
            failures.add(c, "no cost class: " + e.getMessage());
            return;
        }
        List<Semantics.Layer> expected = c.meaning().layers();
        List<LayerCost> actual = model.layers();
        List<String> names = actual.stream().map(LayerCost::name).toList();
        List<String> expectedNames = expected.stream().map(Semantics.Layer::name).toList();
        if (!names.equals(expectedNames)) {
            failures.add(c, "layers " + names + ", expected " + expectedNames);
            return;
        }
        long totalMacs = 0;
        for (int i = 0; i < expected.size(); i++) {
            Semantics.Layer want = expected.get(i);
            LayerCost got = actual.get(i);
            long macs = want.macs() == null ? 0 : want.macs();
            totalMacs += macs;
            if (!Arrays.equals(got.inputShape(), want.input().toArray())
                    || !Arrays.equals(got.outputShape(), want.output().toArray())) {
                failures.add(c, "layer " + want.name() + ": shapes " + Arrays.toString(got.inputShape()) + " -> "
                        + Arrays.toString(got.outputShape()) + ", expected " + want.input() + " -> " + want.output());
            }
            if (got.macs() != macs) {
                failures.add(c, "layer " + want.name() + " (" + got.settings() + "): MACs " + got.macs()
                        + ", the naive loop counts " + macs);
            }
            LayerKind kind = expectedKind(want.kind());
            if (kind != null && got.kind() != kind) {
                failures.add(c, "layer " + want.name() + ": kind " + got.kind() + ", expected " + kind);
            }
            Oracle.Figures figures = want.figures();
            if (figures != null && (got.flops() != figures.flops() || got.params() != figures.params())) {
                failures.add(c, "layer " + want.name() + " (" + got.settings() + "): FLOPs " + got.flops()
                        + " and parameters " + got.params() + ", the oracle works out " + figures.flops() + " and "
                        + figures.params());
            }
        }
        if (model.macs() != totalMacs) {
            failures.add(c, "MACS " + model.macs() + ", the layers' counted sum " + totalMacs);
        }
        if (!Arrays.equals(model.outputShape(), c.meaning().output().toArray())) {
            failures.add(c, "output shape " + Arrays.toString(model.outputShape()) + ", expected "
                    + c.meaning().output());
        }
    }

    /** The kind the model must report for a layer of this kind, or null where the test does not check it. */
    private static LayerKind expectedKind(Kind kind) {
        return switch (kind) {
            case CONV -> LayerKind.CONV;
            case DECONV -> LayerKind.DECONV;
            case DENSE -> LayerKind.DENSE;
            case LAYER_NORM -> LayerKind.LAYER_NORM;
            case LSTM -> LayerKind.LSTM;
            case GRU -> LayerKind.GRU;
            case RNN -> LayerKind.RNN;
            case TOKENS -> LayerKind.TOKENS;
            case TO_MAP -> LayerKind.TO_MAP;
            case RESHAPE -> LayerKind.RESHAPE;
            case PERMUTE -> LayerKind.PERMUTE;
            case PIXEL_SHUFFLE -> LayerKind.PIXEL_SHUFFLE;
            case PIXEL_UNSHUFFLE -> LayerKind.PIXEL_UNSHUFFLE;
            case SELECT_TOKEN -> LayerKind.SELECT_TOKEN;
            case ATTENTION -> LayerKind.ATTENTION;
            case MATMUL -> LayerKind.MATMUL;
            case ROTARY -> LayerKind.ROTARY;
            case LINEAR -> LayerKind.LINEAR;
            case EMBEDDING -> LayerKind.EMBEDDING;
            case LEARNED -> LayerKind.LEARNED;
            case POSITION_EMBEDDING -> LayerKind.POSITION_EMBEDDING;
            case RMS_NORM -> LayerKind.RMS_NORM;
            case GATED_MLP -> LayerKind.GATED_MLP;
            default -> null;
        };
    }

    /**
     * Compiles one batch with a time limit. When javac throws (the processor's exceptions must never reach it),
     * compiles each network alone to find the ones that make it throw; when it hangs, every network of the batch
     * is suspect. Either way the test stops there: the compiler thread may still be busy.
     */
    private static <T> T compile(List<Case> batch, Failures failures, Function<List<Case>, T> compilation) {
        try {
            return withTimeout(() -> compilation.apply(batch));
        } catch (TimeoutException e) {
            batch.forEach(c -> failures.add(c, "javac did not finish its batch in " + TIMEOUT_SECONDS + " s"));
        } catch (ExecutionException e) {
            failures.add(batch.get(0), "javac threw on this network's batch: " + trace(e.getCause()));
            for (Case c : batch) {
                try {
                    withTimeout(() -> compilation.apply(List.of(c)));
                } catch (ExecutionException | TimeoutException alone) {
                    failures.add(c, "javac threw or hung on this network alone: " + trace(alone));
                }
            }
        }
        throw failures.report();
    }

    private static <T> T withTimeout(Callable<T> task) throws ExecutionException, TimeoutException {
        Future<T> result = compiler.submit(task);
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw e;
        }
    }

    private static String trace(Throwable e) {
        StringWriter trace = new StringWriter();
        (e instanceof ExecutionException ? e.getCause() : e).printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /** The messages of the diagnostics of these kinds in the case's file. */
    private static List<String> diagnosticsIn(Compilation compilation, Case c, Set<Diagnostic.Kind> kinds) {
        return compilation.diagnostics().stream()
                .filter(d -> kinds.contains(d.getKind()))
                .filter(d -> d.getSource() != null && d.getSource().toUri().equals(c.file().toUri()))
                .map(d -> d.getMessage(Locale.ROOT))
                .toList();
    }

    /** {@code [MC002]} anywhere, and errors or warnings that belong to no network of the batch, fail it all. */
    private static void unattributed(Compilation compilation, List<Case> batch, Failures failures) {
        Set<URI> files = batch.stream().map(c -> c.file().toUri()).collect(Collectors.toSet());
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            String message = d.getMessage(Locale.ROOT);
            Case owner = d.getSource() == null ? null : batch.stream()
                    .filter(c -> c.file().toUri().equals(d.getSource().toUri())).findFirst().orElse(null);
            if (message.contains("[MC002]")) {
                failures.add(owner == null ? batch.get(0) : owner, "an exception reached javac: " + message);
            } else if (d.getKind() != Diagnostic.Kind.NOTE
                    && (d.getSource() == null || !files.contains(d.getSource().toUri()))) {
                failures.add(batch.get(0), "a " + d.getKind() + " outside the batch's files: " + message);
            }
        }
    }

    private static String keyOf(String message) {
        return message.length() >= 7 ? message.substring(0, 7) : message;
    }

    private static List<JavaFileObject> files(List<Case> batch) {
        return batch.stream().map(Case::file).toList();
    }

    /** What went wrong, per network; reported with the seed and the sources that reproduce it. */
    private static final class Failures {
        private final String what;
        private final Map<Case, List<String>> byCase = new LinkedHashMap<>();

        Failures(String what) {
            this.what = what;
        }

        void add(Case c, String problem) {
            byCase.computeIfAbsent(c, k -> new ArrayList<>()).add(problem);
        }

        void assertNone() {
            if (!byCase.isEmpty()) {
                throw report();
            }
        }

        /** The failure: the seed, the first few networks' problems and sources; all sources written to files. */
        AssertionError report() {
            Path folder = Path.of("target", "property-failures");
            StringBuilder report = new StringBuilder().append(byCase.size()).append(' ').append(what)
                    .append(" network(s) failed; seed ").append(SEED)
                    .append(" (reproduce with -Dmodelcost.property.seed=").append(SEED).append("); sources in ")
                    .append(folder.toAbsolutePath()).append('\n');
            int shown = 0;
            for (Map.Entry<Case, List<String>> entry : byCase.entrySet()) {
                Case c = entry.getKey();
                write(folder.resolve(c.name() + ".java"), c.source());
                if (shown++ < SHOWN) {
                    report.append("\n").append(c.describe()).append(":\n");
                    entry.getValue().stream().limit(8).forEach(p -> report.append("  - ").append(p).append('\n'));
                    report.append(c.source());
                }
            }
            return new AssertionError(report.toString());
        }

        private static void write(Path path, String source) {
            try {
                Files.createDirectories(path.getParent());
                Files.writeString(path, source);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
