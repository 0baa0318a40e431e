package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A feature map {@code C x S1 x ... x Sk} (at least one size) as the sequence {@code C x {S1 * ... * Sk}}: every
 * position becomes a token of {@code C} features, in row-major order. PyTorch's {@code x.flatten(2).transpose(1,
 * 2)}, as torchvision's ViT {@code _process_input} does after the patch convolution (768 x 14 x 14 to 196 tokens
 * of 768). On a sequence it changes nothing. No operations, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Tokens {
}
