package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Uses a {@link Block}, repeated: each repetition takes the previous one's output. A ResNet stage is one line:
 *
 * <pre>{@code
 * @Stage(block = Bottleneck.class, repeat = 4, with = "width = 128", first = "stride = 2")
 * Layer layer2;
 * }</pre>
 *
 * <p>{@code with} gives the block's parameters for every repetition, {@code first} overrides some of them for
 * the first one only (its stride, a projection shortcut). Both are comma-separated {@code name = expression}
 * pairs; inside a block, the expressions may use that block's own parameters. Layers are named
 * {@code stage.repetition.layer}, e.g. {@code layer2.0.conv1}; other layers refer to the stage by its field
 * name, meaning its last repetition's output.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Stage {
    /** The block class. */
    Class<?> block();

    /** How many times it is applied in sequence. */
    int repeat() default 1;

    /** Parameters for every repetition, e.g. {@code "width = 64, stride = 1"}. */
    String with() default "";

    /** Parameters that differ for the first repetition, e.g. {@code "stride = 2"}. */
    String first() default "";
}
