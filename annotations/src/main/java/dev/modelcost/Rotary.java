package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rotary position embedding (RoFormer, Su et al. 2021; Llama's {@code apply_rotary_pos_emb}) on a sequence
 * {@code d x {L}} whose channels are heads of {@link #headSize()}: the first {@link #dims()} dimensions of each
 * head are rotated in pairs by position-dependent angles, {@code x * cos + rotate_half(x) * sin}. 3 operations
 * per rotated element (two products and a sum), {@code 3 * L * (d / headSize) * dims}; no parameters (the
 * angles are a fixed table). The output has the input's shape.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Rotary {
    /** Features per head; they must divide the channels. */
    int headSize();

    /** Dimensions rotated per head: even, at most the head size; 0 (the default) is all of them. */
    int dims() default 0;
}
