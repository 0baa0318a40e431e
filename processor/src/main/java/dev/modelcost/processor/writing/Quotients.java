package dev.modelcost.processor.writing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A ratio of two figures printed with a fixed number of decimals, rounded half up in exact arithmetic: where a
 * {@code double} could round twice, and without {@code String.format}, which loads its formatter, patterns and
 * locale data into every compilation.
 */
final class Quotients {
    private static final long[] POWERS = {1, 10, 100, 1_000};

    private Quotients() {
    }

    /**
     * Appends {@code numerator / denominator} (not 0) with {@code decimals} digits after the point (0 to 3),
     * rounded as {@link RoundingMode#HALF_UP} rounds it.
     */
    static StringBuilder append(StringBuilder text, long numerator, long denominator, int decimals) {
        long power = POWERS[decimals];
        if (numerator < 0 || denominator <= 0 || numerator > Long.MAX_VALUE / power) {
            return text.append(BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), decimals,
                    RoundingMode.HALF_UP).toPlainString());
        }
        long scaled = numerator * power;
        long remainder = scaled % denominator;
        long units = scaled / denominator + (remainder >= denominator - remainder ? 1 : 0);
        text.append(units / power);
        if (decimals > 0) {
            text.append('.');
            long fraction = units % power;
            for (long digit = power / 10; digit > 1 && fraction < digit; digit /= 10) {
                text.append('0');
            }
            text.append(fraction);
        }
        return text;
    }
}
