package dev.modelcost.processor.analysis;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Overflow-checked arithmetic on {@code long}: a figure that does not fit is an error naming the figure, never
 * a wrapped number.
 */
public final class Exact {
    static final String LONG_LIMIT = "the largest long, " + Numbers.grouped(Long.MAX_VALUE);
    static final String INT_LIMIT = "the largest int, " + Numbers.grouped(Integer.MAX_VALUE);

    private Exact() {
    }

    /** The product of all factors. */
    public static long product(String figure, long... factors) {
        long product = 1;
        try {
            for (long factor : factors) {
                product = multiply(figure, product, factor);
            }
        } catch (OverflowException e) {
            throw new OverflowException(figure, Arrays.stream(factors).mapToObj(Numbers::grouped)
                    .collect(Collectors.joining(" x ")), LONG_LIMIT);
        }
        return product;
    }

    public static long multiply(String figure, long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new OverflowException(figure, Numbers.grouped(a) + " x " + Numbers.grouped(b), LONG_LIMIT);
        }
    }

    public static long add(String figure, long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new OverflowException(figure, Numbers.grouped(a) + " + " + Numbers.grouped(b), LONG_LIMIT);
        }
    }

    /** The value, if it fits an {@code int} (shapes are {@code int}s in the generated code). */
    public static long checkInt(String figure, long value) {
        if (value > Integer.MAX_VALUE) {
            throw new OverflowException(figure, Numbers.grouped(value), INT_LIMIT);
        }
        return value;
    }
}
