package org.classicnlp.core;

import java.util.Arrays;

/**
 * A sparse vector: strictly increasing indices with their (non-zero) values. Immutable; arrays are
 * copied in and out.
 */
public final class SparseVector implements FeatureVector {

    private final int dimension;
    private final int[] indices;
    private final double[] values;

    public SparseVector(int dimension, int[] indices, double[] values) {
        this(dimension, indices.clone(), values.clone(), true);
    }

    private SparseVector(int dimension, int[] indices, double[] values, boolean check) {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices and values differ in length: " + indices.length + " vs " + values.length);
        }
        if (check) {
            for (int i = 0; i < indices.length; i++) {
                if (indices[i] < 0 || indices[i] >= dimension) {
                    throw new IllegalArgumentException("index " + indices[i] + " outside [0," + dimension + ")");
                }
                if (i > 0 && indices[i] <= indices[i - 1]) {
                    throw new IllegalArgumentException("indices must be strictly increasing at position " + i);
                }
            }
        }
        this.dimension = dimension;
        this.indices = indices;
        this.values = values;
    }

    /** Takes ownership of already-validated arrays; for builders inside the library. */
    public static SparseVector ofSorted(int dimension, int[] indices, double[] values) {
        return new SparseVector(dimension, indices, values, false);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** Number of stored (non-zero) entries. */
    public int size() {
        return indices.length;
    }

    public int indexAt(int position) {
        return indices[position];
    }

    public double valueAt(int position) {
        return values[position];
    }

    public int[] indices() {
        return indices.clone();
    }

    public double[] values() {
        return values.clone();
    }

    @Override
    public double get(int index) {
        int p = Arrays.binarySearch(indices, index);
        return p >= 0 ? values[p] : 0;
    }

    @Override
    public double dot(FeatureVector other) {
        FeatureVector.checkSameDimension(this, other);
        double sum = 0;
        if (other instanceof SparseVector s) {
            int i = 0;
            int j = 0;
            while (i < indices.length && j < s.indices.length) {
                int a = indices[i];
                int b = s.indices[j];
                if (a == b) {
                    sum += values[i++] * s.values[j++];
                } else if (a < b) {
                    i++;
                } else {
                    j++;
                }
            }
        } else {
            for (int i = 0; i < indices.length; i++) {
                sum += values[i] * other.get(indices[i]);
            }
        }
        return sum;
    }

    @Override
    public double norm() {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    @Override
    public float[] toFloatArray() {
        float[] out = new float[dimension];
        for (int i = 0; i < indices.length; i++) {
            out[indices[i]] = (float) values[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector s && dimension == s.dimension
                && Arrays.equals(indices, s.indices) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseVector(" + dimension + ")" + Arrays.toString(indices) + Arrays.toString(values);
    }
}
