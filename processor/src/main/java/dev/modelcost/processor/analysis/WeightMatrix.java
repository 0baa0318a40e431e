package dev.modelcost.processor.analysis;

/**
 * The weight matrix a layer multiplies by, as a layer tied to it must have it too.
 *
 * @param rows its rows
 * @param columns its columns
 * @param meaning what rows and columns are, e.g. {@code "vocabulary x dim"}
 */
public record WeightMatrix(long rows, long columns, String meaning) {

    /** Whether the two have the same rows and columns, whatever each calls them. */
    public boolean sameShape(WeightMatrix other) {
        return rows == other.rows && columns == other.columns;
    }

    /** Its elements: the parameters it holds. */
    public long elements(String figure) {
        return Exact.multiply(figure, rows, columns);
    }

    /** E.g. {@code "50257x768 (vocabulary x dim)"}. */
    @Override
    public String toString() {
        return rows + "x" + columns + " (" + meaning + ")";
    }
}
