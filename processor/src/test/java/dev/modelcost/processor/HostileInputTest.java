package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.modelcost.LayerCost;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.Fixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Declarations written to break the processor: sizes at the edge of {@code int}, figures beyond {@code long},
 * expressions that nest or overflow, block cycles. Each must end in a catalog error where the user wrote the
 * cause, or in the correct figures, and never in an exception, a stack overflow or a hang. The time limit
 * only guards against a hang (javac's own start-up and compile dominate, 20 s for the largest case on a 2-core
 * machine shared with other builds), so it is generous.
 */
class HostileInputTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    static <T> T bounded(ThrowingSupplier<T> compile) {
        return assertTimeoutPreemptively(HANG_GUARD, compile);
    }

    /** An expectation line whose caret stands under {@code token} in {@code line} (see {@link Fixture}). */
    static String caret(String line, String token, String expectation) {
        int column = line.indexOf(token);
        if (column < 2) {
            throw new IllegalArgumentException("the token must not start in the first two columns: " + token);
        }
        return "//" + " ".repeat(column - 2) + "^ " + expectation;
    }

    @Test
    void sizesAtTheLargestIntAreCountedExactly() {
        // 1 x 2,147,483,647 (the largest int) in, 1x1 convolution to 2 channels:
        //   MACs = 2 * 2,147,483,647 * 1 * 1 = 4,294,967,294; bias additions as many; FLOPs 3 * that
        //   parameters 2 * 1 * 1 + 2 = 4
        // then one window over the whole length: 2 x 1 out, one operation per window element per output element:
        //   FLOPs 2 * 1 * 2,147,483,647 = 4,294,967,294
        Compiled compiled = bounded(() -> Compiled.source(
                "package h;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = {2147483647}))",
                "public class Longest {",
                "    @Conv(out = 2, kernel = 1) Layer conv;",
                "    @MaxPool(kernel = 2147483647) Layer pool;",
                "}"));
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.constant("h.LongestCost", "MACS")).isEqualTo(4_294_967_294L);
        assertThat(compiled.constant("h.LongestCost", "FLOPS")).isEqualTo(3 * 4_294_967_294L + 4_294_967_294L);
        assertThat(compiled.constant("h.LongestCost", "PARAMS")).isEqualTo(4L);
        assertThat(compiled.constant("h.LongestCost", "ACTIVATIONS")).isEqualTo(4_294_967_294L + 2L);
        assertThat(compiled.staticField("h.LongestCost", "OUTPUT_SHAPE")).isEqualTo("2x1");
    }

    @Test
    void anOutputSizeBeyondAnIntIsAnErrorOnItsLayer() {
        Fixture fixture = Fixture.of(
                "package h;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = {2147483647}))",
                "public class Beyond {",
                // A window of 2 moved by 1 with padding 1 on each side: (2,147,483,647 + 2 - 2) / 1 + 1 outputs.
                "    @MaxPool(kernel = 2, stride = 1, padding = 1) Layer pool;",
                "//  ^ error [MC110] output size of layer 'pool' (2,147,483,648) exceeds the largest int",
                "    @From(From.INPUT) @Upsample(scale = 2) Layer up;",
                "    //                ^ error [MC110] output size of layer 'up' (4,294,967,294) exceeds",
                // (S - 1) * s + k = 2,147,483,646 * 2 + 2 = 4,294,967,294.
                "    @From(From.INPUT) @Deconv(out = 1, kernel = 2, stride = 2) Layer deconv;",
                "    //                ^ error [MC110] output size of layer 'deconv' (4,294,967,294) exceeds",
                "}");
        Fixture.Outcome outcome = bounded(() -> Fixture.compile(fixture));
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void figuresBeyondALongAreErrorsNamingTheFigure() {
        Fixture input = Fixture.of(
                "package h;",
                "import dev.modelcost.*;",
                // 2,147,483,647^3 elements.
                "    @Network(input = @Shape(channels = 2147483647, size = {2147483647, 2147483647}))",
                "//  ^ error [MC110] input elements of Huge (2,147,483,647 x 4,611,686,014,132,420,609) exceeds "
                        + "the largest long",
                "public class Huge {",
                "    @Conv(out = 1, kernel = 1) Layer conv;",
                "}");
        Fixture layer = Fixture.of(
                "package h;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 65536, size = {65536, 65536}))",
                "public class Wide {",
                // 65,536^3 = 2^48 inputs times 2^16 outputs = 2^64 MACs.
                "    @Dense(out = 65536) Layer dense;",
                "//  ^ error [MC110] MACs of layer 'dense' (281,474,976,710,656 x 65,536) exceeds the largest long",
                "}");
        Fixture total = Fixture.of(
                "package h;",
                "import dev.modelcost.*;",
                // 2^31 inputs, 2^30 outputs: each layer alone has 2^61 MACs and 2^62 FLOPs, which fit; the two
                // layers' FLOPs together are 2^63, one more than the largest long.
                "    @Network(input = @Shape(channels = 1, size = {32768, 65536}))",
                "//  ^ error [MC110] total FLOPs of network Twice (4,611,686,018,427,387,904 + "
                        + "4,611,686,018,427,387,904) exceeds the largest long",
                "public class Twice {",
                "    @Dense(out = 1073741824, bias = false) Layer a;",
                "    @From(From.INPUT) @Dense(out = 1073741824, bias = false) Layer b;",
                "}");
        Fixture.Outcome outcome = bounded(() -> Fixture.compile(input, layer, total));
        Fixture.assertExactly(outcome, input, layer, total);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void expressionsThatCannotBeEvaluatedAreErrorsOnTheirText() {
        String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        String chain = String.join(" + ", Collections.nCopies(20_000, "1"));
        String negations = "-".repeat(20_000) + "1";
        List<String> lines = new ArrayList<>(List.of(
                "package h;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Exprs {"));
        addStage(lines, "big", "99999999999999999999", "(with of stage 'big'): number too large");
        addStage(lines, "zero", "1 / 0", "(with of stage 'zero'): division by zero");
        addStage(lines, "over", "9223372036854775807 + 1", "overflow in 9223372036854775807 + 1");
        // Parsing and evaluating recurse per level: 20,000 levels overflowed javac's stack (a crash, no position).
        addStage(lines, "deep", deep, "nested more than 100 levels deep");
        addStage(lines, "chain", chain, "nested more than 100 levels deep");
        addStage(lines, "negations", negations, "nested more than 100 levels deep");
        lines.add("    @Block static class B { @Param int w; @Conv(outExpr = \"w\", kernel = 1) Layer c; }");
        lines.add("}");
        Fixture fixture = Fixture.of(lines.toArray(String[]::new));
        Fixture.Outcome outcome = bounded(() -> Fixture.compile(fixture));
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /** A stage whose {@code with} is the expression, expecting MC117 with the fragment on its value. */
    private static void addStage(List<String> lines, String name, String expression, String fragment) {
        String line = "    @Stage(block = B.class, with = \"w = " + expression + "\") Layer " + name + ";";
        lines.add(line);
        lines.add(caret(line, "\"w = ", "error [MC117] " + fragment));
    }

    @Test
    void repeatsInTheBillionsAreAnErrorBeforeAnyInstantiation() {
        // Each stage is known to exceed 1,000,000 layers from its declaration alone, and none may be walked first
        // (10^9 steps). Until the bound counted nested blocks, Nested was found only after building a million
        // layers, and Absent and Empty, whose steps add no layer, never.
        Fixture blocks = Fixture.of(
                "package h;",
                "import dev.modelcost.*;",
                "public class Blocks {",
                "    @Block public static class One { @Conv(out = 3, kernel = 1) Layer c; }",
                "    @Block public static class Thousand { @Stage(block = Million.class, repeat = 1000) Layer s; }",
                "    @Block public static class Million { @Stage(block = One.class, repeat = 1000) Layer s; }",
                "    @Block public static class ThousandAbsent {",
                "        @Stage(block = MillionAbsent.class, repeat = 1000) Layer s;",
                "    }",
                "    @Block public static class MillionAbsent { @Stage(block = Absent.class, repeat = 1000) Layer s; }",
                "    @Block public static class Absent { @When(\"in == 0\") @Conv(out = 3, kernel = 1) Layer c; }",
                "    @Block public static class Empty { }",
                "}");
        Fixture direct = billions("Direct", "One.class, repeat = 2_000_000_000", "2_000");
        Fixture nested = billions("Nested", "Thousand.class, repeat = 1000", "1000");
        Fixture absent = billions("Absent", "ThousandAbsent.class, repeat = 1000", "1000");
        Fixture empty = billions("Empty", "Empty.class, repeat = 2_000_000_000", "2_000");
        Fixture.Outcome outcome = bounded(() -> Fixture.compile(blocks, direct, nested, absent, empty));
        Fixture.assertExactly(outcome, blocks, direct, nested, absent, empty);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /** A network with one layer and then a stage of {@code Blocks.<stage>}, expected to have too many layers. */
    private static Fixture billions(String name, String stage, String repeat) {
        String line = "    @Stage(block = Blocks." + stage + ") Layer s;";
        return Fixture.of(
                "package h;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class " + name + " {",
                "    @Conv(out = 3, kernel = 1) Layer first;",
                line,
                caret(line, repeat, "error [MC123] network " + name + " expands to more than 1,000,000 layers "
                        + "(at 's') ... reduce the repeat counts"),
                "}");
    }

    @Test
    void aChainOfFiftyNestedBlocksIsCountedThrough() {
        // Block i: a 1x1 convolution 3 -> 3 on 3x8x8, then block i + 1. Each convolution: MACs 3 * 64 * 3 = 576,
        // bias additions 3 * 64 = 192, FLOPs 2 * 576 + 192 = 1,344, parameters 3 * 3 + 3 = 12. Fifty of them.
        Compiled compiled = bounded(() -> Compiled.sources(List.of(Compiled.file(chain("Chain", 50)))));
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.constant("h.ChainCost", "MACS")).isEqualTo(50 * 576L);
        assertThat(compiled.constant("h.ChainCost", "FLOPS")).isEqualTo(50 * 1_344L);
        assertThat(compiled.constant("h.ChainCost", "PARAMS")).isEqualTo(50 * 12L);
        List<LayerCost> layers = compiled.model("h.ChainCost").layers();
        assertThat(layers).hasSize(50);
        assertThat(layers.get(49).name()).isEqualTo("s" + ".0.s".repeat(49) + ".0.c");
    }

    @Test
    void blocksNestedMoreThanAHundredDeepAreAnError() {
        // 101 blocks, each using the next: the innermost would be instantiated 101 levels deep. Before the limit,
        // a chain of a few thousand overflowed javac's stack.
        String[] lines = chain("Deep", 101);
        String stage = lines[4];
        List<String> withExpectation = new ArrayList<>(List.of(lines));
        withExpectation.add(5, caret(stage, "@Stage", "error [MC130] stage 's" + ".0.s".repeat(100)
                + "' would nest block B100 101 levels deep ... blocks nest at most 100 levels"));
        Fixture fixture = Fixture.of(withExpectation.toArray(String[]::new));
        Fixture.Outcome outcome = bounded(() -> Fixture.compile(fixture));
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    /** A network whose stage uses block 0, each block i a convolution and then block i + 1, the last none. */
    private static String[] chain(String name, int blocks) {
        List<String> lines = new ArrayList<>(List.of(
                "package h;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class " + name + " {",
                "    @Stage(block = B0.class) Layer s;"));
        for (int i = 0; i < blocks; i++) {
            lines.add("    @Block static class B" + i + " { @Conv(out = 3, kernel = 1) Layer c;"
                    + (i + 1 < blocks ? " @Stage(block = B" + (i + 1) + ".class) Layer s;" : "") + " }");
        }
        lines.add("}");
        return lines.toArray(String[]::new);
    }

    @Test
    void twoThousandBranchesConcatenatedAreCountedWithTheirMemory() {
        // 2,000 1x1 convolutions 3 -> 1 of the 3x8x8 input, each: MACs 1 * 64 * 3 = 192, bias additions 64,
        // parameters 3 + 1 = 4, output 64. Then their concatenation, 2,000 x 8 x 8 = 128,000 elements, no operations.
        //   MACs 384,000; FLOPs 2 * 384,000 + 128,000 = 896,000; parameters 8,000; activations 256,000.
        // Live elements: every branch's output waits for the concatenation; the input (192) is freed after the last
        // branch reads it, so the peak is at the concatenation: 128,000 + 128,000 = 256,000 elements, FP32 bytes
        // 1,024,000.
        int branches = 2_000;
        List<String> lines = new ArrayList<>(List.of(
                "package h;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Branches {"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < branches; i++) {
            lines.add("    @From(From.INPUT) @Conv(out = 1, kernel = 1) Layer b" + i + ";");
            names.add("\"b" + i + "\"");
        }
        lines.add("    @Concat({" + String.join(", ", names) + "}) Layer cat;");
        lines.add("}");
        Compiled compiled = bounded(() -> Compiled.sources(List.of(Compiled.file(lines.toArray(String[]::new)))));
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.constant("h.BranchesCost", "MACS")).isEqualTo(384_000L);
        assertThat(compiled.constant("h.BranchesCost", "FLOPS")).isEqualTo(896_000L);
        assertThat(compiled.constant("h.BranchesCost", "PARAMS")).isEqualTo(8_000L);
        assertThat(compiled.constant("h.BranchesCost", "ACTIVATIONS")).isEqualTo(256_000L);
        assertThat(compiled.constant("h.BranchesCost", "PEAK_ACTIVATION_BYTES")).isEqualTo(1_024_000L);
        assertThat(compiled.staticField("h.BranchesCost", "OUTPUT_SHAPE")).isEqualTo("2000x8x8");
    }

    @Test
    void aBlockCycleIsAnErrorThatShowsTheChainInOrder() {
        Fixture fixture = Fixture.of(
                "package h;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "public class Cyclic {",
                "    @Stage(block = A.class) Layer s;",
                "    @Stage(block = Self.class) Layer t;",
                "    @Block static class A { @Conv(out = 3, kernel = 1) Layer c; @Stage(block = B.class) Layer s; }",
                // A block's own text is wrong, not the network's use of it: reported once, where the cycle closes.
                "    @Block static class B { @Stage(block = A.class) Layer s; }",
                "//" + " ".repeat(42) + "^ error [MC121] block A contains itself (A > B > A)",
                "    @Block static class Self { @Stage(block = Self.class) Layer s; }",
                "//" + " ".repeat(48) + "^ error [MC121] block Self contains itself (Self > Self)",
                "}");
        Fixture.Outcome outcome = bounded(() -> Fixture.compile(fixture));
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }

    @Test
    void aHundredDimensionsAreCountedAndTheirLayersSplitToFitTheMethodLimit() {
        // 1 x 2 x 1 x ... x 1 (100 spatial dimensions): a 1x1 convolution to 1 channel has 2 MACs, 2 bias
        // additions (FLOPs 2 * 2 + 2 = 6) and 2 parameters. 250 of them: 500 MACs, 1,500 FLOPs, 500 parameters.
        // Each layer writes two int arrays of 101 elements (about 1.7 KB of bytecode): 200 layers to a nested
        // class, as for small shapes, made a method beyond 64 KiB ("code too large").
        String size = "2" + ", 1".repeat(99);
        List<String> lines = new ArrayList<>(List.of(
                "package h;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 1, size = {" + size + "}))",
                "public class Hundred {"));
        for (int i = 0; i < 250; i++) {
            lines.add("    @Conv(out = 1, kernel = 1) Layer c" + i + ";");
        }
        lines.add("}");
        Compiled compiled = bounded(() -> Compiled.sources(List.of(Compiled.file(lines.toArray(String[]::new))),
                "-Xlint:all", "-Werror"));
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        assertThat(compiled.constant("h.HundredCost", "MACS")).isEqualTo(500L);
        assertThat(compiled.constant("h.HundredCost", "FLOPS")).isEqualTo(1_500L);
        assertThat(compiled.constant("h.HundredCost", "PARAMS")).isEqualTo(500L);
        List<LayerCost> layers = compiled.model("h.HundredCost").layers();
        assertThat(layers).hasSize(250);
        assertThat(layers.get(249).outputShape()).hasLength(101);
    }

    @Test
    void moreThan255DimensionsAreAnErrorOnTheSize() {
        String size = "1" + ", 1".repeat(255);
        String line = "    @Network(input = @Shape(channels = 1, size = {" + size + "}))";
        Fixture fixture = Fixture.of(
                "package h;",
                "import dev.modelcost.*;",
                line,
                caret(line, "{1, 1", "error [MC131] the input of network Wide has 256 spatial dimensions; "
                        + "modelcost supports at most 255"),
                "public class Wide {",
                "    @Conv(out = 1, kernel = 1) Layer c;",
                "}");
        Fixture.Outcome outcome = bounded(() -> Fixture.compile(fixture));
        Fixture.assertExactly(outcome, fixture);
        assertThat(outcome.generatedSources()).isEmpty();
    }
}
