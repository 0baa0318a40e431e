package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A learned position embedding on a sequence {@code d x {L}}: a table of {@code positions x d} whose first
 * {@code L} rows are added to the tokens, as GPT-2's {@code wpe} ({@code nn.Embedding(1024, 768)} indexed by
 * {@code arange(L)}) whatever the sequence length up to its 1,024 positions. Parameters {@code positions * d};
 * {@code FLOPS} {@code L * d} (one addition per element); the output has the input's shape. A sequence longer
 * than the table is an error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface PositionEmbedding {
    /** Rows of the table: the longest sequence it can embed; required, here or as {@link #positionsExpr()}. */
    int positions() default 0;

    /** {@link #positions()} as an expression of a block's parameters. */
    String positionsExpr() default "";
}
