package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Element-wise product of the named layers' outputs, broadcasting sizes of 1 (as squeeze-and-excitation
 * scales channels): {@code @Multiply({"features", "gate"})}. One multiplication per output element and operand
 * beyond the first in {@code FLOPS}; no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Multiply {
    /** The layers to multiply, at least two. */
    String[] value();
}
