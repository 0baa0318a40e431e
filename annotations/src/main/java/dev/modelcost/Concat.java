package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Concatenation of the named layers' outputs along the channels, {@code @Concat({"branch1", "branch2"})}, or
 * along another dimension: {@code axis = 1} the first size (a sequence's tokens: PyTorch's {@code torch.cat(...,
 * dim=1)} on {@code (n, L, d)}), {@code 2} the second, and so on. Every other dimension must be equal. No
 * operations, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Concat {
    /** The layers to concatenate, in order, at least two. */
    String[] value();

    /** The dimension joined: 0 the channels, 1 the first size, 2 the second, ... */
    int axis() default 0;
}
