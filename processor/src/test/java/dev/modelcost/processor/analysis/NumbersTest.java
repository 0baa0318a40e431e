package dev.modelcost.processor.analysis;

import static com.google.common.truth.Truth.assertThat;

import dev.modelcost.Reports;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Grouped numbers, as messages and reports print them. */
class NumbersTest {

    @Test
    void groupsThousandsAsFormatDoesInTheRootLocale() {
        assertThat(Numbers.grouped(86_704_128L)).isEqualTo("86,704,128");
        assertThat(Numbers.grouped(-1_234L)).isEqualTo("-1,234");
        for (long value : new long[] {0, 7, -7, 999, 1_000, -1_000, 123_456, 1_234_567, -99_999_999,
                Integer.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(Numbers.grouped(value)).isEqualTo(String.format(Locale.ROOT, "%,d", value));
        }
    }

    @Test
    void javaLiteralsGroupTheSameDigitsWithUnderscores() {
        for (long value : new long[] {0, 999, 1_000, 86_704_128L, Long.MAX_VALUE}) {
            assertThat(Reports.grouped(value, '_')).isEqualTo(Numbers.grouped(value).replace(',', '_'));
        }
        assertThat(Reports.grouped(86_704_128L, '_')).isEqualTo("86_704_128");
    }
}
