package dev.modelcost.processor.property;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.processor.testing.Compiled;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two transposed-operation identities of docs/FORMULAS.md#the-backward-pass, checked by executing them: a
 * brute-force 2-D convolution, its input gradient (every output position and kernel tap scattered back into the
 * padded input, as col2im does, then cropped), its weight gradient, and the transposed convolution's forward pass
 * (a scatter) and its input gradient (a gather), each counting the multiply-accumulates it runs. A padded zero
 * counts like any other tap, as the forward convention counts it. The executed gradients are checked to be the
 * adjoints they claim to be ({@code <conv(x), dy> = <x, conv^T(dy)>}), and the counts against the processor's
 * {@code BACKWARD_MACS}.
 */
class BackwardOracleTest {

    /** A 2-D convolution's settings, the same in both dimensions but the input's sizes. */
    record Case(int in, int out, int height, int width, int kernel, int stride, int padding, int dilation,
            int groups) {
        int reach() {
            return dilation * (kernel - 1) + 1;
        }

        int convOut(int size) {
            return (size + 2 * padding - reach()) / stride + 1;
        }

        int deconvOut(int size) {
            return (size - 1) * stride - 2 * padding + reach();
        }

        String settings() {
            return "kernel = " + kernel + ", stride = " + stride + ", padding = " + padding + ", dilation = "
                    + dilation + ", bias = false)" + (groups > 1 ? " @Grouped(" + groups + ")" : "");
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(4, 6, 7, 6, 3, 1, 0, 1, 1),   // plain
                new Case(4, 6, 7, 6, 3, 2, 0, 1, 1),   // strided
                new Case(4, 6, 9, 8, 3, 1, 0, 2, 1),   // dilated
                new Case(4, 6, 7, 6, 3, 1, 1, 1, 1),   // padded
                new Case(4, 6, 7, 6, 3, 1, 1, 1, 2),   // grouped
                new Case(6, 6, 11, 9, 3, 2, 2, 2, 3),  // all of them
                new Case(4, 4, 7, 6, 3, 2, 1, 1, 4));  // depthwise, strided, padded
    }

    /** Multiply-accumulates run, and the result. */
    record Run(long macs, double[][][] result) {
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aConvolutionsInputGradientIsATransposedConvolutionOfTheSameMultiplyAccumulates(Case c) {
        Random random = new Random(c.hashCode());
        int oh = c.convOut(c.height());
        int ow = c.convOut(c.width());
        double[][][] x = random(random, c.in(), c.height(), c.width());
        double[][][][] w = random(random, c.out(), c.in() / c.groups(), c.kernel(), c.kernel());
        double[][][] dy = random(random, c.out(), oh, ow);

        Run forward = convForward(c, x, w);
        Run inputGradient = convInputGradient(c, dy, w);
        long weightGradient = convWeightGradient(c, x, dy);
        // The transposed convolution that maps the convolution's output back to its input: Cout -> Cin.
        Case transposed = new Case(c.out(), c.in(), oh, ow, c.kernel(), c.stride(), c.padding(), c.dilation(),
                c.groups());
        // Its weights, Cout x Cin/g x k x k, are the convolution's as they are; its output, cropped to H x W.
        Run deconv = deconvForward(transposed, dy, w, c.height(), c.width());

        long formula = (long) c.out() * oh * ow * (c.in() / c.groups()) * c.kernel() * c.kernel();
        assertThat(forward.macs()).isEqualTo(formula);
        assertThat(inputGradient.macs()).isEqualTo(formula);
        assertThat(weightGradient).isEqualTo(formula);
        assertThat(deconv.macs()).isEqualTo(formula);
        // The input gradient is the adjoint, and the transposed convolution computes the same numbers.
        assertWithMessage("<conv(x), dy> = <x, conv^T(dy)>").that(dot(forward.result(), dy))
                .isWithin(1e-9).of(dot(x, inputGradient.result()));
        assertClose(deconv.result(), inputGradient.result());

        // The processor: a trainable 1x1 stem (in * H * W * in MACs, weight gradient only) before the layer,
        // so that the layer computes both gradients.
        long stem = (long) c.in() * c.height() * c.width() * c.in();
        Compiled compiled = compile(c.in(), c.height(), c.width(), "@Conv(out = " + c.out() + ", " + c.settings());
        assertThat(compiled.constant("k.NCost", "MACS") - stem).isEqualTo(forward.macs());
        assertThat(compiled.constant("k.NCost", "BACKWARD_MACS") - stem)
                .isEqualTo(inputGradient.macs() + weightGradient);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aTransposedConvolutionsInputGradientIsAConvolutionOfTheSameMultiplyAccumulates(Case c) {
        Random random = new Random(31 * c.hashCode());
        int oh = c.deconvOut(c.height());
        int ow = c.deconvOut(c.width());
        double[][][] x = random(random, c.in(), c.height(), c.width());
        double[][][][] w = random(random, c.in(), c.out() / c.groups(), c.kernel(), c.kernel());
        double[][][] dy = random(random, c.out(), oh, ow);

        Run forward = deconvForward(c, x, w, oh, ow);
        Run inputGradient = deconvInputGradient(c, dy, w);
        long weightGradient = deconvWeightGradient(c, x, dy);
        // The convolution that maps the transposed convolution's output back to its input: Cout -> Cin.
        // Its weights, Cin x Cout/g x k x k, are the transposed convolution's as they are.
        Case convolution = new Case(c.out(), c.in(), oh, ow, c.kernel(), c.stride(), c.padding(), c.dilation(),
                c.groups());
        Run conv = convForward(convolution, dy, w);

        long formula = (long) c.in() * c.height() * c.width() * (c.out() / c.groups()) * c.kernel() * c.kernel();
        assertThat(forward.macs()).isEqualTo(formula);
        assertThat(inputGradient.macs()).isEqualTo(formula);
        assertThat(weightGradient).isEqualTo(formula);
        // Cin x H x W output positions, each with Cout/g * k * k taps: the same count.
        assertThat(conv.macs()).isEqualTo(formula);
        assertWithMessage("<deconv(x), dy> = <x, deconv^T(dy)>").that(dot(forward.result(), dy))
                .isWithin(1e-9).of(dot(x, inputGradient.result()));
        assertClose(conv.result(), inputGradient.result());

        long stem = (long) c.in() * c.height() * c.width() * c.in();
        Compiled compiled = compile(c.in(), c.height(), c.width(), "@Deconv(out = " + c.out() + ", " + c.settings());
        assertThat(compiled.constant("k.NCost", "MACS") - stem).isEqualTo(forward.macs());
        assertThat(compiled.constant("k.NCost", "BACKWARD_MACS") - stem)
                .isEqualTo(inputGradient.macs() + weightGradient);
    }

    private static Compiled compile(int channels, int height, int width, String layer) {
        Compiled compiled = Compiled.source(
                "package k;",
                "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = " + channels + ", size = {" + height + ", " + width + "}))",
                "public class N {",
                "    @Conv(out = " + channels + ", kernel = 1, bias = false) Layer stem;",
                "    " + layer + " Layer layer;",
                "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        return compiled;
    }

    /** Every output position, channel and tap: a gather from the zero-padded input. */
    static Run convForward(Case c, double[][][] x, double[][][][] w) {
        int oh = c.convOut(c.height());
        int ow = c.convOut(c.width());
        double[][][] padded = pad(x, c.padding());
        double[][][] y = new double[c.out()][oh][ow];
        int inPerGroup = c.in() / c.groups();
        int outPerGroup = c.out() / c.groups();
        long macs = 0;
        for (int co = 0; co < c.out(); co++) {
            int group = co / outPerGroup;
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    for (int cg = 0; cg < inPerGroup; cg++) {
                        for (int ky = 0; ky < c.kernel(); ky++) {
                            for (int kx = 0; kx < c.kernel(); kx++) {
                                y[co][oy][ox] += w[co][cg][ky][kx] * padded[group * inPerGroup + cg]
                                        [oy * c.stride() + ky * c.dilation()][ox * c.stride() + kx * c.dilation()];
                                macs++;
                            }
                        }
                    }
                }
            }
        }
        return new Run(macs, y);
    }

    /** col2im: every output gradient and tap scattered into the padded input's gradient, then cropped. */
    static Run convInputGradient(Case c, double[][][] dy, double[][][][] w) {
        int p = c.padding();
        double[][][] padded = new double[c.in()][c.height() + 2 * p][c.width() + 2 * p];
        int inPerGroup = c.in() / c.groups();
        int outPerGroup = c.out() / c.groups();
        long macs = 0;
        for (int co = 0; co < c.out(); co++) {
            int group = co / outPerGroup;
            for (int oy = 0; oy < dy[0].length; oy++) {
                for (int ox = 0; ox < dy[0][0].length; ox++) {
                    for (int cg = 0; cg < inPerGroup; cg++) {
                        for (int ky = 0; ky < c.kernel(); ky++) {
                            for (int kx = 0; kx < c.kernel(); kx++) {
                                padded[group * inPerGroup + cg][oy * c.stride() + ky * c.dilation()]
                                        [ox * c.stride() + kx * c.dilation()] += w[co][cg][ky][kx] * dy[co][oy][ox];
                                macs++;
                            }
                        }
                    }
                }
            }
        }
        return new Run(macs, crop(padded, p, c.height(), c.width()));
    }

    /** The output gradient times the unfolded (padded) input, for every weight: the count alone. */
    static long convWeightGradient(Case c, double[][][] x, double[][][] dy) {
        double[][][] padded = pad(x, c.padding());
        int inPerGroup = c.in() / c.groups();
        int outPerGroup = c.out() / c.groups();
        double[][][][] dw = new double[c.out()][inPerGroup][c.kernel()][c.kernel()];
        long macs = 0;
        for (int co = 0; co < c.out(); co++) {
            int group = co / outPerGroup;
            for (int cg = 0; cg < inPerGroup; cg++) {
                for (int ky = 0; ky < c.kernel(); ky++) {
                    for (int kx = 0; kx < c.kernel(); kx++) {
                        for (int oy = 0; oy < dy[0].length; oy++) {
                            for (int ox = 0; ox < dy[0][0].length; ox++) {
                                dw[co][cg][ky][kx] += dy[co][oy][ox] * padded[group * inPerGroup + cg]
                                        [oy * c.stride() + ky * c.dilation()][ox * c.stride() + kx * c.dilation()];
                                macs++;
                            }
                        }
                    }
                }
            }
        }
        return macs;
    }

    /**
     * The transposed convolution's forward pass: every input element and tap scattered into the uncropped output,
     * which is then cropped by the padding to {@code oh x ow}. Weights {@code Cin x Cout/g x k x k}.
     */
    static Run deconvForward(Case c, double[][][] x, double[][][][] w, int oh, int ow) {
        int p = c.padding();
        double[][][] full = new double[c.out()][oh + 2 * p][ow + 2 * p];
        int inPerGroup = c.in() / c.groups();
        int outPerGroup = c.out() / c.groups();
        long macs = 0;
        for (int ci = 0; ci < c.in(); ci++) {
            int group = ci / inPerGroup;
            for (int iy = 0; iy < x[0].length; iy++) {
                for (int ix = 0; ix < x[0][0].length; ix++) {
                    for (int cg = 0; cg < outPerGroup; cg++) {
                        for (int ky = 0; ky < c.kernel(); ky++) {
                            for (int kx = 0; kx < c.kernel(); kx++) {
                                full[group * outPerGroup + cg][iy * c.stride() + ky * c.dilation()]
                                        [ix * c.stride() + kx * c.dilation()] += w[ci][cg][ky][kx] * x[ci][iy][ix];
                                macs++;
                            }
                        }
                    }
                }
            }
        }
        return new Run(macs, crop(full, p, oh, ow));
    }

    /** The transposed convolution's input gradient: a gather from the zero-padded output gradient. */
    static Run deconvInputGradient(Case c, double[][][] dy, double[][][][] w) {
        double[][][] padded = pad(dy, c.padding());
        double[][][] dx = new double[c.in()][c.height()][c.width()];
        int inPerGroup = c.in() / c.groups();
        int outPerGroup = c.out() / c.groups();
        long macs = 0;
        for (int ci = 0; ci < c.in(); ci++) {
            int group = ci / inPerGroup;
            for (int iy = 0; iy < c.height(); iy++) {
                for (int ix = 0; ix < c.width(); ix++) {
                    for (int cg = 0; cg < outPerGroup; cg++) {
                        for (int ky = 0; ky < c.kernel(); ky++) {
                            for (int kx = 0; kx < c.kernel(); kx++) {
                                dx[ci][iy][ix] += w[ci][cg][ky][kx] * padded[group * outPerGroup + cg]
                                        [iy * c.stride() + ky * c.dilation()][ix * c.stride() + kx * c.dilation()];
                                macs++;
                            }
                        }
                    }
                }
            }
        }
        return new Run(macs, dx);
    }

    /** The input times the output gradient at every tap, for every weight: the count alone. */
    static long deconvWeightGradient(Case c, double[][][] x, double[][][] dy) {
        double[][][] padded = pad(dy, c.padding());
        int inPerGroup = c.in() / c.groups();
        int outPerGroup = c.out() / c.groups();
        double[][][][] dw = new double[c.in()][outPerGroup][c.kernel()][c.kernel()];
        long macs = 0;
        for (int ci = 0; ci < c.in(); ci++) {
            int group = ci / inPerGroup;
            for (int cg = 0; cg < outPerGroup; cg++) {
                for (int ky = 0; ky < c.kernel(); ky++) {
                    for (int kx = 0; kx < c.kernel(); kx++) {
                        for (int iy = 0; iy < c.height(); iy++) {
                            for (int ix = 0; ix < c.width(); ix++) {
                                dw[ci][cg][ky][kx] += x[ci][iy][ix] * padded[group * outPerGroup + cg]
                                        [iy * c.stride() + ky * c.dilation()][ix * c.stride() + kx * c.dilation()];
                                macs++;
                            }
                        }
                    }
                }
            }
        }
        return macs;
    }

    private static double[][][] pad(double[][][] x, int p) {
        double[][][] padded = new double[x.length][x[0].length + 2 * p][x[0][0].length + 2 * p];
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < x[0].length; i++) {
                System.arraycopy(x[c][i], 0, padded[c][i + p], p, x[0][0].length);
            }
        }
        return padded;
    }

    private static double[][][] crop(double[][][] full, int p, int h, int w) {
        double[][][] cropped = new double[full.length][h][w];
        for (int c = 0; c < full.length; c++) {
            for (int i = 0; i < h; i++) {
                System.arraycopy(full[c][i + p], p, cropped[c][i], 0, w);
            }
        }
        return cropped;
    }

    private static double[][][] random(Random random, int c, int h, int w) {
        double[][][] x = new double[c][h][w];
        for (double[][] plane : x) {
            for (double[] row : plane) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = random.nextDouble() - 0.5;
                }
            }
        }
        return x;
    }

    private static double[][][][] random(Random random, int a, int b, int h, int w) {
        double[][][][] x = new double[a][][][];
        for (int i = 0; i < a; i++) {
            x[i] = random(random, b, h, w);
        }
        return x;
    }

    private static double dot(double[][][] a, double[][][] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            for (int i = 0; i < a[0].length; i++) {
                for (int j = 0; j < a[0][0].length; j++) {
                    sum += a[c][i][j] * b[c][i][j];
                }
            }
        }
        return sum;
    }

    private static void assertClose(double[][][] actual, double[][][] expected) {
        assertThat(List.of(actual.length, actual[0].length, actual[0][0].length))
                .isEqualTo(List.of(expected.length, expected[0].length, expected[0][0].length));
        for (int c = 0; c < actual.length; c++) {
            for (int i = 0; i < actual[0].length; i++) {
                for (int j = 0; j < actual[0][0].length; j++) {
                    assertThat(actual[c][i][j]).isWithin(1e-9).of(expected[c][i][j]);
                }
            }
        }
    }
}
