package dev.modelcost.processor.property;

/**
 * How a valid network was broken.
 *
 * @param name what was done, for the failure report
 * @param key the diagnostic key the processor must report in the network's file
 * @param breaksNetwork whether the error is the network's own, so that it must get no cost class; false for a
 *     mistake beside it in its file (a layer in a nested class that is no block), which leaves it valid
 */
record Mutation(String name, String key, boolean breaksNetwork) {

    /** A mistake in the network itself. */
    Mutation(String name, String key) {
        this(name, key, true);
    }
}
