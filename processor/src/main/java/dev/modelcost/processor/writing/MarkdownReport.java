package dev.modelcost.processor.writing;

import dev.modelcost.Convention;
import dev.modelcost.processor.analysis.GenerationCost;
import dev.modelcost.processor.analysis.LayerFigures;
import dev.modelcost.processor.analysis.LayerTraffic;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.Numbers;
import dev.modelcost.processor.analysis.TensorShape;
import dev.modelcost.processor.analysis.TrainingProfile;
import java.util.List;
import java.util.stream.Collectors;

/** The Markdown report of a network: totals and a per-layer table that a pull request can show. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /** The report's text. */
    public static String write(NetworkCost cost, MemoryProfile memory) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(cost.network().displayName())).append("\n\n");
        md.append("`").append(cost.network().type().getQualifiedName()).append("`: input ").append(cost.input())
                .append(", output ").append(cost.output()).append(", ").append(cost.layers().size())
                .append(" layers, ").append(memory.target().precision().name());
        if (memory.target().hasDevice()) {
            md.append(" on ").append(escape(memory.target().deviceName()));
        }
        md.append(". Per sample (batch 1).\n\n");
        md.append("| total | value | counts |\n|---|---:|---|\n");
        total(md, Convention.MACS, cost.macs());
        total(md, Convention.FLOPS, cost.flops());
        total(md, Convention.PARAMS, cost.params());
        total(md, Convention.ACTIVATIONS, cost.activations());
        total(md, Convention.PARAM_BYTES, memory.paramBytes());
        total(md, Convention.ACTIVATION_BYTES, memory.activationBytes());
        total(md, Convention.PEAK_ACTIVATION_BYTES, memory.peakActivationBytes());
        total(md, Convention.MEMORY_BYTES, memory.memoryBytes());
        total(md, Convention.BYTES_MOVED, memory.bytesMoved());
        if (memory.latencyNanos() >= 0) {
            total(md, Convention.LATENCY_NANOS, memory.latencyNanos());
        }
        total(md, Convention.BACKWARD_MACS, cost.backward().macs());
        total(md, Convention.BACKWARD_FLOPS, cost.backward().flops());
        total(md, Convention.TRAINING_STEP_FLOPS, cost.backward().trainingStepFlops());
        training(md, memory);
        if (cost.generation() != null) {
            generation(md, cost.generation(), memory.target().hasDevice());
        }
        md.append("\n| # | layer | kind | settings | input | output | MACs | FLOPs | params | bytes moved |");
        md.append(memory.target().hasDevice() ? " latency (ns) | bound |\n" : "\n");
        md.append("|---:|---|---|---|---|---|---:|---:|---:|---:|");
        md.append(memory.target().hasDevice() ? "---:|---|\n" : "\n");
        for (int i = 0; i < cost.layers().size(); i++) {
            LayerFigures layer = cost.layers().get(i);
            LayerTraffic traffic = memory.layers().get(i);
            md.append("| ").append(i).append(" | ").append(escape(layer.layer().name())).append(" | ")
                    .append(layer.layer().kind()).append(" | ").append(escape(layer.settings())).append(" | ")
                    .append(shapes(cost.inputShapes(i))).append(" | ").append(layer.output()).append(" | ")
                    .append(Numbers.grouped(layer.macs())).append(" | ").append(Numbers.grouped(layer.flops()))
                    .append(" | ").append(Numbers.grouped(layer.params())).append(" | ")
                    .append(Numbers.grouped(traffic.bytesMoved())).append(" |");
            if (memory.target().hasDevice()) {
                md.append(' ').append(Numbers.grouped(traffic.latencyNanos())).append(" | ")
                        .append(traffic.computeBound() ? "compute" : "memory").append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** Generating text with a key/value cache, in a table of its own: its figures are not one forward pass's. */
    private static void generation(StringBuilder md, GenerationCost generation, boolean device) {
        md.append("\nGeneration with a key/value cache: a prompt of ").append(generation.prompt())
                .append(" tokens, ").append(generation.tokens()).append(" tokens generated, longest context ")
                .append(generation.longestContext()).append(".\n\n| generation | value | counts |\n|---|---:|---|\n");
        total(md, Convention.PREFILL_FLOPS, generation.prefillFlops());
        total(md, Convention.DECODE_STEP_FLOPS, generation.decodeStepFlops());
        total(md, Convention.GENERATION_FLOPS, generation.generationFlops());
        total(md, Convention.KV_CACHE_BYTES_PER_TOKEN, generation.kvCacheBytesPerToken());
        total(md, Convention.KV_CACHE_BYTES, generation.kvCacheBytes());
        if (device) {
            total(md, Convention.PREFILL_LATENCY_NANOS, generation.prefillLatencyNanos());
            total(md, Convention.DECODE_LATENCY_NANOS, generation.decodeLatencyNanos());
        }
    }

    /** The training step's memory and the batch roofline, in a table of their own: they are per batch. */
    private static void training(StringBuilder md, MemoryProfile memory) {
        TrainingProfile training = memory.training();
        md.append("\nTraining with ").append(training.training().optimizer()).append(" in ")
                .append(training.training().precision()).append(", batch ").append(training.training().batch())
                .append(".\n\n| training | value | counts |\n|---|---:|---|\n");
        total(md, Convention.WEIGHT_BYTES, training.weightBytes());
        total(md, Convention.GRADIENT_BYTES, training.gradientBytes());
        total(md, Convention.MASTER_WEIGHT_BYTES, training.masterWeightBytes());
        total(md, Convention.OPTIMIZER_STATE_BYTES, training.optimizerStateBytes());
        total(md, Convention.SAVED_ACTIVATION_BYTES, training.savedActivationBytes());
        total(md, Convention.TRAINING_MEMORY_BYTES, training.trainingMemoryBytes());
        if (training.batchLatencyNanos() >= 0) {
            total(md, Convention.BATCH_LATENCY_NANOS, training.batchLatencyNanos());
            total(md, "batch latency per sample (ns)", training.batchLatencyPerSampleNanos(), "");
        }
    }

    private static void total(StringBuilder md, Convention figure, long value) {
        total(md, figure.label(), value, figure.summary());
    }

    private static void total(StringBuilder md, String name, long value, String counts) {
        md.append("| ").append(name).append(" | ").append(Numbers.grouped(value)).append(" | ").append(counts)
                .append(" |\n");
    }

    /** Every input shape of a layer, e.g. {@code 256x56x56, 256x56x56} for a sum of two. */
    private static String shapes(List<TensorShape> shapes) {
        return shapes.stream().map(TensorShape::toString).collect(Collectors.joining(", "));
    }

    /** Keeps user text from breaking the table or the markup. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ");
    }
}
