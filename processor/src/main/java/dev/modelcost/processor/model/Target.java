package dev.modelcost.processor.model;

import dev.modelcost.Precision;

/**
 * What byte and latency figures are computed for: a precision, and optionally a device.
 *
 * @param precision the numeric type of weights and activations
 * @param deviceName the device's name, or null without a device
 * @param peakFlopsPerSecond the device's peak operations per second at that precision; 0 without a device
 * @param bytesPerSecond the device's memory bandwidth; 0 without a device
 */
public record Target(Precision precision, String deviceName, long peakFlopsPerSecond, long bytesPerSecond) {

    /** Whether a device is declared, so that latencies can be bounded. */
    public boolean hasDevice() {
        return deviceName != null && peakFlopsPerSecond > 0 && bytesPerSecond > 0;
    }
}
