package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Batch normalization: 2 parameters per channel (scale and shift; the running mean and variance are buffers,
 * not parameters, as PyTorch counts them). In {@code FLOPS} it counts 2 operations per element (a multiply and
 * an add, once the statistics are folded into scale and shift); with {@code folded = true}, 0, as when the
 * scale and shift are merged into the preceding convolution for inference. The parameters count either way.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface BatchNorm {
    /** Whether it is merged into the preceding layer for inference (no operations of its own). */
    boolean folded() default false;
}
