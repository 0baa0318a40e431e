package dev.modelcost.sample;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of cells printed in columns, each as wide as its widest cell (the heading included), text aligned left
 * and numbers right, two spaces apart. Every line is indented by two spaces and has no trailing spaces; a rule
 * of dashes follows the headings, and wherever {@link #rule()} puts one.
 */
final class TextTable {
    private static final String GAP = "  ";
    private static final String INDENT = "  ";
    /** Stands for a rule among the rows; compared by identity. */
    private static final String[] RULE = new String[0];

    private final String[] headings;
    private final boolean[] right;
    private final List<String[]> rows = new ArrayList<>();

    /**
     * @param headings the column headings
     * @param right for each column, whether it is aligned to the right (numbers) rather than the left (text)
     */
    TextTable(String[] headings, boolean[] right) {
        if (headings.length != right.length) {
            throw new IllegalArgumentException(headings.length + " headings, " + right.length + " alignments");
        }
        this.headings = headings.clone();
        this.right = right.clone();
    }

    /** Adds a row of one cell per column. */
    TextTable row(String... cells) {
        if (cells.length != headings.length) {
            throw new IllegalArgumentException(cells.length + " cells for " + headings.length + " columns");
        }
        rows.add(cells.clone());
        return this;
    }

    /** Adds a rule after the rows so far. */
    TextTable rule() {
        rows.add(RULE);
        return this;
    }

    /** Prints the headings, a rule, and the rows. */
    void print(PrintStream out) {
        int[] widths = widths();
        String rule = INDENT + "-".repeat(Arrays.stream(widths).sum() + GAP.length() * (widths.length - 1));
        printRow(out, headings, widths);
        out.println(rule);
        for (String[] row : rows) {
            if (row == RULE) {
                out.println(rule);
            } else {
                printRow(out, row, widths);
            }
        }
    }

    private void printRow(PrintStream out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(INDENT);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(GAP);
            }
            String padding = " ".repeat(widths[i] - cells[i].length());
            line.append(right[i] ? padding + cells[i] : cells[i] + padding);
        }
        out.println(line.toString().stripTrailing());
    }

    private int[] widths() {
        int[] widths = new int[headings.length];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headings[i].length();
        }
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        return widths;
    }
}
