package dev.modelcost.processor.writing;

import dev.modelcost.Convention;
import dev.modelcost.From;
import dev.modelcost.Reports;
import dev.modelcost.Stages;
import dev.modelcost.processor.analysis.GenerationCost;
import dev.modelcost.processor.analysis.LayerBackward;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.LayerTraffic;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.StageTotals;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.analysis.TrainingProfile;
import dev.modelcost.processor.model.Target;
import java.util.List;

/**
 * The JSON report of a network, schema {@value Reports#SCHEMA_NAME} version {@value Reports#SCHEMA_VERSION}
 * (described by {@code report-schema.json} beside this class): the conventions, the totals, the totals of every
 * stage and block repetition, and one row per layer with its stage, its shapes, its inputs and every figure. Written for machines and for diffs between commits.
 */
public final class JsonReport {
    private JsonReport() {
    }

    /** The report's text. */
    public static String write(NetworkCost cost, MemoryProfile memory) {
        return write(cost, memory, StageTotals.of(cost, memory));
    }

    /** The report's text, with the sums of the stages and repetitions already made. */
    static String write(NetworkCost cost, MemoryProfile memory, List<StageTotals> stages) {
        // About 750 characters a layer and 450 a group: the text is not copied as it grows.
        JsonBuilder json = new JsonBuilder(4_096 + cost.layers().size() * 800 + stages.size() * 480).beginObject()
                .key(Reports.SCHEMA).value(Reports.SCHEMA_NAME)
                .key(Reports.VERSION).value(Reports.SCHEMA_VERSION)
                .key(Reports.NETWORK).value(cost.network().displayName())
                .key("class").value(cost.network().type().getQualifiedName().toString())
                .key("input").ints(cost.input().toInts())
                .key("output").ints(cost.output().toInts());
        target(json, memory.target());
        json.key(Reports.CONVENTIONS).beginObject();
        for (Convention convention : Convention.values()) {
            json.key(convention.key()).value(convention.text());
        }
        json.endObject();
        json.key(Reports.TOTALS).beginObject()
                .key(Reports.LAYERS).value(cost.layers().size())
                .key(Convention.MACS.key()).value(cost.macs())
                .key(Convention.BIAS_ADDS.key()).value(cost.biasAdds())
                .key(Convention.FLOPS.key()).value(cost.flops())
                .key(Convention.PARAMS.key()).value(cost.params())
                .key(Convention.ACTIVATIONS.key()).value(cost.activations())
                .key(Convention.PARAM_BYTES.key()).value(memory.paramBytes())
                .key(Convention.ACTIVATION_BYTES.key()).value(memory.activationBytes())
                .key(Convention.PEAK_ACTIVATION_BYTES.key()).value(memory.peakActivationBytes())
                .key(Convention.MEMORY_BYTES.key()).value(memory.memoryBytes())
                .key(Convention.BYTES_MOVED.key()).value(memory.bytesMoved());
        nanos(json, memory.latencyNanos());
        json.key(Convention.BACKWARD_MACS.key()).value(cost.backward().macs())
                .key(Convention.BACKWARD_FLOPS.key()).value(cost.backward().flops())
                .key(Convention.TRAINING_STEP_FLOPS.key()).value(cost.backward().trainingStepFlops());
        json.endObject();
        training(json, memory.training());
        if (cost.generation() != null) {
            generation(json, cost.generation());
        }
        stages(json, stages);
        json.key(Reports.LAYERS).beginArray();
        for (int i = 0; i < cost.layers().size(); i++) {
            layer(json, cost, i, memory.layers().get(i), memory.target().hasDevice());
        }
        return json.endArray().endObject().toString();
    }

    /** Every stage and repetition with the sums of its layers' figures, each before the groups inside it. */
    private static void stages(JsonBuilder json, List<StageTotals> stages) {
        json.key("stages").beginArray();
        for (StageTotals stage : stages) {
            json.beginObject()
                    .key("name").value(stage.name())
                    .key("depth").value(stage.depth())
                    .key("first").value(stage.first())
                    .key("last").value(stage.last())
                    .key(Reports.LAYERS).value(stage.layers())
                    .key(Convention.MACS.key()).value(stage.macs())
                    .key(Convention.FLOPS.key()).value(stage.flops())
                    .key(Convention.PARAMS.key()).value(stage.params())
                    .key(Convention.ACTIVATIONS.key()).value(stage.activations())
                    .key(Convention.ACTIVATION_BYTES.key()).value(stage.activationBytes())
                    .key(Convention.BYTES_MOVED.key()).value(stage.bytesMoved());
            nanos(json, stage.latencyNanos());
            json.key(Convention.BACKWARD_MACS.key()).value(stage.backwardMacs())
                    .key(Convention.BACKWARD_FLOPS.key()).value(stage.backwardFlops())
                    .endObject();
        }
        json.endArray();
    }

    private static void training(JsonBuilder json, TrainingProfile training) {
        json.key("training").beginObject()
                .key("optimizer").value(training.training().optimizer().name())
                .key("precision").value(training.training().precision().name())
                .key("batch").value(training.training().batch())
                .key(Convention.WEIGHT_BYTES.key()).value(training.weightBytes())
                .key(Convention.GRADIENT_BYTES.key()).value(training.gradientBytes())
                .key(Convention.MASTER_WEIGHT_BYTES.key()).value(training.masterWeightBytes())
                .key(Convention.OPTIMIZER_STATE_BYTES.key()).value(training.optimizerStateBytes())
                .key(Convention.SAVED_ACTIVATION_BYTES.key()).value(training.savedActivationBytes())
                .key(Convention.TRAINING_MEMORY_BYTES.key()).value(training.trainingMemoryBytes());
        json.key(Convention.BATCH_LATENCY_NANOS.key());
        nullable(json, training.batchLatencyNanos());
        json.key("batchLatencyPerSampleNanos");
        nullable(json, training.batchLatencyPerSampleNanos());
        json.endObject();
    }

    private static void target(JsonBuilder json, Target target) {
        json.key("precision").value(target.precision().name())
                .key("bytesPerElement").value(target.precision().bytes())
                .key("device");
        if (target.hasDevice()) {
            json.beginObject()
                    .key("name").value(target.deviceName())
                    .key("peakFlopsPerSecond").value(target.peakFlopsPerSecond())
                    .key("bytesPerSecond").value(target.bytesPerSecond())
                    .endObject();
        } else {
            json.nullValue();
        }
    }

    private static void layer(JsonBuilder json, NetworkCost cost, int index, LayerTraffic traffic,
            boolean device) {
        LayerFigures layer = cost.layers().get(index);
        json.beginObject()
                .key("index").value(index)
                .key(Reports.LAYER_NAME).value(layer.layer().name())
                .key("stage").value(Stages.innermost(layer.layer().name()))
                .key("kind").value(layer.layer().kind().name())
                .key("settings").value(layer.settings())
                .key("inputs").beginArray();
        for (int input : cost.inputs().get(index)) {
            json.value(input < 0 ? From.INPUT : cost.layers().get(input).layer().name());
        }
        json.endArray()
                .key("inputShape").ints(layer.input().toInts())
                .key("inputShapes").beginArray();
        for (TensorShape shape : cost.inputShapes(index)) {
            json.ints(shape.toInts());
        }
        json.endArray()
                .key("outputShape").ints(layer.output().toInts())
                .key(Convention.MACS.key()).value(layer.macs())
                .key(Convention.BIAS_ADDS.key()).value(layer.biasAdds())
                .key(Convention.FLOPS.key()).value(layer.flops())
                .key(Convention.PARAMS.key()).value(layer.params())
                .key(Convention.ACTIVATIONS.key()).value(layer.activations())
                .key(Convention.ACTIVATION_BYTES.key()).value(traffic.activationBytes())
                .key(Convention.BYTES_MOVED.key()).value(traffic.bytesMoved())
                .key(Convention.INTENSITY.key()).ratio(layer.flops(), traffic.bytesMoved());
        nanos(json, traffic.latencyNanos());
        json.key("bound");
        if (device) {
            json.value(traffic.computeBound() ? "compute" : "memory");
        } else {
            json.nullValue();
        }
        LayerBackward backward = cost.backward().layers().get(index);
        json.key("inputGradient").value(backward.inputGradient())
                .key("weightGradient").value(backward.weightGradient())
                .key(Convention.BACKWARD_MACS.key()).value(backward.macs())
                .key(Convention.BACKWARD_FLOPS.key()).value(backward.flops());
        json.endObject();
    }

    /** With {@code @Generation}: what generating text costs, the latencies null without a device. */
    private static void generation(JsonBuilder json, GenerationCost generation) {
        json.key("generation").beginObject()
                .key("promptTokens").value(generation.prompt())
                .key("generatedTokens").value(generation.tokens())
                .key("longestContext").value(generation.longestContext())
                .key(Convention.PREFILL_FLOPS.key()).value(generation.prefillFlops())
                .key(Convention.DECODE_STEP_FLOPS.key()).value(generation.decodeStepFlops())
                .key(Convention.GENERATION_FLOPS.key()).value(generation.generationFlops())
                .key(Convention.KV_CACHE_BYTES_PER_TOKEN.key()).value(generation.kvCacheBytesPerToken())
                .key(Convention.KV_CACHE_BYTES.key()).value(generation.kvCacheBytes());
        nanos(json, Convention.PREFILL_LATENCY_NANOS, generation.prefillLatencyNanos());
        nanos(json, Convention.DECODE_LATENCY_NANOS, generation.decodeLatencyNanos());
        json.endObject();
    }

    private static void nanos(JsonBuilder json, long nanos) {
        nanos(json, Convention.LATENCY_NANOS, nanos);
    }

    private static void nanos(JsonBuilder json, Convention figure, long nanos) {
        json.key(figure.key());
        nullable(json, nanos);
    }

    /** A figure that is -1 without a device, as null. */
    private static void nullable(JsonBuilder json, long nanos) {
        if (nanos < 0) {
            json.nullValue();
        } else {
            json.value(nanos);
        }
    }
}
