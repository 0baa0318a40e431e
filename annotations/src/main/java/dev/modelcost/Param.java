package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A parameter of a {@link Block}, on an {@code int} field: {@code @Param int width;} must be given by every
 * {@link Stage} that uses the block; {@code @Param("1") int stride;} defaults to 1. A default is an expression
 * and may use the parameters declared before it and {@code in}: {@code @Param("width * 4") int out;}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Param {
    /** The default, an expression; empty when the parameter must be given. */
    String value() default "";
}
