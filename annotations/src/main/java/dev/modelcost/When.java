package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Inside a {@link Block}: the layer exists only when the expression is not 0, e.g. {@code @When("project")} or
 * {@code @When("stride != 1 || in != out")}. An absent layer passes its input through, so names that refer to it
 * see its input instead.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface When {
    /** An expression of the block's parameters. */
    String value();
}
