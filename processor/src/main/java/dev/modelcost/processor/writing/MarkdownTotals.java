package dev.modelcost.processor.writing;

import dev.modelcost.Convention;
import dev.modelcost.processor.analysis.GenerationCost;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.Numbers;
import dev.modelcost.processor.analysis.TrainingProfile;
import dev.modelcost.processor.writing.MarkdownTable.Column;
import java.util.List;

/**
 * The Markdown report's tables of totals: the forward pass's, the training step's and, for a network that
 * generates text, generation's. Each figure exact, scaled beside it, and what it counts in words.
 */
final class MarkdownTotals {
    private MarkdownTotals() {
    }

    /** The network's totals per sample. */
    static void forward(StringBuilder md, NetworkCost cost, MemoryProfile memory) {
        table(md, "total");
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
    }

    /** The training step's memory and the batch roofline, in a table of their own: they are per batch. */
    static void training(StringBuilder md, MemoryProfile memory) {
        TrainingProfile training = memory.training();
        md.append("\nTraining with ").append(training.training().optimizer()).append(" in ")
                .append(training.training().precision()).append(", batch ").append(training.training().batch())
                .append(".\n\n");
        table(md, "training");
        total(md, Convention.WEIGHT_BYTES, training.weightBytes());
        total(md, Convention.GRADIENT_BYTES, training.gradientBytes());
        total(md, Convention.MASTER_WEIGHT_BYTES, training.masterWeightBytes());
        total(md, Convention.OPTIMIZER_STATE_BYTES, training.optimizerStateBytes());
        total(md, Convention.SAVED_ACTIVATION_BYTES, training.savedActivationBytes());
        total(md, Convention.TRAINING_MEMORY_BYTES, training.trainingMemoryBytes());
        if (training.batchLatencyNanos() >= 0) {
            total(md, Convention.BATCH_LATENCY_NANOS, training.batchLatencyNanos());
            row(md, "batch latency per sample (ns)", training.batchLatencyPerSampleNanos(), FigureUnit.NANOS, "");
        }
    }

    /** Generating text with a key/value cache, in a table of its own: its figures are not one forward pass's. */
    static void generation(StringBuilder md, GenerationCost generation, boolean device) {
        md.append("\nGeneration with a key/value cache: a prompt of ").append(generation.prompt())
                .append(" tokens, ").append(generation.tokens()).append(" tokens generated, longest context ")
                .append(generation.longestContext()).append(".\n\n");
        table(md, "generation");
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

    private static void table(StringBuilder md, String name) {
        md.append(new MarkdownTable(List.of(Column.left(name), Column.right("value"), Column.right("scaled"),
                Column.left("counts"))).header());
    }

    private static void total(StringBuilder md, Convention figure, long value) {
        row(md, figure.label(), value, FigureUnit.of(figure), figure.summary());
    }

    private static void row(StringBuilder md, String name, long value, FigureUnit unit, String counts) {
        md.append("| ").append(name).append(" | ").append(Numbers.grouped(value)).append(" | ")
                .append(unit.scaled(value)).append(" | ").append(counts).append(" |\n");
    }
}
