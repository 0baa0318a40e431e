package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a network: the annotated class's fields, in declaration order, are its layers.
 *
 * <p>While the class compiles, the modelcost processor checks every layer's shape and settings and
 * generates a class of cost constants, {@code <Name>Cost}, in the same package.
 *
 * <pre>{@code
 * @Network(input = @Shape(channels = 3, size = {224, 224}))
 * public class TinyNet {
 *     @Conv(out = 32, kernel = 3, stride = 2, padding = 1) Layer stem;
 *     @Dense(out = 10) Layer head;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Network {
    /** The shape of one input sample (batch size 1). */
    Shape input();

    /** The name shown in reports and tables; the class's simple name when empty. */
    String name() default "";

    /**
     * The simple name of the generated class; {@code <ClassName>Cost} when empty. For a nested class the
     * default joins the enclosing names with {@code _}, e.g. {@code Outer_InnerCost}.
     */
    String costClass() default "";
}
