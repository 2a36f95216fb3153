package org.classicnlp.core;

/**
 * A vector of a fixed dimension: {@link DenseVector} ({@code float[]}, for embeddings) or
 * {@link SparseVector} (sorted indices and {@code double} values, for TF-IDF and counts).
 */
public sealed interface FeatureVector permits DenseVector, SparseVector {

    int dimension();

    /** The value at {@code index} (0 for an absent sparse entry). */
    double get(int index);

    double dot(FeatureVector other);

    /** Euclidean (L2) norm. */
    double norm();

    /** Cosine similarity; 0 when either vector is all zeros. */
    default double cosine(FeatureVector other) {
        double denominator = norm() * other.norm();
        return denominator == 0 ? 0 : dot(other) / denominator;
    }

    /** A copy as a dense {@code float[]}. */
    float[] toFloatArray();

    static void checkSameDimension(FeatureVector a, FeatureVector b) {
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("dimension mismatch: " + a.dimension() + " vs " + b.dimension());
        }
    }
}
