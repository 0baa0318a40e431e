package dev.modelcost.processor.writing;

/**
 * One row of a table by stage: a stage or repetition ({@link #group()}), or a run of consecutive layers that
 * belong to no group shown at this level (a network's stem and head, a block's own layers beside a block inside
 * it). The rows of one level partition the layers of the row above them, so their shares add up to its share.
 *
 * @param name the group's path ({@code layer2.0}); for a run, its first layer's name and, when it holds more, its
 *     last one's, each without the enclosing group's path
 * @param parent the enclosing group's path, "" for the network itself
 * @param level 1 for a row of the network itself, 2 for one inside a stage, and so on
 * @param group whether the row is a stage or repetition rather than a run of layers
 * @param first the index of its first layer
 * @param last the index of its last layer
 * @param layers how many layers it holds
 * @param macs multiply-accumulates
 * @param flops floating-point operations
 * @param params parameters
 * @param bytesMoved memory access cost
 * @param latencyNanos the sum of the layers' roofline bounds; -1 without a device
 */
public record StageRow(String name, String parent, int level, boolean group, int first, int last, int layers,
        long macs, long flops, long params, long bytesMoved, long latencyNanos) {

    /** The row's name as a table shows it: a run says which group (or the network) holds it. */
    public String label() {
        return group ? name : "(" + (parent.isEmpty() ? "network" : parent) + ") " + name;
    }
}
