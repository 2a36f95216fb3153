package org.classicnlp.classify;

import java.util.List;
import org.classicnlp.core.FeatureVector;

/**
 * k-means (Smile's {@code KMeans}: k-means++ seeding, then Lloyd iterations on a BBD tree) on any
 * embedder's vectors. Smile is an optional dependency (GPL-3.0): {@link #fit} says so when it is absent.
 *
 * @param assignments the cluster (0..k-1) of each input vector, in input order
 * @param distortion  the sum of squared distances to the assigned centroids
 */
public record KMeansClustering(int k, int[] assignments, double distortion) {

    public static final int DEFAULT_MAX_ITER = 100;
    public static final double DEFAULT_TOL = 1e-4;

    /** Clusters {@code vectors} into {@code k} groups; {@code seed} fixes Smile's random seeding. */
    public static KMeansClustering fit(List<? extends FeatureVector> vectors, int k, long seed) {
        return fit(vectors, k, seed, DEFAULT_MAX_ITER, DEFAULT_TOL);
    }

    public static KMeansClustering fit(List<? extends FeatureVector> vectors, int k, long seed, int maxIter, double tol) {
        if (k < 1 || k > vectors.size()) {
            throw new IllegalArgumentException("k must be in [1, " + vectors.size() + "] (the number of vectors), got " + k);
        }
        SmileCheck.require("k-means");
        double[][] x = new double[vectors.size()][];
        for (int i = 0; i < x.length; i++) {
            float[] f = vectors.get(i).toFloatArray();
            double[] d = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                d[j] = f[j];
            }
            x[i] = d;
        }
        return SmileKMeans.fit(x, k, seed, maxIter, tol);
    }

    /**
     * Purity: each cluster counts its most frequent gold label; the sum over clusters divided by the number
     * of items.
     */
    public static double purity(int[] clusters, List<String> labels) {
        java.util.Map<Integer, java.util.Map<String, Integer>> counts = new java.util.HashMap<>();
        for (int i = 0; i < clusters.length; i++) {
            counts.computeIfAbsent(clusters[i], c -> new java.util.HashMap<>()).merge(labels.get(i), 1, Integer::sum);
        }
        long sum = 0;
        for (var m : counts.values()) {
            sum += m.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }
        return clusters.length == 0 ? 0 : (double) sum / clusters.length;
    }

    /**
     * Normalised mutual information with the arithmetic-mean normalisation, {@code I(U;V) / ((H(U) + H(V)) / 2)}
     * (scikit-learn's {@code normalized_mutual_info_score} default); 1 when both partitions are one block.
     */
    public static double nmi(int[] clusters, List<String> labels) {
        int n = clusters.length;
        java.util.Map<Integer, Integer> a = new java.util.HashMap<>();
        java.util.Map<String, Integer> b = new java.util.HashMap<>();
        java.util.Map<String, Integer> joint = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            a.merge(clusters[i], 1, Integer::sum);
            b.merge(labels.get(i), 1, Integer::sum);
            joint.merge(clusters[i] + "\u0000" + labels.get(i), 1, Integer::sum);
        }
        double ha = entropy(a.values(), n);
        double hb = entropy(b.values(), n);
        double mi = 0;
        for (var e : joint.entrySet()) {
            String[] p = e.getKey().split("\u0000", 2);
            double nij = e.getValue();
            mi += nij / n * Math.log(n * nij / ((double) a.get(Integer.parseInt(p[0])) * b.get(p[1])));
        }
        if (ha == 0 && hb == 0) {
            return 1;
        }
        double denom = (ha + hb) / 2;
        return denom == 0 ? 0 : Math.max(0, mi) / denom;
    }

    private static double entropy(java.util.Collection<Integer> counts, int n) {
        double h = 0;
        for (int c : counts) {
            double p = (double) c / n;
            h -= p * Math.log(p);
        }
        return h;
    }
}
