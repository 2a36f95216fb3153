package org.classicnlp.tfidf;

import java.util.Arrays;
import org.classicnlp.core.SparseVector;

/**
 * The TF-IDF vectors of a batch of consecutive documents in compressed sparse row form (scikit-learn's
 * CSR layout): row {@code r} has the document id {@link #id(int) id(r)} and the entries {@code k} in
 * [{@link #start(int) start(r)}, {@link #end(int) end(r)}), with increasing {@link #index(int) index(k)}
 * and non-zero {@link #value(int) value(k)}. Batch jobs receive one of these per batch; it is reused for
 * the next batch on the same thread, so it is valid only during the call (copy rows out with
 * {@link #vector(int)}). Reusing a few flat arrays instead of two arrays per document keeps writing
 * millions of vectors nearly free of garbage.
 */
public final class SparseRows {

    private final int dimension;
    private String[] ids = new String[64];
    private int[] starts = new int[65];
    private int[] indices = new int[1024];
    private double[] values = new double[1024];
    private int rows;

    SparseRows(int dimension) {
        this.dimension = dimension;
    }

    /** Number of rows (documents). */
    public int size() {
        return rows;
    }

    public String id(int row) {
        return ids[row];
    }

    /** First entry of a row. */
    public int start(int row) {
        return starts[row];
    }

    /** One past the last entry of a row. */
    public int end(int row) {
        return starts[row + 1];
    }

    /** The vector index of an entry. */
    public int index(int entry) {
        return indices[entry];
    }

    /** The weight of an entry. */
    public double value(int entry) {
        return values[entry];
    }

    /** A row as a new, independent vector. */
    public SparseVector vector(int row) {
        int from = starts[row];
        int to = starts[row + 1];
        return SparseVector.ofSorted(dimension, Arrays.copyOfRange(indices, from, to), Arrays.copyOfRange(values, from, to));
    }

    void clear() {
        Arrays.fill(ids, 0, rows, null);
        rows = 0;
    }

    /** Room for {@code n} more entries in the row being built; returns the entry where they go. */
    int reserve(int n) {
        int at = starts[rows];
        if (at + n > indices.length) {
            int cap = Math.max(at + n, indices.length * 2);
            indices = Arrays.copyOf(indices, cap);
            values = Arrays.copyOf(values, cap);
        }
        return at;
    }

    int[] indices() {
        return indices;
    }

    double[] values() {
        return values;
    }

    /** Closes the row being built with its id and {@code n} entries written from {@link #reserve}'s position. */
    void endRow(String id, int n) {
        if (rows == ids.length) {
            ids = Arrays.copyOf(ids, rows * 2);
            starts = Arrays.copyOf(starts, rows * 2 + 1);
        }
        ids[rows] = id;
        starts[rows + 1] = starts[rows] + n;
        rows++;
    }
}
