package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Concatenation of the named layers' outputs along the channels: {@code @Concat({"branch1", "branch2"})}.
 * Spatial sizes must be equal. No operations, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Concat {
    /** The layers to concatenate, in order, at least two. */
    String[] value();
}
