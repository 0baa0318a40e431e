package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Feeds the layer from a named earlier layer instead of the previous one: {@code @From("stem")}. Inside a
 * {@link Block}, names are the block's own fields, and {@link #INPUT} is the block's input; in a network,
 * {@link #INPUT} is the network's input. A {@link Stage} field names the output of its last block.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface From {
    /** The name that stands for the input of the enclosing network or block. */
    String INPUT = "<input>";

    /** The layer whose output this layer takes. */
    String value();
}
