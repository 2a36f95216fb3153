package org.classicnlp.core;

import java.util.Arrays;

/** A dense vector of floats. The array is copied in and never exposed, so the vector is immutable. */
public final class DenseVector implements Vector {

    private final float[] values;

    public DenseVector(float[] values) {
        this.values = values.clone();
    }

    /** Wraps without copying; for callers that hand over a freshly built array. */
    static DenseVector wrap(float[] values) {
        return new DenseVector(values, false);
    }

    private DenseVector(float[] values, boolean copy) {
        this.values = copy ? values.clone() : values;
    }

    @Override
    public int dimension() {
        return values.length;
    }

    @Override
    public double get(int index) {
        return values[index];
    }

    @Override
    public double dot(Vector other) {
        Vector.checkSameDimension(this, other);
        if (other instanceof SparseVector sparse) {
            return sparse.dot(this);
        }
        float[] o = ((DenseVector) other).values;
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += (double) values[i] * o[i];
        }
        return sum;
    }

    @Override
    public double norm() {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    @Override
    public float[] toFloatArray() {
        return values.clone();
    }

    /** This vector scaled to unit length (itself when all zeros). */
    public DenseVector normalized() {
        double n = norm();
        if (n == 0) {
            return this;
        }
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) (values[i] / n);
        }
        return wrap(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseVector d && Arrays.equals(values, d.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "DenseVector" + Arrays.toString(values);
    }
}
