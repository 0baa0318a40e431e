package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A token embedding, PyTorch's {@code nn.Embedding(vocabulary, dim)}: its input is a sequence of token ids,
 * {@code 1 x {L}} (one channel, one id per token), its output the {@code dim x {L}} rows the ids select from a
 * {@code vocabulary x dim} table. Parameters {@code vocabulary * dim}; no multiply-accumulates and no
 * {@code FLOPS} (a lookup moves data, it does not compute). A {@link Linear} may share its table
 * ({@code tiedTo}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Embedding {
    /** Rows of the table: the number of distinct tokens; required, here or as {@link #vocabularyExpr()}. */
    int vocabulary() default 0;

    /** {@link #vocabulary()} as an expression of a block's parameters. */
    String vocabularyExpr() default "";

    /** Features of each token; required, here or as {@link #dimExpr()}. */
    int dim() default 0;

    /** {@link #dim()} as an expression of a block's parameters. */
    String dimExpr() default "";
}
