package dev.modelcost.cli.diff;

import java.io.PrintWriter;

/** One way of printing a comparison. */
interface DiffFormat {
    /**
     * Prints {@code diff}.
     *
     * @param top how many of the largest layer changes to show first
     * @param verdict the gate's decision; null when no threshold is given
     */
    void print(Diff diff, int top, Verdict verdict, PrintWriter out);
}
