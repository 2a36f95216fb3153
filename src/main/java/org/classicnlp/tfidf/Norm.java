package org.classicnlp.tfidf;

import java.util.Locale;

/** Row normalization applied after the IDF weighting (scikit-learn's {@code norm}). */
public enum Norm {
    /** Divide by the sum of absolute values. */
    L1,
    /** Divide by the Euclidean length (scikit-learn's default). */
    L2,
    /** Leave the weights as they are. */
    NONE;

    /**
     * Divides {@code val[from, to)} by its norm, in place (nothing for {@link #NONE} or an all-zero row). The
     * summation order is scikit-learn's, which keeps the 1e-9 parity.
     */
    void applyInPlace(double[] val, int from, int to) {
        if (this == NONE) {
            return;
        }
        double sum = 0;
        if (this == L2) {
            for (int k = from; k < to; k++) {
                sum += val[k] * val[k];
            }
            sum = Math.sqrt(sum);
        } else {
            for (int k = from; k < to; k++) {
                sum += Math.abs(val[k]);
            }
        }
        if (sum != 0) {
            for (int k = from; k < to; k++) {
                val[k] /= sum;
            }
        }
    }

    /** {@code l1}, {@code l2} or {@code none} (case-insensitive). */
    public static Norm parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "l1" -> L1;
            case "l2" -> L2;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("unknown norm '" + name + "'; expected l1, l2 or none");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
