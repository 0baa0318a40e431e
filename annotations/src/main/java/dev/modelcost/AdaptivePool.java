package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * PyTorch's adaptive pooling to a given output size: window {@code i} of a dimension spans
 * {@code floor(i*S/O)} to {@code ceil((i+1)*S/O)}. In {@code FLOPS}: one operation per element of every window
 * (windows may overlap), counted exactly. No parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface AdaptivePool {
    /** Output spatial size. */
    int[] size();

    /** Average or maximum. */
    PoolMode mode() default PoolMode.AVG;
}
