package dev.modelcost.processor.writing;

import dev.modelcost.Convention;
import dev.modelcost.Reports;
import dev.modelcost.processor.analysis.GenerationCost;
import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.TrainingProfile;

/**
 * The top of the HTML page as markup written at compile time, so that it reads without scripts: the page's title,
 * the heading with what the network takes and gives and the device, and the tables of totals (forward pass,
 * training step and, with {@code @Generation}, generation), each figure exact, scaled beside it, and with the
 * words of its {@link Convention}.
 */
final class HtmlSummary {
    private HtmlSummary() {
    }

    /**
     * The text of the page's {@code <title>}, e.g. {@code ResNet-50 — modelcost}, escaped. The dash is a character
     * reference, as every character above U+00FF the page's own markup needs: a page of Latin-1 characters only
     * is a compact string in the processor, half the memory of a 100,000-layer page otherwise.
     */
    static String title(NetworkCost cost) {
        return HtmlText.escape(cost.network().displayName()) + " &#8212; modelcost";
    }

    /** The heading and the line under it: the class, shapes, layer count, precision once, device. */
    static void heading(StringBuilder html, NetworkCost cost, MemoryProfile memory) {
        html.append("<h1 id=\"title\">");
        HtmlText.escape(html, cost.network().displayName()).append("</h1>\n<p class=\"sub\" id=\"subtitle\"><code>");
        HtmlText.escape(html, cost.network().type().getQualifiedName().toString()).append("</code>: input ")
                .append(cost.input()).append(", output ").append(cost.output()).append(", ")
                .append(Reports.grouped(cost.layers().size())).append(cost.layers().size() == 1 ? " layer, " :
                        " layers, ").append(memory.target().precision().name());
        if (memory.target().hasDevice()) {
            HtmlText.escape(html.append(" on "), memory.target().deviceName());
        }
        html.append(". Per sample (batch 1).</p>\n");
    }

    /** The tables of totals. */
    static void totals(StringBuilder html, NetworkCost cost, MemoryProfile memory) {
        table(html, "totals", "Forward pass, per sample");
        figure(html, Convention.MACS, cost.macs());
        figure(html, Convention.FLOPS, cost.flops());
        figure(html, Convention.PARAMS, cost.params());
        figure(html, Convention.ACTIVATIONS, cost.activations());
        figure(html, Convention.PARAM_BYTES, memory.paramBytes());
        figure(html, Convention.ACTIVATION_BYTES, memory.activationBytes());
        figure(html, Convention.PEAK_ACTIVATION_BYTES, memory.peakActivationBytes());
        figure(html, Convention.MEMORY_BYTES, memory.memoryBytes());
        figure(html, Convention.BYTES_MOVED, memory.bytesMoved());
        figure(html, Convention.LATENCY_NANOS, memory.latencyNanos());
        html.append("</table>\n");

        TrainingProfile training = memory.training();
        table(html, "training", "Training step: " + training.training().optimizer() + " in "
                + training.training().precision() + ", batch " + Reports.grouped(training.training().batch()));
        figure(html, Convention.BACKWARD_MACS, cost.backward().macs());
        figure(html, Convention.BACKWARD_FLOPS, cost.backward().flops());
        figure(html, Convention.TRAINING_STEP_FLOPS, cost.backward().trainingStepFlops());
        figure(html, Convention.WEIGHT_BYTES, training.weightBytes());
        figure(html, Convention.GRADIENT_BYTES, training.gradientBytes());
        figure(html, Convention.MASTER_WEIGHT_BYTES, training.masterWeightBytes());
        figure(html, Convention.OPTIMIZER_STATE_BYTES, training.optimizerStateBytes());
        figure(html, Convention.SAVED_ACTIVATION_BYTES, training.savedActivationBytes());
        figure(html, Convention.TRAINING_MEMORY_BYTES, training.trainingMemoryBytes());
        figure(html, Convention.BATCH_LATENCY_NANOS, training.batchLatencyNanos());
        if (training.batchLatencyNanos() >= 0) {
            row(html, "batch latency per sample (ns)", "batch latency / batch",
                    training.batchLatencyPerSampleNanos(), Reports.scaledNanos(training.batchLatencyPerSampleNanos()));
        }
        html.append("</table>\n");

        GenerationCost generation = cost.generation();
        if (generation != null) {
            table(html, "generation", "Generation with a key/value cache: a prompt of "
                    + Reports.grouped(generation.prompt()) + " tokens, " + Reports.grouped(generation.tokens())
                    + " generated, longest context " + Reports.grouped(generation.longestContext()));
            figure(html, Convention.PREFILL_FLOPS, generation.prefillFlops());
            figure(html, Convention.DECODE_STEP_FLOPS, generation.decodeStepFlops());
            figure(html, Convention.GENERATION_FLOPS, generation.generationFlops());
            figure(html, Convention.KV_CACHE_BYTES_PER_TOKEN, generation.kvCacheBytesPerToken());
            figure(html, Convention.KV_CACHE_BYTES, generation.kvCacheBytes());
            figure(html, Convention.PREFILL_LATENCY_NANOS, generation.prefillLatencyNanos());
            figure(html, Convention.DECODE_LATENCY_NANOS, generation.decodeLatencyNanos());
            html.append("</table>\n");
        }
    }

    private static void table(StringBuilder html, String id, String caption) {
        html.append("<table class=\"totals\" id=\"").append(id).append("\"><caption>");
        HtmlText.escape(html, caption).append("</caption>\n<thead><tr><th scope=\"col\">figure</th>"
                + "<th scope=\"col\">exact</th><th scope=\"col\">scaled</th></tr></thead>\n");
    }

    /** A figure's row, scaled in its unit ({@link FigureUnit}); a latency absent (-1) without a device has none. */
    private static void figure(StringBuilder html, Convention figure, long value) {
        if (value >= 0) {
            row(html, figure, value, FigureUnit.of(figure).scaled(value));
        }
    }

    private static void row(StringBuilder html, Convention figure, long value, String scaled) {
        row(html, figure.label(), figure.summary(), value, scaled);
    }

    /** The figure's name with what it counts under it, the exact value, the scaled one. */
    private static void row(StringBuilder html, String label, String counts, long value, String scaled) {
        html.append("<tr><th scope=\"row\">");
        HtmlText.escape(html, label).append("<span class=\"counts\">");
        HtmlText.escape(html, counts).append("</span></th><td>").append(Reports.grouped(value)).append("</td><td>");
        HtmlText.escape(html, scaled).append("</td></tr>\n");
    }
}
