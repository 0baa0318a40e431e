package dev.modelcost.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.modelcost.Reports;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The number and shape formatting of {@link CostTable}: numbers grouped as by {@link Reports#grouped}. */
class CostTableTest {

    @Test
    void groupsByThousandsWithCommasWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("104,628,224", Reports.grouped(104_628_224L));
            assertEquals("32.1", CostTable.percent(33_554_432L, 104_628_224L));
        } finally {
            Locale.setDefault(before);
        }
        assertEquals("0", Reports.grouped(0));
        assertEquals("999", Reports.grouped(999));
        assertEquals("1,000", Reports.grouped(1_000));
    }

    @Test
    void percentOfNothingIsZero() {
        assertEquals("0.0", CostTable.percent(0, 0));
        assertEquals("100.0", CostTable.percent(5, 5));
    }

    @Test
    void shapesJoinWithX() {
        assertEquals("3x16x112x112", CostTable.shape(new int[] {3, 16, 112, 112}));
        assertEquals("10", CostTable.shape(new int[] {10}));
    }
}
