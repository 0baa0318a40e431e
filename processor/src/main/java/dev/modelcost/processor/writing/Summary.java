package dev.modelcost.processor.writing;

import dev.modelcost.processor.analysis.MemoryProfile;
import dev.modelcost.processor.analysis.NetworkCost;
import dev.modelcost.processor.analysis.Numbers;
import java.util.function.UnaryOperator;

/** The one line that introduces a network in the Markdown report and the note: the device and precision once. */
final class Summary {
    private Summary() {
    }

    /**
     * E.g. {@code input 3x224x224, output 1000, 177 layers, FP16 on NVIDIA A100 40GB. Per sample (batch 1).};
     * {@code userText} makes the device's name safe for where the line goes.
     */
    static String of(NetworkCost cost, MemoryProfile memory, UnaryOperator<String> userText) {
        StringBuilder line = new StringBuilder("input ").append(cost.input()).append(", output ").append(cost.output())
                .append(", ").append(Numbers.grouped(cost.layers().size())).append(" layers, ")
                .append(memory.target().precision().name());
        if (memory.target().hasDevice()) {
            line.append(" on ").append(userText.apply(memory.target().deviceName()));
        }
        return line.append(". Per sample (batch 1).").toString();
    }
}
