package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.modelcost.processor.testing.Compiled;
import dev.modelcost.processor.testing.Fixture;
import dev.modelcost.processor.testing.GeneratingProcessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Networks whose annotation values name what exists only in a later round (another network's cost class, a
 * constant or a block another processor generates) are processed in that round, never skipped; what is still
 * unresolved when processing ends is an error of its own (MC134); annotations of another version than the
 * processor are one too (MC135).
 *
 * <p>Figures, by hand, on a 3x32x32 input: a 3x3 convolution to 16 channels with padding 1 is
 * {@code 16 * 32 * 32 * 3 * 9 = 442,368} MACs; to c channels, {@code c * 27,648}; a 3x3 convolution from 16 to c
 * channels is {@code c * 147,456}; a 1x1 one from 16 to c channels, {@code c * 16,384}.
 */
class RoundsTest {
    private static final JavaFileObject BASE = Compiled.file(
            "package r;",
            "import dev.modelcost.*;",
            "@Network(input = @Shape(channels = 3, size = {32, 32}))",
            "public class Base {",
            "    @Conv(out = 16, kernel = 3, padding = 1) Layer a;",
            "}");

    private static Compilation compile(List<JavaFileObject> files, List<String> options, Processor... others) {
        List<Processor> processors = new java.util.ArrayList<>(List.of(others));
        processors.add(new ModelCostProcessor());
        return javac().withProcessors(processors).withOptions(options).compile(files);
    }

    @Test
    void aBudgetNamingAnotherNetworksCostClassIsEnforced() {
        Fixture bigger = Fixture.of(
                "package r;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "@Budget(macs = BaseCost.MACS)",
                "//                     ^ warning [MC200] network Bigger is over budget: MACs 5,160,960 > limit 442,368",
                "public class Bigger {",
                "    @Conv(out = 16, kernel = 3, padding = 1) Layer a;",
                "    @Conv(out = 32, kernel = 3, padding = 1) Layer b;",
                "}");
        Compilation compilation = compile(List.of(BASE, bigger.file()), List.of());
        Fixture.assertExactly(compilation, bigger);
        assertThat(compilation).generatedSourceFile("r.BiggerCost");
    }

    @Test
    void aLayerSizedByAnotherNetworksCostClassIsCounted() {
        Compiled compiled = Compiled.sources(List.of(BASE, Compiled.file(
                "package r;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}), name = \"after \" + BaseCost.OUTPUT_SHAPE)",
                "public class Wide {",
                "    @Conv(out = 16, kernel = 3, padding = 1) Layer a;",
                "    @Conv(out = BaseCost.LAYERS * 8, kernel = 1) Layer b;",
                "    @Conv(outExpr = BaseCost.LAYERS + \" * 4\", kernel = 1) Layer c;",
                "}")));
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        // 442,368 + 8 * 16,384 (16 -> 8, 1x1) + 4 * 8,192 (8 -> 4, 1x1: 4 * 32 * 32 * 8).
        assertThat(compiled.constant("r.WideCost", "MACS")).isEqualTo(442_368L + 131_072L + 32_768L);
        assertThat(compiled.model("r.WideCost").name()).isEqualTo("after 16x32x32");
    }

    @ParameterizedTest(name = "modelcost listed {0}")
    @ValueSource(strings = {"first", "last"})
    void aConstantAndABlockAnotherProcessorGeneratesAreUsed(String order) {
        Processor generator = new GeneratingProcessor(Map.of(
                "gen.Widths", "package gen; public final class Widths { public static final int W = 24; }",
                "gen.Pair", String.join("\n",
                        "package gen;",
                        "import dev.modelcost.*;",
                        "@Block public class Pair {",
                        "    @Conv(out = 16, kernel = 3, padding = 1) Layer c;",
                        "    @Conv(out = 16, kernel = 3, padding = 1) Layer d;",
                        "}")));
        List<Processor> processors = order.equals("first")
                ? List.of(new ModelCostProcessor(), generator) : List.of(generator, new ModelCostProcessor());
        Compilation compilation = javac().withProcessors(processors).compile(GeneratingProcessor.TRIGGER,
                Compiled.file(
                "package r;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "@trigger.Generate",
                "public class Generated {",
                "    @Conv(out = gen.Widths.W, kernel = 3, padding = 1) Layer a;",
                "    @Conv(out = 16, kernel = 1) Layer b;",
                "    @Stage(block = gen.Pair.class) Layer pair;",
                "}"));
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("r.GeneratedCost")
                .contentsAsUtf8String()
                // 24 * 27,648 + 16 * 32 * 32 * 24 (1x1, 24 -> 16) + 2 * 16 * 147,456.
                .contains("MACS = " + String.format(Locale.ROOT, "%,d", 663_552L + 393_216L + 4_718_592L)
                        .replace(',', '_') + "L;");
    }

    @Test
    void aDeferredNetworksOwnErrorsAreReported() {
        Fixture broken = Fixture.of(
                "package r;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "@Budget(macs = BaseCost.MACS)",
                "public class Broken {",
                "    @Conv(out = 0, kernel = 3) Layer a;",
                "    //          ^ error [MC104] out of layer 'a' is 0; it must be at least 1",
                "}");
        Fixture.assertExactly(compile(List.of(BASE, broken.file()), List.of()), broken);
    }

    @Test
    void aValueStillUnresolvedAtTheEndIsOneKeyedErrorBesideJavacs() {
        Fixture unresolved = Fixture.of(
                "package r;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "public class Unresolved {",
                "    @Conv(out = 16, kernel = 3) Layer a;",
                "    @Conv(out = 16, kernel = 3) @From(NOPE) Layer b;",
                "}");
        Compilation compilation = compile(List.of(unresolved.file()), List.of());
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(unresolved.file()).onLine(6)
                .atColumn(39);
        assertThat(compilation).hadErrorContaining("[MC134] network r.Unresolved was not counted: javac could not"
                + " resolve NOPE in @From(value)").inFile(unresolved.file()).onLine(6).atColumn(39);
        assertWithMessage("diagnostics: %s", compilation.diagnostics()).that(compilation.errors()).hasSize(2);
    }

    @Test
    void aBlockReadInAnEarlierRoundKeepsItsPositionsInALaterOne() {
        JavaFileObject block = Compiled.file(
                "package r;",
                "import dev.modelcost.*;",
                "@Block public class Capped {",
                "    @Conv(out = 16, kernel = 3, padding = 1) @Budget(macs = 1) Layer c;",
                "}");
        JavaFileObject first = Compiled.file(
                "package r;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "@trigger.Generate",
                "public class First { @Stage(block = Capped.class) Layer s; }");
        Processor generator = new GeneratingProcessor(Map.of("r.Second", String.join("\n",
                "package r;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "public class Second { @Stage(block = Capped.class) Layer s; }")));
        Compilation compilation = compile(List.of(GeneratingProcessor.TRIGGER, block, first), List.of(), generator);
        Fixture.assertNoInternalError(compilation);
        // First is counted in round 1, Second (generated then) in round 2, both through the block of round 1:
        // each gets its warning, on the block's field.
        List<String> warnings = compilation.warnings().stream()
                .filter(d -> d.getMessage(Locale.ROOT).startsWith("[MC200]"))
                .map(d -> (d.getSource() == null ? "nowhere" : d.getSource().getName() + ":" + d.getLineNumber()
                        + ":" + d.getColumnNumber()) + " " + d.getMessage(Locale.ROOT).split(" is over budget")[0])
                .toList();
        assertThat(warnings).containsExactly("r/Capped.java:4:61 [MC200] layer 's.0.c' of network First",
                "r/Capped.java:4:61 [MC200] layer 's.0.c' of network Second");
        assertThat(compilation).generatedSourceFile("r.SecondCost");
    }

    @Test
    void aBlocksMistakeIsReportedOnceWhenANetworkOfALaterRoundUsesIt() {
        Fixture block = Fixture.of(
                "package r;",
                "import dev.modelcost.*;",
                "@Block public class Twice {",
                "    @Conv(out = 16, kernel = 3) @Dense(out = 4) Layer c;",
                "    //                          ^ error [MC102] field 'c'",
                "}");
        JavaFileObject late = Compiled.file(
                "package r;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "@Budget(macs = BaseCost.MACS)",
                "public class Late { @Stage(block = Twice.class) Layer s; }");
        Fixture.assertExactly(compile(List.of(BASE, block.file(), late), List.of()), block);
    }

    @Test
    void annotationsOfAnotherVersionThanTheProcessorAreAKeyedError() {
        JavaFileObject olderNetwork = JavaFileObjects.forSourceLines("dev.modelcost.Network",
                "package dev.modelcost;",
                "import java.lang.annotation.*;",
                "@Retention(RetentionPolicy.CLASS) @Target(ElementType.TYPE)",
                "public @interface Network { Shape input(); String name() default \"\"; }");
        Fixture network = Fixture.of(
                "package r;",
                "import dev.modelcost.*;",
                "    @Network(input = @Shape(channels = 3, size = {32, 32}))",
                "//  ^ error [MC135] @Network on Old has no such attribute 'costClass' ... use the same version of both",
                "@Budget(macs = 1)",
                "public class Old { @Conv(out = 16, kernel = 3) Layer a; }");
        Fixture.assertExactly(compile(List.of(olderNetwork, network.file()), List.of("-Amodelcost.budget=error")),
                network);
    }

    @Test
    void anUnresolvedClassOfAStageIsNotReadAsData() {
        JavaFileObject staged = Compiled.file(
                "package r;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {32, 32}))",
                "public class Staged { @Stage(block = Missing.class) Layer s; }");
        Compilation compilation = compile(List.of(staged), List.of());
        assertThat(compilation).hadErrorContaining("[MC134] network r.Staged was not counted: javac could not"
                + " resolve Missing.class in @Stage(block)").inFile(staged).onLine(4).atColumn(45);
        List<String> ours = compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT))
                .filter(m -> m.startsWith("[MC")).toList();
        assertWithMessage("modelcost's errors").that(ours).hasSize(1);
        assertThat(compilation.diagnostics().stream().map(Diagnostic::getKind)).doesNotContain(Diagnostic.Kind.WARNING);
    }
}
