package dev.modelcost;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The matrix product of two activations, {@code @MatMul({"a", "b"})}, for what {@link Attention} does not
 * cover. A sequence {@code K x {L}} is PyTorch's {@code (L, K)}: the first operand {@code K x {L}} times the
 * second {@code N x {K}} gives {@code N x {L}}; with {@link #transposeSecond()} the second is {@code K x {M}}
 * (PyTorch's {@code a @ b.transpose(-2, -1)}, as in {@code Q K^T}) and the output {@code M x {L}}. With
 * {@link #heads()} {@code h}, each operand's channels are {@code h} heads and the product is taken head by head
 * (PyTorch's batched {@code (h, L, K) @ (h, K, N)}). Multiply-accumulates {@code h * L * K * N} (or
 * {@code h * L * K * M}), exact; no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MatMul {
    /** The two operands, the first on the left. */
    String[] value();

    /** Whether the second operand is transposed: {@code K x {M}} rather than {@code N x {K}}. */
    boolean transposeSecond() default false;

    /** Heads the channels of both operands split into; the product is taken per head. */
    int heads() default 1;
}
