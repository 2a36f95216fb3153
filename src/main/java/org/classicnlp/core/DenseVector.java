package org.classicnlp.core;

import java.util.Arrays;

/** A dense vector of floats. The array is copied in and never exposed, so the vector is immutable. */
public final class DenseVector implements FeatureVector {

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
    public double dot(FeatureVector other) {
        FeatureVector.checkSameDimension(this, other);
        if (other instanceof SparseVector sparse) {
            return sparse.dot(this);
        }
        return VectorMath.preciseDot(values, 0, ((DenseVector) other).values, 0, values.length);
    }

    @Override
    public double norm() {
        return VectorMath.norm(values, 0, values.length);
    }

    @Override
    public float[] toFloatArray() {
        return values.clone();
    }

    /** This vector scaled to unit length (itself when all zeros), as {@link VectorMath#normalize} scales. */
    public DenseVector normalized() {
        float[] out = new float[values.length];
        return VectorMath.normalize(values, 0, out, 0, values.length) == 0 ? this : wrap(out);
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
