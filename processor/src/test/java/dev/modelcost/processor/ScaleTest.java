package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.LayerCost;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Networks far larger than any real one: their cost classes must compile within the JVM's class-file limits
 * (64 KiB of bytecode per method, 65,535 constant-pool entries per class) and load. These take about a minute,
 * most of it in javac itself (its handling of annotations is quadratic in the annotated fields of one class, and
 * annotation processing makes it enter every class three more times), so they are tagged {@code scale} and run only
 * in the {@code scale} profile:
 * {@code mvn -Pscale verify}, which {@code .ci/run} enables. The timeouts only guard against a hang.
 */
@Tag("scale")
class ScaleTest {

    /**
     * 20,000 layers repeating a 3x3 convolution 16 -> 16 with padding 1, a batch normalization and a ReLU on
     * 16x8x8 (1,024 elements, kept by every layer): layers 0, 3, ... are the 6,667 convolutions, 1, 4, ... the
     * 6,667 batch normalizations, 2, 5, ... the 6,666 ReLUs.
     * <pre>
     *   convolution  MACs 16 * 64 * 16 * 9 = 147,456; bias additions 1,024; FLOPs 2 * 147,456 + 1,024 = 295,936;
     *                parameters 16 * 16 * 9 + 16 = 2,320
     *   batch norm   FLOPs 2 * 1,024 = 2,048; parameters 2 * 16 = 32
     *   ReLU         FLOPs 1,024
     * </pre>
     * The live activations never exceed one layer's input and output, 2 * 1,024 elements: 8,192 bytes in FP32.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aNetworkOfTwentyThousandLayersCompilesAndLoads() {
        List<String> lines = new ArrayList<>(List.of(
                "package s;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 16, size = {8, 8}))",
                "public class Twenty {"));
        for (int i = 0; i < 20_000; i++) {
            lines.add(switch (i % 3) {
                case 0 -> "    @Conv(out = 16, kernel = 3, padding = 1) Layer conv" + i + ";";
                case 1 -> "    @BatchNorm Layer bn" + i + ";";
                default -> "    @Activation(ActivationFunction.RELU) Layer relu" + i + ";";
            });
        }
        lines.add("}");
        Compiled compiled = Compiled.sources(List.of(Compiled.file(lines.toArray(String[]::new))));
        assertThat(compiled.compilation()).succeededWithoutWarnings();

        assertThat(compiled.constant("s.TwentyCost", "MACS")).isEqualTo(6_667L * 147_456);
        assertThat(compiled.constant("s.TwentyCost", "BIAS_ADDS")).isEqualTo(6_667L * 1_024);
        assertThat(compiled.constant("s.TwentyCost", "FLOPS"))
                .isEqualTo(6_667L * 295_936 + 6_667L * 2_048 + 6_666L * 1_024);
        assertThat(compiled.constant("s.TwentyCost", "PARAMS")).isEqualTo(6_667L * 2_320 + 6_667L * 32);
        assertThat(compiled.constant("s.TwentyCost", "ACTIVATIONS")).isEqualTo(20_000L * 1_024);
        assertThat(compiled.constant("s.TwentyCost", "PEAK_ACTIVATION_BYTES")).isEqualTo(8_192L);
        ModelCost model = compiled.model("s.TwentyCost");
        assertThat(model.layers()).hasSize(20_000);
        LayerCost last = model.layers().get(19_999);
        assertThat(last.name()).isEqualTo("bn19999");
        assertThat(last.index()).isEqualTo(19_999);
        assertThat(model.layer("conv19998").macs()).isEqualTo(147_456L);
        // The class and one nested class: the table of 20,000 lines of under 100 characters is under 2,000,000
        // bytes, some 41 literals of 49,152 bytes, within the 100 of one nested class.
        assertThat(classesWithinClassFileLimits(compiled, "s/TwentyCost")).isEqualTo(2);
    }

    /**
     * A one-layer block repeated 100,000 times: a ReLU on 16x8x8, 1,024 FLOPs and 1,024 activations each. Its
     * layer table has 100,000 lines {@code stage.N.relu\tACTIVATION\trelu\t16x8x8\t16x8x8\t0\t0\t1024\t0\t1024
     * \t4096\t8192\t-1\n}: 71 characters and the digits of N (10 * 1 + 90 * 2 + 900 * 3 + 9,000 * 4 + 90,000 * 5 =
     * 488,890 in all), 7,588,890 bytes. That is more than 154 literals of 49,152 bytes and fewer than 156 (a
     * literal ends at a line's end, so it loses less than one line of 76 bytes): 155, in two nested classes of at
     * most 100.
     */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aBlockRepeatedAHundredThousandTimesCompilesAndLoads() {
        Compiled compiled = Compiled.source(
                "package s;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 16, size = {8, 8}))",
                "public class Repeated {",
                "    @Stage(block = Relu.class, repeat = 100_000) Layer stage;",
                "    @Block static class Relu { @Activation(ActivationFunction.RELU) Layer relu; }",
                "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();

        assertThat(compiled.constant("s.RepeatedCost", "MACS")).isEqualTo(0L);
        assertThat(compiled.constant("s.RepeatedCost", "FLOPS")).isEqualTo(100_000L * 1_024);
        assertThat(compiled.constant("s.RepeatedCost", "ACTIVATIONS")).isEqualTo(100_000L * 1_024);
        assertThat(compiled.staticField("s.RepeatedCost", "LAYERS")).isEqualTo(100_000);
        ModelCost model = compiled.model("s.RepeatedCost");
        assertThat(model.layers()).hasSize(100_000);
        assertThat(model.layers().get(99_999).name()).isEqualTo("stage.99999.relu");
        assertThat(model.layer("stage.50000.relu").flops()).isEqualTo(1_024L);
        assertThat(classesWithinClassFileLimits(compiled, "s/RepeatedCost")).isEqualTo(3);
    }

    /**
     * That javac wrote the classes at all proves that no method exceeds 64 KiB and no constant pool 65,535
     * entries (it refuses with "code too large" or "too many constants"); that they loaded, that the JVM accepts
     * them. This checks the margin: every class of the cost class uses less than half the constant pool. Returns
     * how many classes there are.
     */
    private static int classesWithinClassFileLimits(Compiled compiled, String costClassPath) {
        int classes = 0;
        for (JavaFileObject file : compiled.compilation().generatedFiles()) {
            String path = file.toUri().getPath();
            if (file.getKind() != JavaFileObject.Kind.CLASS || !path.contains(costClassPath)) {
                continue;
            }
            classes++;
            assertWithMessage("constant pool of %s", path).that(constantPoolCount(file)).isLessThan(65_535 / 2);
        }
        return classes;
    }

    /** The class file's {@code constant_pool_count}: bytes 8 and 9, after the magic number and the version. */
    private static int constantPoolCount(JavaFileObject classFile) {
        try (InputStream in = classFile.openInputStream()) {
            byte[] header = in.readNBytes(10);
            return (header[8] & 0xff) << 8 | header[9] & 0xff;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
