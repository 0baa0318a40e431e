package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A reusable block: a class whose layer fields are instantiated wherever a {@link Stage} uses it, as often as
 * the stage repeats it. Its {@link Param} fields are its parameters; layer attributes take them through their
 * {@code ...Expr} twins ({@code @Conv(outExpr = "width * 4", kernel = 1)}), and {@link When} makes a layer
 * depend on them. Besides its own parameters, an expression can use {@code in}, the channels of the block's
 * input.
 *
 * <pre>{@code
 * @Block
 * static class Basic {
 *     @Param int width;
 *     @Param("1") int stride;
 *     @Conv(outExpr = "width", kernel = 3, strideExpr = "stride", padding = 1, bias = false) Layer conv1;
 *     @BatchNorm Layer bn1;
 *     @Activation(ActivationFunction.RELU) Layer relu1;
 *     @Conv(outExpr = "width", kernel = 3, padding = 1, bias = false) Layer conv2;
 *     @BatchNorm Layer bn2;
 *     @From(From.INPUT) @When("stride != 1 || in != width")
 *     @Conv(outExpr = "width", kernel = 1, strideExpr = "stride", bias = false) Layer project;
 *     @When("stride != 1 || in != width") @BatchNorm Layer projectBn;
 *     @Add({"bn2", "projectBn"}) Layer sum;
 *     @Activation(ActivationFunction.RELU) Layer relu2;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Block {
}
