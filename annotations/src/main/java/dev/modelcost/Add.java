package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Element-wise sum of the named layers' outputs (a residual connection): {@code @Add({"bn2", "shortcut"})}.
 * Shapes must be equal, or 1 where they differ (broadcast). Counts one addition per output element and
 * operand beyond the first in {@code FLOPS}; no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Add {
    /** The layers to add, at least two; {@link From#INPUT} names the network's or block's input. */
    String[] value();
}
