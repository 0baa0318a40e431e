package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Any other element-wise layer (a scale by a constant, a clamp, a normalization without parameters...): the
 * given number of operations per element, and no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Elementwise {
    /** Operations per element, counted in {@code FLOPS}. */
    int flopsPerElement() default 1;
}
