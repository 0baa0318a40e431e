package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A layer whose weights are not trained ({@code requires_grad = False} in PyTorch): the backward pass computes no
 * weight gradient for it, though it still computes its input gradient when a trainable layer lies before it. On a
 * {@code @Stage}, every layer of every repetition of its block is frozen.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Frozen {
}
