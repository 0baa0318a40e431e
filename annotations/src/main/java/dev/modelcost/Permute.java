package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reorders the dimensions of its input, 0 being the channels and 1, 2, ... the sizes: dimension {@code i} of
 * the output is dimension {@code value[i]} of the input. {@code @Permute({1, 0})} on the sequence {@code d x {L}}
 * gives {@code L x {d}}, the transposition of MLP-Mixer's token mixing; PyTorch's {@code permute} of one sample.
 * The values must be a permutation of {@code 0..rank}. No operations, no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Permute {
    /** The input dimension each output dimension is, channels (0) first; one entry per dimension. */
    int[] value();
}
