package dev.modelcost.processor.property;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.modelcost.processor.property.Spec.Shape;
import org.junit.jupiter.api.Test;

/**
 * The element walks {@link PropertyTest} trusts for the layers that only move elements, checked against shapes
 * worked out by hand from PyTorch's definitions (docs/FORMULAS.md#sequence-shapes), and against the inputs those
 * definitions reject.
 */
class SequenceOracleTest {

    private static Shape shape(int channels, int... sizes) {
        return new Shape(channels, sizes);
    }

    @Test
    void tokensAreThePositionsOfAMap() {
        // ViT-B/16's 768 x 14 x 14 is 196 tokens; a 3-D 4 x 2 x 3 x 5 is 30.
        assertThat(SequenceOracle.tokens(shape(768, 14, 14))).isEqualTo(shape(768, 196));
        assertThat(SequenceOracle.tokens(shape(4, 2, 3, 5))).isEqualTo(shape(4, 30));
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.tokens(shape(768)));
    }

    @Test
    void aMapTakesExactlyTheTokens() {
        // 196 = 14 * 14 = 7 * 28; 14 * 15 = 210 and 13 * 13 = 169 are not 196.
        assertThat(SequenceOracle.toMap(shape(8, 196), new int[] {14, 14})).isEqualTo(shape(8, 14, 14));
        assertThat(SequenceOracle.toMap(shape(8, 196), new int[] {7, 28})).isEqualTo(shape(8, 7, 28));
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.toMap(shape(8, 196), new int[] {14, 15}));
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.toMap(shape(8, 196), new int[] {13, 13}));
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.toMap(shape(8, 4, 4), new int[] {16}));
    }

    @Test
    void oneTokenOfTheSequence() {
        // 7 tokens: indexes 0 to 6 and -7 to -1.
        assertThat(SequenceOracle.selectToken(shape(5, 7), -1)).isEqualTo(shape(5));
        assertThat(SequenceOracle.selectToken(shape(5, 7), -7)).isEqualTo(shape(5));
        assertThat(SequenceOracle.selectToken(shape(5, 7), 6)).isEqualTo(shape(5));
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.selectToken(shape(5, 7), 7));
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.selectToken(shape(5, 7), -8));
    }

    @Test
    void aReshapeKeepsTheElements() {
        // 12 x {5} = 60 elements: -1 x 3 x 4 infers 5; 60 is a vector of 60; 7 x 3 = 21 is not 60, nor 8 x -1.
        assertThat(SequenceOracle.reshape(shape(12, 5), -1, new int[] {3, 4})).isEqualTo(shape(5, 3, 4));
        assertThat(SequenceOracle.reshape(shape(12, 5), 60, new int[0])).isEqualTo(shape(60));
        assertThat(SequenceOracle.reshape(shape(12, 5), 2, new int[] {-1, 6})).isEqualTo(shape(2, 5, 6));
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.reshape(shape(12, 5), 7, new int[] {3}));
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.reshape(shape(12, 5), 8, new int[] {-1}));
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.reshape(shape(12, 5), -1, new int[] {-1}));
    }

    @Test
    void aPermutationReordersTheDimensions() {
        // {1, 0} on 4 x {6} is 6 x {4}; {2, 0, 1} on (8, 4, 6) is (6, 8, 4).
        assertThat(SequenceOracle.permute(shape(4, 6), new int[] {1, 0})).isEqualTo(shape(6, 4));
        assertThat(SequenceOracle.permute(shape(8, 4, 6), new int[] {2, 0, 1})).isEqualTo(shape(6, 8, 4));
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.permute(shape(4, 6), new int[] {1, 1}));
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.permute(shape(4, 6), new int[] {0, 1, 2}));
    }

    @Test
    void pixelShufflesMoveBlocksOfChannels() {
        // ESPCN's 9 x 4 x 4 by 3: 9 / 3^2 = 1 channel of 12 x 12; 8 x {5} by 2 in 1-D: 4 x {10}.
        assertThat(SequenceOracle.pixelShuffle(shape(9, 4, 4), 3, false)).isEqualTo(shape(1, 12, 12));
        assertThat(SequenceOracle.pixelShuffle(shape(8, 5), 2, false)).isEqualTo(shape(4, 10));
        // Swin's patch merging of 3 x 6 x 6 by 2: 3 * 2^2 = 12 channels of 3 x 3.
        assertThat(SequenceOracle.pixelShuffle(shape(3, 6, 6), 2, true)).isEqualTo(shape(12, 3, 3));
        // 10 channels are no multiple of 4; a size of 7 none of 2.
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.pixelShuffle(shape(10, 2, 2), 2, false));
        assertThrows(Semantics.Invalid.class, () -> SequenceOracle.pixelShuffle(shape(8, 6, 7), 2, true));
    }

    @Test
    void concatenationsFitBesidesTheirAxis() {
        assertThat(SequenceOracle.concatFits(shape(768, 1), shape(768, 196), 1)).isTrue();
        assertThat(SequenceOracle.concatFits(shape(768, 1), shape(768, 196), 0)).isFalse();
        assertThat(SequenceOracle.concatFits(shape(8, 5), shape(4, 5), 1)).isFalse();
        assertThat(SequenceOracle.concatFits(shape(8, 5), shape(8, 5), 2)).isFalse();
    }
}
