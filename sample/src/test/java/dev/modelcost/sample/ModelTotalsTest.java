package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.ModelCost;
import java.lang.reflect.Field;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every sample network's {@code MODEL}, read from its text at class initialization, has the totals of its cost
 * class's constants, and the name its {@code @Network} gives.
 */
class ModelTotalsTest {
    /** Each cost class and the name in its network's {@code @Network(name)}. */
    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(AlexNetCost.class, "AlexNet"),
            Map.entry(DcganGeneratorCost.class, "DCGAN generator"),
            Map.entry(DilatedContextModuleCost.class, "Dilated context module (basic, C=21)"),
            Map.entry(Gpt2SmallCost.class, "GPT-2 small"),
            Map.entry(Gpt2SmallGenerationCost.class, "GPT-2 small, generating"),
            Map.entry(GroupedDecoderCost.class, "Grouped decoder"),
            Map.entry(LeNet300100Cost.class, "LeNet-300-100"),
            Map.entry(Llama32OneBCost.class, "Llama 3.2 1B"),
            Map.entry(Llama32OneBGenerationCost.class, "Llama 3.2 1B, generating"),
            Map.entry(LstmLanguageModelCost.class, "LSTM language model"),
            Map.entry(MobileNetV1Cost.class, "MobileNet V1 (without classifier)"),
            Map.entry(MobileNetV2Cost.class, "MobileNet V2"),
            Map.entry(R2Plus1dStage1Cost.class, "R(2+1)D-18 stem and stage 1"),
            Map.entry(ResNet18Cost.class, "ResNet-18"),
            Map.entry(ResNet50Cost.class, "ResNet-50"),
            Map.entry(SwinTCost.class, "Swin-T"),
            Map.entry(UNetCost.class, "U-Net"),
            Map.entry(Vgg16Cost.class, "VGG-16"),
            Map.entry(VitB16Cost.class, "ViT-B/16"),
            Map.entry(Wav2Vec2FeatureEncoderCost.class, "wav2vec 2.0 feature encoder"));

    @Test
    void everyModelHasTheTotalsOfItsConstants() throws ReflectiveOperationException {
        for (Map.Entry<Class<?>, String> entry : NAMES.entrySet()) {
            Class<?> cost = entry.getKey();
            ModelCost model = (ModelCost) constant(cost, "MODEL");
            String where = cost.getSimpleName();
            assertEquals(entry.getValue(), model.name(), where);
            assertEquals(constant(cost, "MACS"), model.macs(), where);
            assertEquals(constant(cost, "BIAS_ADDS"), model.biasAdds(), where);
            assertEquals(constant(cost, "FLOPS"), model.flops(), where);
            assertEquals(constant(cost, "PARAMS"), model.params(), where);
            assertEquals(constant(cost, "ACTIVATIONS"), model.activations(), where);
            assertEquals(constant(cost, "PRECISION"), model.precision(), where);
            assertEquals(constant(cost, "PARAM_BYTES"), model.paramBytes(), where);
            assertEquals(constant(cost, "ACTIVATION_BYTES"), model.activationBytes(), where);
            assertEquals(constant(cost, "PEAK_ACTIVATION_BYTES"), model.peakActivationBytes(), where);
            assertEquals(constant(cost, "MEMORY_BYTES"), model.memoryBytes(), where);
            assertEquals(constant(cost, "BYTES_MOVED"), model.bytesMoved(), where);
            assertEquals(hasField(cost, "LATENCY_NANOS") ? constant(cost, "LATENCY_NANOS") : -1L,
                    model.latencyNanos(), where);
            assertEquals(constant(cost, "LAYERS"), model.layers().size(), where);
            assertEquals(constant(cost, "INPUT_SHAPE"), model.inputShapeText(), where);
            assertEquals(constant(cost, "OUTPUT_SHAPE"), model.outputShapeText(), where);
        }
    }

    @Test
    void shapesAreReadBackAsDimensions() {
        assertArrayEquals(new int[] {3, 224, 224}, ResNet50Cost.MODEL.inputShape());
        assertArrayEquals(new int[] {1000}, ResNet50Cost.MODEL.outputShape());
        assertArrayEquals(new int[] {1, 16_000}, Wav2Vec2FeatureEncoderCost.MODEL.inputShape());
    }

    private static Object constant(Class<?> type, String name) throws ReflectiveOperationException {
        return type.getField(name).get(null);
    }

    private static boolean hasField(Class<?> type, String name) {
        for (Field field : type.getFields()) {
            if (field.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
