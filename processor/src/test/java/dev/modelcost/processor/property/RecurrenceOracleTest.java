package dev.modelcost.processor.property;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.ActivationFunction;
import dev.modelcost.processor.property.RecurrenceOracle.Cell;
import dev.modelcost.processor.property.RecurrenceOracle.Count;
import org.junit.jupiter.api.Test;

/**
 * The recurrence oracle {@link PropertyTest} trusts, checked against figures derived by hand in
 * docs/FORMULAS.md#recurrent-layers and against PyTorch's documented parameter shapes.
 */
class RecurrenceOracleTest {

    @Test
    void theWordLanguageModelsLstm() {
        // nn.LSTM(650, 650, 2) over 35 steps: 6,770,400 parameters, 236,600,000 MACs, 364,000 bias additions,
        // 474,747,000 FLOPs, 650 output features.
        assertThat(RecurrenceOracle.run(Cell.LSTM, 650, 35, 650, 2, false, true, null))
                .isEqualTo(new Count(236_600_000L, 364_000L, 474_747_000L, 6_770_400L, 650));
    }

    @Test
    void aBidirectionalTwoLayerGru() {
        // nn.GRU(64, 128, 2, bidirectional=True) over 50 steps: 445,440 parameters, 22,118,400 MACs, 153,600 bias
        // additions, 44,876,800 FLOPs; the output concatenates both directions: 256 features.
        assertThat(RecurrenceOracle.run(Cell.GRU, 64, 50, 128, 2, true, true, null))
                .isEqualTo(new Count(22_118_400L, 153_600L, 44_876_800L, 445_440L, 256));
    }

    @Test
    void pytorchsDocumentedElmanExampleWithReluAndWithoutBias() {
        // nn.RNN(10, 20, 2) over 5 steps: 1,480 parameters, 7,000 MACs, 400 bias additions, 15,400 FLOPs.
        assertThat(RecurrenceOracle.run(Cell.RNN, 10, 5, 20, 2, false, true, ActivationFunction.TANH))
                .isEqualTo(new Count(7_000L, 400L, 15_400L, 1_480L, 20));
        // nn.RNN(10, 20, nonlinearity='relu', bias=False): 600 weights, 3,000 MACs, 6,000 + 100 FLOPs.
        assertThat(RecurrenceOracle.run(Cell.RNN, 10, 5, 20, 1, false, false, ActivationFunction.RELU))
                .isEqualTo(new Count(3_000L, 0L, 6_100L, 600L, 20));
    }

    @Test
    void oneLstmUnitForOneStep() {
        // nn.LSTM(1, 1): weight_ih 4x1, weight_hh 4x1, two biases of 4: 16 parameters; 8 MACs, 8 bias additions,
        // 26 element-wise operations: 2 * 8 + 8 + 26 = 50 FLOPs.
        assertThat(RecurrenceOracle.run(Cell.LSTM, 1, 1, 1, 1, false, true, null))
                .isEqualTo(new Count(8L, 8L, 50L, 16L, 1));
    }
}
