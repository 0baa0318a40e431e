package dev.modelcost.processor.analysis;

/**
 * One layer's memory traffic and, on a device, its roofline bound.
 *
 * @param activationBytes bytes of its output
 * @param bytesMoved memory access cost as ShuffleNet V2 defines it: its inputs read, its output written and its
 *     parameters read, plus what it writes and reads again inside itself (attention's queries, keys, values and
 *     scores: {@link LayerFigures#internalElements()}), in bytes
 * @param latencyNanos the roofline lower bound on its time, {@code max(flops / peak, bytesMoved / bandwidth)},
 *     rounded up to a nanosecond; -1 without a device
 * @param computeBound whether the compute term of that bound is the larger (its arithmetic intensity reaches
 *     the device's ridge point); false without a device
 */
public record LayerTraffic(long activationBytes, long bytesMoved, long latencyNanos, boolean computeBound) {
}
