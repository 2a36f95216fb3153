package org.classicnlp.classify;

/** The Smile call behind {@link KMeansClustering} (kept apart so nothing else loads Smile's classes). */
final class SmileKMeans {

    private SmileKMeans() {
    }

    static KMeansClustering fit(double[][] x, int k, long seed, int maxIter, double tol) {
        smile.math.MathEx.setSeed(seed);
        smile.clustering.KMeans m = smile.clustering.KMeans.fit(x, k, maxIter, tol);
        return new KMeansClustering(k, m.y.clone(), m.distortion);
    }
}
