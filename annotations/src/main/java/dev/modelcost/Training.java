package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a {@link Network} is trained: the optimizer, the precision and the batch size that its training memory
 * figures and its batch roofline are for. A network without it is counted with these defaults (Adam in FP32)
 * and the batch of {@code -Amodelcost.batch}, else 1.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Training {
    /** The optimizer, which decides the state kept per parameter. */
    Optimizer optimizer() default Optimizer.ADAM;

    /** The numeric types of weights, gradients, master weights, optimizer state and activations. */
    TrainingPrecision precision() default TrainingPrecision.FP32;

    /**
     * Samples per batch: written, at least 1 (else error MC220), and it wins over {@code -Amodelcost.batch}; left
     * out, the option's batch, else 1. Saved activations scale with it; the batch roofline reads each layer's
     * weights once per batch.
     */
    int batch() default 0;
}
