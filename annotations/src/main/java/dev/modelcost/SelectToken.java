package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One token of a sequence {@code d x {L}}, as the vector {@code d}: {@code index = 0} the first (ViT's class
 * token, PyTorch's {@code x[:, 0]}), {@code -1} the last (a decoder's next-token position); a negative index
 * counts from the end, as in Python. No operations, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface SelectToken {
    /** The token kept: from 0 at the start, from -1 at the end. */
    int index() default 0;

    /** {@link #index()} as an expression of the block's parameters. */
    String indexExpr() default "";
}
