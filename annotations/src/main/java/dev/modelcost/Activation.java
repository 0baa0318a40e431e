package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An activation function, applied element by element: {@code @Activation(ActivationFunction.RELU)}. Each
 * function's operations per element are given in {@link ActivationFunction}. No parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Activation {
    /** The function. */
    ActivationFunction value();
}
