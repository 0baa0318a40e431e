package dev.modelcost.processor.analysis;

import dev.modelcost.processor.diag.Diagnostic;
import dev.modelcost.processor.diag.Findings;
import dev.modelcost.processor.model.IntValue;
import dev.modelcost.processor.model.LayerDecl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The group counts that suit a layer, for suggestions in messages. */
public final class Divisors {
    /** More than this many suggestions would not help a reader. */
    private static final int SHOWN = 12;

    private Divisors() {
    }

    /**
     * Whether the groups divide a layer's input channels, as channel shuffle and group normalization need;
     * reports {@link Diagnostic#GROUPS_DO_NOT_DIVIDE} with the counts that would if not.
     */
    public static boolean divideChannels(LayerDecl layer, IntValue groups, long channels, Findings findings) {
        if (channels % groups.value() == 0) {
            return true;
        }
        findings.add(Diagnostic.GROUPS_DO_NOT_DIVIDE, groups.position(), layer.name(), groups.value(), "input",
                channels, "valid group counts: " + commonNearText(channels, channels, groups.value()));
        return false;
    }

    /** {@link #commonNear} as text: {@code "1, 2, 4"}. */
    public static String commonNearText(long a, long b, long near) {
        return commonNear(a, b, near).stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The divisors of both numbers that lie nearest to {@code near}, ascending, at most {@value #SHOWN}. */
    public static List<Long> commonNear(long a, long b, long near) {
        long gcd = gcd(a, b);
        TreeSet<Long> divisors = new TreeSet<>();
        for (long d = 1; d <= gcd / d; d++) {
            if (gcd % d == 0) {
                divisors.add(d);
                divisors.add(gcd / d);
            }
        }
        List<Long> nearest = new ArrayList<>(divisors);
        nearest.sort(Comparator.comparingLong((Long d) -> Math.abs(d - near)).thenComparingLong(d -> d));
        return List.copyOf(new TreeSet<>(nearest.subList(0, Math.min(SHOWN, nearest.size()))));
    }

    public static long gcd(long a, long b) {
        while (b != 0) {
            long r = a % b;
            a = b;
            b = r;
        }
        return a;
    }
}
