package dev.modelcost.processor.interop;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Lombok beside modelcost, in both orders, under {@code -Xlint:all -Werror}: each does its work. */
class LombokTest {
    private static final List<String> STRICT = List.of("-Xlint:all", "-Werror");

    private static List<Processor> lombok() {
        return ProcessorPath.registeredBeside(lombok.Getter.class);
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void lombokWritesItsMethodsAndModelcostItsCostClass(Order order) {
        JavaFileObject network = Compiled.file(
                "package lomb;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "@lombok.Getter",
                "public class Tiny {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "}");
        JavaFileObject point = Compiled.file(
                "package lomb;",
                "@lombok.Value",
                "public class Point {",
                "    int x;",
                "    int y;",
                "}");
        JavaFileObject user = Compiled.file(
                "package lomb;",
                "public class User {",
                "    static long use(Tiny tiny) {",
                "        return (tiny.getConv() == null ? 0 : 1) + new Point(1, 2).getY() + TinyCost.MACS;",
                "    }",
                "}");
        Compilation compilation = order.compile(lombok(), STRICT, network, point, user);
        assertThat(compilation).succeededWithoutWarnings();
        // 3x8x8 in, 3x3 kernel, 8 out: 8 x 6 x 6 outputs of 27 multiply-adds; 8 x 27 weights and 8 biases.
        Compiled compiled = Compiled.of(compilation);
        assertThat(compiled.constant("lomb.TinyCost", "MACS")).isEqualTo(7_776L);
        assertThat(compiled.constant("lomb.TinyCost", "PARAMS")).isEqualTo(224L);
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void fromNamesAFieldNameConstantThatLombokGenerates(Order order) {
        JavaFileObject network = Compiled.file(
                "package lomb;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 3, size = {8, 8}))",
                "@lombok.experimental.FieldNameConstants",
                "public class Skip {",
                "    @Conv(out = 4, kernel = 3, padding = 1) Layer a;",
                "    @Conv(out = 8, kernel = 3, padding = 1) Layer b;",
                "    @From(Fields.a) @Conv(out = 8, kernel = 3, padding = 1) Layer c;",
                "}");
        Compilation compilation = order.compile(lombok(), STRICT, network);
        assertThat(compilation).succeededWithoutWarnings();
        // All 8x8: a = 4 x 64 x 27, b = 8 x 64 x 36, and c from a (4 channels) = 8 x 64 x 36, not 8 x 64 x 72.
        assertThat(Compiled.of(compilation).constant("lomb.SkipCost", "MACS")).isEqualTo(6_912L + 18_432L + 18_432L);
    }
}
