package org.classicnlp.tfidf;

/**
 * How counts become weights: scikit-learn's {@code norm}, {@code use_idf}, {@code smooth_idf},
 * {@code sublinear_tf}, or the textbook scheme (tf = count / length, idf = log10(N/df)).
 */
record Weighting(Norm norm, boolean useIdf, boolean smoothIdf, boolean sublinearTf, boolean textbook) {

    /** The idf of a term in {@code df} of {@code n} documents, in scikit-learn's operation order. */
    double idf(long n, long df) {
        if (!useIdf) {
            return 1.0;
        }
        double nn = n + (smoothIdf ? 1 : 0);
        double dd = df + (smoothIdf ? 1 : 0);
        return textbook ? StrictMath.log10(nn / dd) : StrictMath.log(nn / dd) + 1;
    }
}
