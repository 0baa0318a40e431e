package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The shape of a network's input sample: channels, then one size per spatial dimension.
 *
 * <p>The length of {@link #size()} is the number of spatial dimensions: 1 for audio and sequences,
 * 2 for images, 3 for video and volumes, 0 for a plain feature vector of {@link #channels()} values.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Shape {
    /** Number of channels (features, for a vector input). */
    int channels();

    /** Spatial sizes, outermost first (height, width for an image). */
    int[] size() default {};
}
