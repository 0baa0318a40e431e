package dev.modelcost.processor.writing;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.modelcost.Reports;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scaled units and shares, computed in integers, against two references on many values: {@link BigDecimal}
 * rounded half up (everywhere), and {@code String.format} of the quotient as a {@code double} below 2^50. Above,
 * a double's quotient can be the double nearest a tie (1,131,529,406,376,837 bytes are 1.00499999999999989 PiB,
 * which is the double written 1.005), and {@code String.format}, which rounds the shortest decimal that names the
 * double, rounds it up where the exact figure rounds down. Values at every edge where a prefix or a number of decimals changes, the ties just
 * there, and random ones of every magnitude.
 */
class ScaledRoundingTest {
    private static final String[] SI = {"", "k", "M", "G", "T", "P", "E"};
    private static final String[] BINARY = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final String[] TIME = {"n", "\u00b5", "m", ""};
    private static final long EXACT_DOUBLE = 1L << 50;

    @Test
    void countsMatchStringFormatAndBigDecimal() {
        for (long value : values(1000)) {
            check(value, Reports.scaled(value, "FLOPs"), 1000, SI, "FLOPs");
            check(value, Reports.scaled(value, ""), 1000, SI, "");
        }
    }

    @Test
    void bytesMatchStringFormatAndBigDecimal() {
        for (long value : values(1024)) {
            check(value, Reports.scaledBytes(value), 1024, BINARY, "B");
        }
    }

    @Test
    void nanosMatchStringFormatAndBigDecimal() {
        for (long value : values(1000)) {
            check(value, Reports.scaledNanos(value), 1000, TIME, "s");
        }
    }

    @Test
    void sharesMatchStringFormatAndBigDecimal() {
        SplittableRandom random = new SplittableRandom(14);
        List<long[]> pairs = new ArrayList<>();
        for (long total : new long[] {1, 2, 3, 7, 8, 16, 1000, 2000, 3 * 1024, 10_000, 123_456_789, 4_089_184_256L}) {
            for (long part = -3; part <= 2003; part++) {
                pairs.add(new long[] {part, total});
                pairs.add(new long[] {part * total / 1000, total}); // at and beside each tenth of a percent
                pairs.add(new long[] {part * total / 2000, total}); // the ties between them
            }
        }
        for (int i = 0; i < 50_000; i++) {
            long total = 1 + (random.nextLong() >>> random.nextInt(1, 63));
            pairs.add(new long[] {random.nextLong(total + 1), total});
        }
        for (long[] pair : pairs) {
            long part = pair[0];
            long total = pair[1];
            String share = Shares.percent(part, total);
            String byBigDecimal = BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).toPlainString() + "%";
            if (part < 0 && byBigDecimal.equals("0.0%")) {
                byBigDecimal = "-0.0%";
            }
            assertWithMessage("%s of %s", part, total).that(share).isEqualTo(byBigDecimal);
            if (Math.abs(part) * 100.0 < EXACT_DOUBLE) {
                assertWithMessage("%s of %s", part, total).that(share)
                        .isEqualTo(String.format(Locale.ROOT, "%.1f%%", 100.0 * part / total));
            }
        }
    }

    @Test
    void groupedDigitsMatchStringFormat() {
        for (long value : values(1000)) {
            assertWithMessage("%s", value).that(Reports.grouped(value))
                    .isEqualTo(String.format(Locale.ROOT, "%,d", value));
            assertWithMessage("%s", value).that(Reports.grouped(value, '_'))
                    .isEqualTo(String.format(Locale.ROOT, "%,d", value).replace(',', '_'));
        }
    }

    @Test
    void quotientsMatchBigDecimal() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            long denominator = 1 + (random.nextLong() >>> random.nextInt(1, 63));
            long numerator = i % 2 == 0 ? random.nextLong(Math.min(denominator, Long.MAX_VALUE / 4) * 3)
                    : random.nextLong() >>> random.nextInt(1, 63);
            if (i % 7 == 0) {
                numerator = -numerator; // the rare case BigDecimal itself writes
            }
            for (int decimals = 0; decimals <= 3; decimals++) {
                assertWithMessage("%s / %s to %s", numerator, denominator, decimals)
                        .that(Quotients.append(new StringBuilder(), numerator, denominator, decimals).toString())
                        .isEqualTo(BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), decimals,
                                RoundingMode.HALF_UP).toPlainString());
            }
        }
        // Ties at each number of decimals round up: 0.5, 0.05, 0.005, 0.0005.
        assertWithMessage("ties").that(Quotients.append(new StringBuilder(), 1, 2, 0).toString()).isEqualTo("1");
        assertWithMessage("ties").that(Quotients.append(new StringBuilder(), 1, 20, 1).toString()).isEqualTo("0.1");
        assertWithMessage("ties").that(Quotients.append(new StringBuilder(), 1, 200, 2).toString()).isEqualTo("0.01");
        assertWithMessage("ties").that(Quotients.append(new StringBuilder(), 1, 2000, 3).toString())
                .isEqualTo("0.001");
        assertWithMessage("padding").that(Quotients.append(new StringBuilder(), 1, 1000, 3).toString())
                .isEqualTo("0.001");
        assertWithMessage("padding").that(Quotients.append(new StringBuilder(), 21, 20, 2).toString())
                .isEqualTo("1.05");
    }

    /** Each edge of each step (base^s times 1, 9.995, 99.95 and base - 0.5) with its neighbours, and random values. */
    private static List<Long> values(long base) {
        List<Long> values = new ArrayList<>();
        for (long v = -1100; v <= 1100; v++) {
            values.add(v);
        }
        values.add(Long.MAX_VALUE);
        values.add(Long.MIN_VALUE);
        values.add(Long.MIN_VALUE + 1);
        BigDecimal unit = BigDecimal.ONE;
        for (int step = 0; step < 7; step++) {
            for (String edge : new String[] {"1", "9.995", "99.95", (base - 0.5) + "", "1.005", "1.015", "2.345",
                    "12.35", "123.5", "0.5"}) {
                BigDecimal at = new BigDecimal(edge).multiply(unit);
                for (int d = -3; d <= 3; d++) {
                    BigDecimal v = at.setScale(0, RoundingMode.FLOOR).add(BigDecimal.valueOf(d));
                    if (v.toBigInteger().bitLength() < 64) {
                        values.add(v.longValueExact());
                        values.add(-v.longValueExact());
                    }
                }
            }
            unit = unit.multiply(BigDecimal.valueOf(base));
        }
        SplittableRandom random = new SplittableRandom(base);
        for (int i = 0; i < 60_000; i++) {
            values.add(random.nextLong() >> random.nextInt(0, 63));
        }
        // Figures with few significant digits, where ties are: d.dd5 of every unit.
        for (int i = 0; i < 30_000; i++) {
            long digits = random.nextLong(1, 100_000);
            long scale = 1;
            for (int z = random.nextInt(0, 15); z > 0 && scale < Long.MAX_VALUE / 10 / digits; z--) {
                scale *= 10;
            }
            values.add(digits * scale);
        }
        return values;
    }

    private static void check(long value, String scaled, long base, String[] prefixes, String unit) {
        assertWithMessage("%s", value).that(scaled).isEqualTo(byBigDecimal(value, base, prefixes, unit));
        if (Math.abs((double) value) < EXACT_DOUBLE && value != Long.MIN_VALUE) {
            assertWithMessage("%s", value).that(scaled).isEqualTo(byFormat(value, base, prefixes, unit));
        }
    }

    /** The quotient in doubles, printed by {@code String.format}. */
    private static String byFormat(long value, long base, String[] prefixes, String unit) {
        double magnitude = Math.abs((double) value);
        int step = 0;
        while (step < prefixes.length - 1 && magnitude >= base - 0.5) {
            magnitude /= base;
            step++;
        }
        String number = step == 0 ? Long.toString(Math.abs(value))
                : String.format(Locale.ROOT, magnitude >= 99.95 ? "%.0f" : magnitude >= 9.995 ? "%.1f" : "%.2f",
                        magnitude);
        return suffixed(value, number, prefixes[step], unit);
    }

    /** The exact quotient, rounded half up to three significant digits in BigDecimal. */
    private static String byBigDecimal(long value, long base, String[] prefixes, String unit) {
        BigDecimal magnitude = new BigDecimal(value).abs();
        BigDecimal next = BigDecimal.valueOf(base).subtract(new BigDecimal("0.5"));
        int step = 0;
        while (step < prefixes.length - 1 && magnitude.compareTo(next) >= 0) {
            magnitude = magnitude.divide(BigDecimal.valueOf(base));
            step++;
        }
        String number;
        if (step == 0) {
            number = magnitude.toPlainString();
        } else {
            int decimals = magnitude.compareTo(new BigDecimal("99.95")) >= 0 ? 0
                    : magnitude.compareTo(new BigDecimal("9.995")) >= 0 ? 1 : 2;
            number = magnitude.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        }
        return suffixed(value, number, prefixes[step], unit);
    }

    private static String suffixed(long value, String number, String prefix, String unit) {
        return (value < 0 ? "-" : "") + number + (prefix.isEmpty() && unit.isEmpty() ? "" : " ") + prefix + unit;
    }
}
