package org.classicnlp.classify;

import java.util.List;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.SparseVector;

/**
 * The training vectors in compressed sparse row form (scikit-learn's CSR): row {@code i} has the entries
 * [{@code start[i]}, {@code start[i + 1]}) of {@code index} / {@code value}. One flat copy shared by every
 * one-versus-rest problem and every gradient pass, so the solvers' inner loops run on primitive arrays.
 * Dense vectors keep their non-zero entries.
 */
record SparseRowMatrix(int rows, int columns, int[] start, int[] index, double[] value) {

    static SparseRowMatrix of(List<FeatureVector> x, int columns) {
        long nnz = 0;
        for (FeatureVector v : x) {
            nnz += v instanceof SparseVector s ? s.size() : columns;
        }
        if (nnz > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many feature values for one matrix: " + nnz);
        }
        int[] start = new int[x.size() + 1];
        int[] index = new int[(int) nnz];
        double[] value = new double[(int) nnz];
        int p = 0;
        for (int i = 0; i < x.size(); i++) {
            FeatureVector v = x.get(i);
            if (v.dimension() != columns) {
                throw new IllegalArgumentException("vector " + i + " has dimension " + v.dimension() + ", expected "
                        + columns);
            }
            if (v instanceof SparseVector s) {
                for (int e = 0; e < s.size(); e++) {
                    index[p] = s.indexAt(e);
                    value[p++] = s.valueAt(e);
                }
            } else {
                float[] d = v.toFloatArray();
                for (int j = 0; j < d.length; j++) {
                    if (d[j] != 0) {
                        index[p] = j;
                        value[p++] = d[j];
                    }
                }
            }
            start[i + 1] = p;
        }
        return new SparseRowMatrix(x.size(), columns, start, index, value);
    }
}
