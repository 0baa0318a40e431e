package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The device and precision a network's memory and roofline figures are computed for:
 * {@code @Device(preset = DevicePreset.T4, precision = Precision.FP16)}, or a device of
 * your own: {@code @Device(name = "my NPU", peakFlops = 4_000_000_000_000L, bandwidth = 68_000_000_000L)}.
 * Without it, the {@code -Amodelcost.device} and {@code -Amodelcost.precision} options apply, and without
 * those, FP32 and no device (byte figures, but no latency).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Device {
    /** A built-in device; its figures are used unless {@link #peakFlops()} and {@link #bandwidth()} are given. */
    DevicePreset preset() default DevicePreset.NONE;

    /**
     * A name for reports, for a device of your own; without one, a preset's display name ({@code NVIDIA A100 40GB}:
     * the precision is reported on its own).
     */
    String name() default "";

    /** Peak operations per second at the precision; 0 to use the preset's. */
    long peakFlops() default 0;

    /** Memory bandwidth in bytes per second; 0 to use the preset's. */
    long bandwidth() default 0;

    /** The numeric type of weights and activations. */
    Precision precision() default Precision.FP32;
}
