package dev.modelcost.processor.interop;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.auto.value.processor.AutoValueProcessor;
import com.google.testing.compile.Compilation;
import dev.modelcost.processor.testing.Compiled;
import java.util.List;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * AutoValue beside modelcost, in both orders, under {@code -Xlint:all}: each does its work, and the only warning
 * is the one AutoValue gets alone (it claims none of its annotations, so {@code -Werror} needs
 * {@code -Xlint:-processing} with AutoValue, modelcost or not).
 */
class AutoValueTest {
    private static final List<String> LINT = List.of("-Xlint:all");
    private static final JavaFileObject MONEY = Compiled.file(
            "package av;",
            "import com.google.auto.value.AutoValue;",
            "@AutoValue",
            "public abstract class Money {",
            "    public abstract long cents();",
            "    public static Money of(long cents) {",
            "        return new AutoValue_Money(cents);",
            "    }",
            "}");

    private static List<Processor> autoValue() {
        return ProcessorPath.registeredBeside(AutoValueProcessor.class);
    }

    @Test
    void autoValueAloneLeavesItsAnnotationUnclaimed() {
        Compilation compilation = javac().withProcessors(autoValue()).withOptions(LINT).compile(MONEY);
        assertThat(compilation).succeeded();
        assertThat(Unclaimed.annotations(compilation)).contains("com.google.auto.value.AutoValue");
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void autoValueWritesItsClassAndModelcostItsCostClass(Order order) {
        JavaFileObject user = Compiled.file(
                "package av;",
                "public class User {",
                "    static long use() {",
                "        return Money.of(1).cents() + TinyCost.MACS;",
                "    }",
                "}");
        Compilation compilation = order.compile(autoValue(), LINT, MONEY, ClaimingTest.tiny("av"), user);
        assertThat(compilation).succeeded();
        Unclaimed.onlyOf(compilation, "com.google.auto.value");
        assertThat(compilation).generatedSourceFile("av.AutoValue_Money");
        assertThat(Compiled.of(compilation).constant("av.TinyCost", "MACS")).isEqualTo(7_776L);
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void aCopiedNetworkOnTheAutoValueClassIsTheSameNetwork(Order order) {
        // @CopyAnnotations puts @Network on AutoValue_Model, a subclass with no layers of its own: not a network
        // of its own (no MC100, no AutoValue_ModelCost); Model is counted.
        JavaFileObject model = Compiled.file(
                "package av;",
                "import com.google.auto.value.AutoValue;",
                "import dev.modelcost.*;",
                "@AutoValue",
                "@AutoValue.CopyAnnotations",
                "@Network(input = @Shape(channels = 3, size = {8, 8}), name = \"model\")",
                "public abstract class Model {",
                "    @Conv(out = 8, kernel = 3) Layer conv;",
                "    public abstract String label();",
                "    public static Model of(String label) {",
                "        return new AutoValue_Model(label);",
                "    }",
                "}");
        JavaFileObject user = Compiled.file(
                "package av;",
                "public class User {",
                "    static long use() {",
                "        return Model.of(\"m\").label().length() + ModelCost.MACS;",
                "    }",
                "}");
        Compilation compilation = order.compile(autoValue(), LINT, model, user);
        assertThat(compilation).succeeded();
        Unclaimed.onlyOf(compilation, "com.google.auto.value");
        assertThat(compilation).generatedSourceFile("av.AutoValue_Model").contentsAsUtf8String()
                .contains("@Network(");
        assertThat(compilation.generatedSourceFile("av.AutoValue_ModelCost")).isEmpty();
        assertThat(Compiled.of(compilation).constant("av.ModelCost", "MACS")).isEqualTo(7_776L);
    }
}
