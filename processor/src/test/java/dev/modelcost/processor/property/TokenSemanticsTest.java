package dev.modelcost.processor.property;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.processor.property.Spec.Field;
import dev.modelcost.processor.property.Spec.Kind;
import dev.modelcost.processor.property.Spec.Literal;
import dev.modelcost.processor.property.Spec.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The loops {@link PropertyTest} trusts for the per-token kinds, checked against figures derived by hand
 * (docs/FORMULAS.md#per-token-layers-embeddings-and-learned-tensors), and the generator's ties, which the suite
 * must draw to check them.
 */
class TokenSemanticsTest {

    private static Field field(Kind kind, String... verbatim) {
        Field field = new Field("f", kind);
        field.verbatim.addAll(List.of(verbatim));
        return field;
    }

    private static Semantics.Layer apply(Field field, Shape in) {
        return TokenSemantics.apply(field, new Semantics.Attributes(field, Map.of()), in, true);
    }

    @Test
    void aLinearLayerOnASequence() {
        // 6 -> 4 on 5 tokens: 5 * 6 * 4 = 120 multiplications, 20 bias additions, FLOPs 260, 28 parameters.
        Field linear = field(Kind.LINEAR);
        linear.values.put("out", new Literal(new int[] {4}, false));
        Semantics.Layer layer = apply(linear, new Shape(6, new int[] {5}));
        assertThat(layer.output()).isEqualTo(new Shape(4, new int[] {5}));
        assertThat(layer.macs()).isEqualTo(120L);
        assertThat(layer.figures()).isEqualTo(new Oracle.Figures(260L, 28L));
        // Tied and without a bias: no parameters of its own, 240 FLOPs.
        Field tied = field(Kind.LINEAR, TokenSemantics.NO_BIAS);
        tied.values.put("out", new Literal(new int[] {4}, false));
        tied.tiedTo = "wte";
        assertThat(apply(tied, new Shape(6, new int[] {5})).figures()).isEqualTo(new Oracle.Figures(240L, 0L));
    }

    @Test
    void llamasMlpOnOneTokenAtAToySize() {
        // d = 4, hidden 6, 2 tokens, GELU, biases: 144 multiplications, FLOPs 288 + 13 * 12 + 32 = 476,
        // parameters 72 + 16 = 88 (GatedMlpTest.withBiasesEachProjectionAddsOne derives the same).
        Field mlp = field(Kind.GATED_MLP, "activation = ActivationFunction.GELU", "bias = true");
        mlp.values.put("hidden", new Literal(new int[] {6}, false));
        Semantics.Layer layer = apply(mlp, new Shape(4, new int[] {2}));
        assertThat(layer.macs()).isEqualTo(144L);
        assertThat(layer.figures()).isEqualTo(new Oracle.Figures(476L, 88L));
    }

    @Test
    void aClassTokenAndALayerScale() {
        // A class token on 8x{5}: 8 parameters, 8x{6}, no FLOPs.
        Field token = field(Kind.LEARNED, "combine = Combine.PREPEND");
        token.values.put("size", new Literal(new int[] {1}, false));
        Semantics.Layer prepended = apply(token, new Shape(8, new int[] {5}));
        assertThat(prepended.output()).isEqualTo(new Shape(8, new int[] {6}));
        assertThat(prepended.figures()).isEqualTo(new Oracle.Figures(0L, 8L));
        // A layer scale on 3x4x4: 3 parameters, 48 multiplications.
        Field scale = field(Kind.LEARNED, "combine = Combine.MULTIPLY");
        scale.values.put("size", new Literal(new int[] {1}, false));
        assertThat(apply(scale, new Shape(3, new int[] {4, 4})).figures()).isEqualTo(new Oracle.Figures(48L, 3L));
    }

    @Test
    void normsAndEmbeddings() {
        // RMSNorm on 2048x{16}: 4 * 32,768 FLOPs, 2,048 parameters.
        assertThat(apply(field(Kind.RMS_NORM), new Shape(2048, new int[] {16})).figures())
                .isEqualTo(new Oracle.Figures(131_072L, 2_048L));
        // An embedding of 10 x 4 on 3 ids: 4x{3}, 40 parameters.
        Field embedding = field(Kind.EMBEDDING);
        embedding.values.put("vocabulary", new Literal(new int[] {10}, false));
        embedding.values.put("dim", new Literal(new int[] {4}, false));
        Semantics.Layer looked = apply(embedding, new Shape(1, new int[] {3}));
        assertThat(looked.output()).isEqualTo(new Shape(4, new int[] {3}));
        assertThat(looked.figures()).isEqualTo(new Oracle.Figures(0L, 40L));
        // A position table of 1,024 on 768x{512}: 393,216 additions, 786,432 parameters.
        Field positions = field(Kind.POSITION_EMBEDDING);
        positions.values.put("positions", new Literal(new int[] {1024}, false));
        assertThat(apply(positions, new Shape(768, new int[] {512})).figures())
                .isEqualTo(new Oracle.Figures(393_216L, 786_432L));
    }

    @Test
    void aTieNeedsAnEarlierEqualMatrix() {
        Map<String, int[]> matrices = new LinkedHashMap<>(Map.of("wte", new int[] {10, 4}));
        Field head = field(Kind.LINEAR);
        head.values.put("out", new Literal(new int[] {10}, false));
        head.tiedTo = "wte";
        TokenSemantics.tie(head, Map.of(), new Shape(4, new int[] {3}), matrices);
        assertThat(matrices.get("f")).isEqualTo(new int[] {10, 4});
        Field wrong = field(Kind.LINEAR);
        wrong.values.put("out", new Literal(new int[] {9}, false));
        wrong.tiedTo = "wte";
        org.junit.jupiter.api.Assertions.assertThrows(Semantics.Invalid.class,
                () -> TokenSemantics.tie(wrong, Map.of(), new Shape(4, new int[] {3}), matrices));
    }

    @Test
    void theGeneratorDrawsTiesToEmbeddingsAndLinearLayersInNetworksAndBlocks() {
        // Ties are rare (a linear layer must meet an earlier matrix of its width), rarer still in blocks.
        int networks = 2400;
        List<Field> tied = new ArrayList<>();
        List<Field> inBlocks = new ArrayList<>();
        for (int seed = 1; seed <= networks; seed++) {
            Spec.Network network = NetworkGenerator.generate(seed, "C" + seed);
            network.fields.stream().filter(f -> f.tiedTo != null).forEach(tied::add);
            network.blocks.forEach(block -> block.fields.stream().filter(f -> f.tiedTo != null)
                    .forEach(inBlocks::add));
        }
        System.out.printf("ties drawn in %d networks: %d in networks, %d in blocks%n", networks, tied.size(),
                inBlocks.size());
        assertThat(tied).isNotEmpty();
        assertThat(inBlocks).isNotEmpty();
    }
}
