package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Splits the {@link Conv} or {@link Deconv} on the same field into groups: {@code @Grouped(32)}, or
 * {@code @Grouped(depthwise = true)} for as many groups as input channels. Both the input and the output
 * channels must be multiples of the group count; each group sees only its share of the input channels,
 * so the cost is the ungrouped cost divided by the group count.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Grouped {
    /** The number of groups; give either this or {@link #depthwise()}. */
    int value() default 0;

    /** {@link #value()} as an expression of a block's parameters. */
    String valueExpr() default "";

    /** One group per input channel (a depthwise convolution). */
    boolean depthwise() default false;
}
