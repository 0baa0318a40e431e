package dev.modelcost.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import dev.modelcost.LayerCost;
import dev.modelcost.LayerKind;
import dev.modelcost.ModelCost;
import dev.modelcost.processor.testing.Compiled;
import java.io.IOException;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @LSTM}, {@code @GRU} and {@code @RNN} in PyTorch's convention (torch/nn/modules/rnn.py:
 * {@code weight_ih_l[k]} of {@code (gates*h x in)}, {@code in} = the input's features for {@code k = 0} and
 * {@code num_directions * h} above; {@code weight_hh_l[k]} of {@code (gates*h x h)}; {@code bias_ih_l[k]} and
 * {@code bias_hh_l[k]} of {@code gates*h} each), the multiply-accumulates of one step times the sequence length,
 * and the element-wise operations docs/FORMULAS.md#recurrent-layers states: 26 per hidden unit and step for an
 * LSTM, 19 for a GRU, the nonlinearity's for an Elman layer. Every figure below is derived by hand beside it.
 */
class RecurrentTest {

    @Test
    void theWordLanguageModelsTwoLayerLstm() {
        // PyTorch's examples/word_language_model, medium: nn.LSTM(650, 650, 2) over bptt = 35 steps.
        LayerCost lstm = LayerKindsTest.network("@Shape(channels = 650, size = 35)",
                "@LSTM(hidden = 650, layers = 2) Layer rnn;").layer("rnn");
        assertThat(lstm.kind()).isEqualTo(LayerKind.LSTM);
        assertThat(lstm.inputShape()).isEqualTo(new int[] {650, 35});
        assertThat(lstm.outputShape()).isEqualTo(new int[] {650, 35});
        // Each layer (in = 650 for both): 4 * 650 * (650 + 650) = 3,380,000 weights + 8 * 650 = 5,200 biases
        // = 3,385,200; two layers 6,770,400.
        assertThat(lstm.params()).isEqualTo(6_770_400L);
        // Per step 2 * 3,380,000 = 6,760,000; times 35 steps: 236,600,000.
        assertThat(lstm.macs()).isEqualTo(236_600_000L);
        // 2 layers * 5,200 * 35 = 364,000.
        assertThat(lstm.biasAdds()).isEqualTo(364_000L);
        // 2 * 236,600,000 + 364,000 + element-wise 26 * 650 * 2 layers * 35 = 1,183,000: 474,747,000.
        assertThat(lstm.flops()).isEqualTo(474_747_000L);
        // The output sequence, 650 * 35 = 22,750 elements.
        assertThat(lstm.activations()).isEqualTo(22_750L);
        assertThat(lstm.settings()).isEqualTo("hidden=650 layers=2");
    }

    @Test
    void theLstmsWeightsAreReadOncePerSequence() {
        // FP32: input 22,750 + output 22,750 + parameters 6,770,400 = 6,815,900 elements, 27,263,600 bytes.
        LayerCost lstm = LayerKindsTest.network("@Shape(channels = 650, size = 35)",
                "@LSTM(hidden = 650, layers = 2) Layer rnn;").layer("rnn");
        assertThat(lstm.bytesMoved()).isEqualTo(27_263_600L);
        assertThat(lstm.activationBytes()).isEqualTo(91_000L); // 22,750 * 4
    }

    @Test
    void aBidirectionalTwoLayerGru() {
        // nn.GRU(64, 128, 2, bidirectional=True) over 50 steps.
        LayerCost gru = LayerKindsTest.network("@Shape(channels = 64, size = 50)",
                "@GRU(hidden = 128, layers = 2, bidirectional = true) Layer rnn;").layer("rnn");
        assertThat(gru.kind()).isEqualTo(LayerKind.GRU);
        assertThat(gru.outputShape()).isEqualTo(new int[] {256, 50}); // 2 directions * 128
        // Layer 0, per direction: 3 * 128 * (64 + 128) = 73,728 weights + 6 * 128 = 768 biases = 74,496.
        // Layer 1 takes 2 * 128 = 256: 3 * 128 * (256 + 128) = 147,456 + 768 = 148,224.
        // Two directions: 2 * (74,496 + 148,224) = 445,440.
        assertThat(gru.params()).isEqualTo(445_440L);
        // Per step 2 * (73,728 + 147,456) = 442,368; times 50: 22,118,400.
        assertThat(gru.macs()).isEqualTo(22_118_400L);
        // 768 per step for each of 2 layers * 2 directions: 3,072; times 50: 153,600.
        assertThat(gru.biasAdds()).isEqualTo(153_600L);
        // 2 * 22,118,400 + 153,600 + element-wise 19 * 128 * 4 cells * 50 = 486,400: 44,876,800.
        assertThat(gru.flops()).isEqualTo(44_876_800L);
        assertThat(gru.activations()).isEqualTo(12_800L); // 256 * 50
        assertThat(gru.settings()).isEqualTo("hidden=128 layers=2 bidirectional");
    }

    @Test
    void pytorchsDocumentedElmanExample() {
        // torch.nn.RNN's docs: rnn = nn.RNN(10, 20, 2); input of 5 steps.
        ModelCost model = LayerKindsTest.network("@Shape(channels = 10, size = 5)",
                "@RNN(hidden = 20, layers = 2) Layer rnn;",
                "@From(From.INPUT) @RNN(hidden = 20, nonlinearity = ActivationFunction.RELU, bias = false) Layer relu;");
        LayerCost rnn = model.layer("rnn");
        assertThat(rnn.kind()).isEqualTo(LayerKind.RNN);
        assertThat(rnn.outputShape()).isEqualTo(new int[] {20, 5});
        // Layer 0: 20 * (10 + 20) = 600 + 2 * 20 = 640; layer 1: 20 * (20 + 20) = 800 + 40 = 840; 1,480.
        assertThat(rnn.params()).isEqualTo(1_480L);
        assertThat(rnn.macs()).isEqualTo(7_000L); // (600 + 800) * 5
        assertThat(rnn.biasAdds()).isEqualTo(400L); // 2 layers * 40 * 5
        // 2 * 7,000 + 400 + tanh's 5 * 20 * 2 layers * 5 steps = 1,000: 15,400.
        assertThat(rnn.flops()).isEqualTo(15_400L);
        assertThat(rnn.settings()).isEqualTo("hidden=20 layers=2 tanh");
        LayerCost relu = model.layer("relu");
        // One layer without bias: 600 weights, 600 * 5 = 3,000 MACs, FLOPs 6,000 + relu's 1 * 20 * 5 = 6,100.
        assertThat(relu.params()).isEqualTo(600L);
        assertThat(relu.macs()).isEqualTo(3_000L);
        assertThat(relu.biasAdds()).isEqualTo(0L);
        assertThat(relu.flops()).isEqualTo(6_100L);
        assertThat(relu.settings()).isEqualTo("hidden=20 layers=1 no-bias relu");
    }

    @Test
    void aBidirectionalLstmWithoutBiasFeedsAGruTwiceItsWidth() {
        ModelCost model = LayerKindsTest.network("@Shape(channels = 2, size = 4)",
                // Per direction 4 * 3 * (2 + 3) = 60 weights; 2 directions 120; 120 * 4 steps = 480 MACs;
                // FLOPs 2 * 480 + element-wise 26 * 3 * 2 directions * 4 steps = 624: 1,584.
                "@LSTM(hidden = 3, bidirectional = true, bias = false) Layer lstm;",
                // Its input is 2 * 3 = 6 features: 3 * 5 * (6 + 5) = 165 + 6 * 5 = 30 biases = 195 parameters;
                // 165 * 4 = 660 MACs, 30 * 4 = 120 bias additions, 2 * 660 + 120 + 19 * 5 * 4 = 380: 1,820.
                "@GRU(hidden = 5) Layer gru;");
        LayerCost lstm = model.layer("lstm");
        assertThat(lstm.outputShape()).isEqualTo(new int[] {6, 4});
        assertThat(lstm.params()).isEqualTo(120L);
        assertThat(lstm.macs()).isEqualTo(480L);
        assertThat(lstm.biasAdds()).isEqualTo(0L);
        assertThat(lstm.flops()).isEqualTo(1_584L);
        LayerCost gru = model.layer("gru");
        assertThat(gru.inputShape()).isEqualTo(new int[] {6, 4});
        assertThat(gru.outputShape()).isEqualTo(new int[] {5, 4});
        assertThat(gru.params()).isEqualTo(195L);
        assertThat(gru.macs()).isEqualTo(660L);
        assertThat(gru.biasAdds()).isEqualTo(120L);
        assertThat(gru.flops()).isEqualTo(1_820L);
        assertThat(model.macs()).isEqualTo(1_140L); // 480 + 660
    }

    @Test
    void aBlockGivesItsHiddenSizeAsAnExpression() {
        ModelCost model = LayerKindsTest.network("@Shape(channels = 4, size = 10)",
                "@Stage(block = Encoder.class, with = \"width = 8\") Layer encoder;",
                "@Block static class Encoder {",
                "    @Param int width;",
                "    @GRU(hiddenExpr = \"width * 2\") Layer gru;",
                "}");
        LayerCost gru = model.layer("encoder.0.gru");
        // hidden 16: 3 * 16 * (4 + 16) = 960 + 6 * 16 = 96: 1,056 parameters; 960 * 10 = 9,600 MACs.
        assertThat(gru.outputShape()).isEqualTo(new int[] {16, 10});
        assertThat(gru.params()).isEqualTo(1_056L);
        assertThat(gru.macs()).isEqualTo(9_600L);
    }

    @Test
    void aStackOfTwoBillionLayersIsCountedInClosedForm() {
        // nn.RNN(1, 1, 2,000,000,000) on one step: every layer has 1 * (1 + 1) = 2 weights and 2 biases.
        LayerCost rnn = LayerKindsTest.network("@Shape(channels = 1, size = 1)",
                "@RNN(hidden = 1, layers = 2_000_000_000) Layer deep;").layer("deep");
        assertThat(rnn.params()).isEqualTo(8_000_000_000L); // 2e9 * (2 + 2)
        assertThat(rnn.macs()).isEqualTo(4_000_000_000L); // 2e9 * 2
        assertThat(rnn.biasAdds()).isEqualTo(4_000_000_000L); // 2e9 * 2
        // 2 * 4e9 + 4e9 + tanh's 5 * 2e9 = 22e9.
        assertThat(rnn.flops()).isEqualTo(22_000_000_000L);
        assertThat(rnn.outputShape()).isEqualTo(new int[] {1, 1});
    }

    @Test
    void theReportsNameTheRecurrentKinds() throws IOException {
        Compiled compiled = Compiled.source("package k;", "import dev.modelcost.*;",
                "@Network(input = @Shape(channels = 8, size = 6))", "public class R {",
                "@LSTM(hidden = 4) Layer a;", "@GRU(hidden = 4) Layer b;", "@RNN(hidden = 4) Layer c;", "}");
        assertThat(compiled.compilation()).succeededWithoutWarnings();
        String json = compiled.compilation().generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/modelcost/k.R.json")
                .orElseThrow().getCharContent(true).toString();
        assertThat(json).contains("\"kind\": \"LSTM\"");
        assertThat(json).contains("\"kind\": \"GRU\"");
        assertThat(json).contains("\"kind\": \"RNN\"");
        String markdown = compiled.compilation().generatedFile(StandardLocation.CLASS_OUTPUT,
                "META-INF/modelcost/k.R.md").orElseThrow().getCharContent(true).toString();
        assertThat(markdown).contains("| LSTM |");
    }
}
