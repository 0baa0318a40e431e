package dev.modelcost.processor.expand;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name closest to a misspelled one, when one is close enough to be what was meant: at most one edit
 * (an insertion, a deletion, a substitution, or two neighbours swapped) per three characters of the longer
 * name, so that a short name is not "corrected" into an unrelated one. Case differences count as edits, but a
 * name that differs only in case is always suggested. Every diagnostic about a misspelled name uses it.
 */
final class DidYouMean {
    /** Longer names are not compared: a suggestion for them is unlikely, and comparing costs their product. */
    private static final int LONGEST_COMPARED = 100;

    private DidYouMean() {
    }

    /** {@code " (did you mean 'width'?)"}, or {@code ""} when no known name is close. */
    static String hint(String misspelled, Collection<String> known) {
        return closest(misspelled, known).map(name -> " (did you mean '" + name + "'?)").orElse("");
    }

    /** The closest known name, the first of equals in the collection's order; empty when none is close. */
    static Optional<String> closest(String misspelled, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            int longer = Math.max(misspelled.length(), name.length());
            // At least one edit per character of difference in length: too far, whatever the characters.
            if (name.equals(misspelled) || longer > LONGEST_COMPARED
                    || 3 * Math.abs(misspelled.length() - name.length()) > longer) {
                continue;
            }
            int distance = distance(misspelled, name);
            boolean close = 3 * distance <= longer
                    || name.toLowerCase(Locale.ROOT).equals(misspelled.toLowerCase(Locale.ROOT));
            if (close && distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The optimal string alignment distance: Levenshtein's, with a swap of two neighbours as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
