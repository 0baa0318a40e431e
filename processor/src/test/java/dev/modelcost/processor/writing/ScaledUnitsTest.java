package dev.modelcost.processor.writing;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.Convention;
import dev.modelcost.Reports;
import org.junit.jupiter.api.Test;

/**
 * The scaled units beside exact figures ({@link Reports#scaled}, {@link Reports#scaledBytes},
 * {@link Reports#scaledNanos}) at the edges where the prefix or the number of decimals changes, the unit each
 * report figure gets, and shares.
 */
class ScaledUnitsTest {

    @Test
    void countsKeepThreeSignificantDigitsAndChangePrefixWhereRoundingWouldGiveAFourth() {
        assertThat(Reports.scaled(0, "")).isEqualTo("0");
        assertThat(Reports.scaled(999, "")).isEqualTo("999");
        assertThat(Reports.scaled(1_000, "")).isEqualTo("1.00 k");
        assertThat(Reports.scaled(9_994, "")).isEqualTo("9.99 k");
        assertThat(Reports.scaled(9_995, "")).isEqualTo("10.0 k"); // 9.995 rounds up to a third digit
        assertThat(Reports.scaled(99_950, "")).isEqualTo("100 k");
        // 999.499 k rounds to 999 k; 999.5 k would round to 1,000 k, so it is 1.00 M.
        assertThat(Reports.scaled(999_499, "")).isEqualTo("999 k");
        assertThat(Reports.scaled(999_500, "")).isEqualTo("1.00 M");
        assertThat(Reports.scaled(25_557_032, "")).isEqualTo("25.6 M");
        assertThat(Reports.scaled(4_089_184_256L, "")).isEqualTo("4.09 G");
        assertThat(Reports.scaled(4_089_184_256L, "FLOPs")).isEqualTo("4.09 GFLOPs");
        assertThat(Reports.scaled(Long.MAX_VALUE, "")).isEqualTo("9.22 E"); // 9,223,372,036,854,775,807
        assertThat(Reports.scaled(-1_500, "")).isEqualTo("-1.50 k");
        assertThat(Reports.scaled(12, "MACs")).isEqualTo("12 MACs");
    }

    @Test
    void bytesAreInBinaryUnits() {
        assertThat(Reports.scaledBytes(0)).isEqualTo("0 B");
        assertThat(Reports.scaledBytes(999)).isEqualTo("999 B");
        // Binary units step at 1,024, not 1,000: less than one KiB is never shown as a fraction of one.
        assertThat(Reports.scaledBytes(1_023)).isEqualTo("1023 B");
        assertThat(Reports.scaledBytes(1_024)).isEqualTo("1.00 KiB");
        // 102,760,448 = 98 x 1,048,576.
        assertThat(Reports.scaledBytes(102_760_448L)).isEqualTo("98.0 MiB");
        assertThat(Reports.scaledBytes(1L << 30)).isEqualTo("1.00 GiB");
    }

    @Test
    void nanosecondsGoUpToSeconds() {
        assertThat(Reports.scaledNanos(999)).isEqualTo("999 ns");
        assertThat(Reports.scaledNanos(1_000)).isEqualTo("1.00 \u00b5s");
        assertThat(Reports.scaledNanos(669_000)).isEqualTo("669 \u00b5s");
        assertThat(Reports.scaledNanos(1_974_141)).isEqualTo("1.97 ms");
        assertThat(Reports.scaledNanos(2_500_000_000L)).isEqualTo("2.50 s");
        // Seconds are the largest unit: 1,500 s stay seconds.
        assertThat(Reports.scaledNanos(1_500_000_000_000L)).isEqualTo("1500 s");
    }

    @Test
    void eachFigureIsScaledInItsUnit() {
        assertThat(FigureUnit.of(Convention.MACS).scaled(27_648)).isEqualTo("27.6 kMACs");
        assertThat(FigureUnit.of(Convention.BACKWARD_MACS).scaled(27_648)).isEqualTo("27.6 kMACs");
        assertThat(FigureUnit.of(Convention.TRAINING_STEP_FLOPS).scaled(68_612)).isEqualTo("68.6 kFLOPs");
        assertThat(FigureUnit.of(Convention.PARAMS).scaled(5_498)).isEqualTo("5.50 k");
        assertThat(FigureUnit.of(Convention.BYTES_MOVED).scaled(37_392)).isEqualTo("36.5 KiB"); // 37,392 / 1,024
        assertThat(FigureUnit.of(Convention.KV_CACHE_BYTES_PER_TOKEN).scaled(2_048)).isEqualTo("2.00 KiB");
        assertThat(FigureUnit.of(Convention.PEAK_ACTIVATION_BYTES).scaled(4_096)).isEqualTo("4.00 KiB");
        assertThat(FigureUnit.of(Convention.LATENCY_NANOS).scaled(37_120)).isEqualTo("37.1 \u00b5s");
        assertThat(FigureUnit.of(Convention.DECODE_LATENCY_NANOS).scaled(13_880)).isEqualTo("13.9 \u00b5s");
    }

    @Test
    void aShareHasOneDecimalAndATotalOfZeroHasNone() {
        assertThat(Shares.percent(1, 8)).isEqualTo("12.5%");
        assertThat(Shares.percent(2, 3)).isEqualTo("66.7%");
        assertThat(Shares.percent(5, 5)).isEqualTo("100.0%");
        assertThat(Shares.percent(0, 5)).isEqualTo("0.0%");
        assertThat(Shares.percent(0, 0)).isEqualTo("-");
    }
}
