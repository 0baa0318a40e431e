package dev.modelcost.processor.kinds;

import java.util.ArrayList;
import java.util.List;

/** Suggested sizes for a fix: a number split into factors as even as its divisors allow. */
final class Factors {
    private Factors() {
    }

    /**
     * {@code n} as {@code count} factors whose product is {@code n}, each the largest divisor not above the even
     * share of what is left, written as an {@code int[]} literal: 196 in 2 is {@code {14, 14}}, 12 in 2
     * {@code {3, 4}}, a prime {@code {1, p}}.
     */
    static String near(long n, int count) {
        List<Long> factors = new ArrayList<>();
        long left = n;
        for (int i = count; i > 1; i--) {
            long share = Math.max(1, Math.round(Math.pow(left, 1.0 / i)));
            long factor = share;
            while (left % factor != 0) {
                factor--;
            }
            factors.add(factor);
            left /= factor;
        }
        factors.add(left);
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < factors.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(factors.get(i));
        }
        return text.append('}').toString();
    }
}
