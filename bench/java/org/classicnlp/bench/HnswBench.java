package org.classicnlp.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.classicnlp.core.Hit;
import org.classicnlp.index.VectorIndex;

/**
 * recall@10 of HNSW search against exact search, and query times, on N generated vectors: a mixture of
 * 1,000 Gaussian clusters in DIM dimensions (centres N(0,1), points centre + N(0, 0.35²) per coordinate),
 * the shape of real embeddings (topical clusters) rather than uniform noise, where no index helps.
 * Queries are fresh points from the same mixture. Exact and HNSW queries are interleaved in rounds.
 * Usage: HnswBench N DIM QUERIES M EF_CONSTRUCTION EF_SEARCH[,EF_SEARCH...]
 */
public final class HnswBench {

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int dim = Integer.parseInt(args[1]);
        int queries = Integer.parseInt(args[2]);
        int m = Integer.parseInt(args[3]);
        int efc = Integer.parseInt(args[4]);
        int[] efs = Arrays.stream(args[5].split(",")).mapToInt(Integer::parseInt).toArray();
        Random r = new Random(42);
        int clusters = 1000;
        float[] centres = new float[clusters * dim];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = (float) r.nextGaussian();
        }
        float[] rows = new float[n * dim];
        List<String> ids = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            point(r, centres, dim, clusters, rows, i * dim);
            ids.add(Integer.toString(i));
        }
        float[][] qs = new float[queries][dim];
        for (float[] q : qs) {
            point(r, centres, dim, clusters, q, 0);
        }
        long t0 = System.nanoTime();
        VectorIndex index = VectorIndex.hnsw(dim, VectorIndex.Metric.COSINE, new VectorIndex.HnswParams(m, efc, efs[0], 42));
        index.addAll(ids, rows);
        double build = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "vectors %d, dim %d, queries %d, M %d, efConstruction %d: HNSW build %.1f s%n",
                n, dim, queries, m, efc, build);
        @SuppressWarnings("unchecked")
        Set<String>[] truth = new Set[queries];
        double[] exactMs = new double[queries];
        for (int q = 0; q < queries; q++) {
            long s = System.nanoTime();
            List<Hit> e = index.searchExact(qs[q], 10, null);
            exactMs[q] = (System.nanoTime() - s) / 1e6;
            truth[q] = new HashSet<>(e.stream().map(Hit::id).toList());
        }
        System.out.println("efSearch\trecall@10\texact_ms_median\thnsw_ms_median\tspeedup");
        for (int ef : efs) {
            double[] hnswMs = new double[queries];
            double[] exactAgain = new double[queries];
            int found = 0;
            for (int q = 0; q < queries; q++) {
                long s = System.nanoTime();
                List<Hit> h = index.search(qs[q], 10, null, ef);
                hnswMs[q] = (System.nanoTime() - s) / 1e6;
                s = System.nanoTime();
                index.searchExact(qs[q], 10, null); // interleaved: both see the same machine load
                exactAgain[q] = (System.nanoTime() - s) / 1e6;
                for (Hit x : h) {
                    if (truth[q].contains(x.id())) {
                        found++;
                    }
                }
            }
            double he = median(hnswMs);
            double ee = median(exactAgain);
            System.out.printf(Locale.ROOT, "%d\t%.4f\t%.3f\t%.3f\t%.1fx%n", ef, found / (10.0 * queries), ee, he, ee / he);
        }
    }

    static void point(Random r, float[] centres, int dim, int clusters, float[] out, int o) {
        int c = r.nextInt(clusters);
        for (int j = 0; j < dim; j++) {
            out[o + j] = centres[c * dim + j] + (float) (0.35 * r.nextGaussian());
        }
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
