package org.classicnlp.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.classicnlp.core.Hit;
import org.classicnlp.core.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorIndexTest {

    @TempDir
    Path tmp;

    static float[] random(Random r, int n, int dim) {
        float[] x = new float[n * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    static List<String> ids(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("d" + i);
        }
        return ids;
    }

    /** The brute-force answer computed here in double precision, independently of the index. */
    static List<String> bruteForce(float[] rows, int dim, float[] q, int k, VectorIndex.Metric m) {
        int n = rows.length / dim;
        double[] s = new double[n];
        double qn = 0;
        for (float v : q) {
            qn += v * v;
        }
        for (int i = 0; i < n; i++) {
            double dot = 0;
            double rn = 0;
            double d2 = 0;
            for (int j = 0; j < dim; j++) {
                float x = rows[i * dim + j];
                dot += x * q[j];
                rn += x * x;
                d2 += (x - q[j]) * (x - q[j]);
            }
            s[i] = switch (m) {
                case COSINE -> dot / Math.sqrt(rn * qn);
                case DOT -> dot;
                case L2 -> -Math.sqrt(d2);
            };
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(s[b], s[a]));
        return order.subList(0, k).stream().map(i -> "d" + i).toList();
    }

    @Test
    void exactSearchMatchesBruteForceInEveryMetric() {
        Random r = new Random(1);
        int dim = 16;
        float[] rows = random(r, 300, dim);
        for (VectorIndex.Metric m : VectorIndex.Metric.values()) {
            VectorIndex index = VectorIndex.exact(dim, m);
            index.addAll(ids(300), rows);
            for (int t = 0; t < 5; t++) {
                float[] q = random(r, 1, dim);
                List<Hit> hits = index.search(q, 5);
                assertEquals(bruteForce(rows, dim, q, 5, m), hits.stream().map(Hit::id).toList(), m.toString());
                for (int i = 1; i < hits.size(); i++) {
                    assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
                }
            }
        }
    }

    @Test
    void filterAddAndDuplicateIds() {
        VectorIndex index = VectorIndex.exact(2, VectorIndex.Metric.DOT);
        index.add("a", new float[] {1, 0});
        index.add("b", new float[] {0.9f, 0});
        index.add("c", new float[] {0, 1});
        assertEquals(List.of("a", "b"), index.search(new float[] {1, 0}, 2).stream().map(Hit::id).toList());
        assertEquals(List.of("b", "c"), index.search(new float[] {1, 0}, 2, id -> !id.equals("a")).stream()
                .map(Hit::id).toList());
        assertEquals(0.9, index.search(new float[] {1, 0}, 1, id -> id.equals("b")).get(0).score(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> index.add("a", new float[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> index.search(new float[] {1, 0, 0}, 1));
        assertEquals(3, index.size());
    }

    @Test
    void hnswFindsTheExactNeighboursMostOfTheTime() {
        Random r = new Random(7);
        int dim = 24;
        int n = 3000;
        float[] rows = random(r, n, dim);
        VectorIndex hnsw = VectorIndex.hnsw(dim, VectorIndex.Metric.COSINE, VectorIndex.HnswParams.defaults());
        hnsw.addAll(ids(n), rows);
        int found = 0;
        int queries = 50;
        for (int t = 0; t < queries; t++) {
            float[] q = random(r, 1, dim);
            Set<String> exact = new HashSet<>(hnsw.searchExact(q, 10, null).stream().map(Hit::id).toList());
            for (Hit h : hnsw.search(q, 10)) {
                if (exact.contains(h.id())) {
                    found++;
                }
            }
        }
        double recall = found / (10.0 * queries);
        assertTrue(recall >= 0.9, "recall@10 " + recall);
    }

    @Test
    void savedIndexesSearchAsBeforeAndTakeMoreRows() {
        Random r = new Random(3);
        int dim = 8;
        float[] rows = random(r, 500, dim);
        for (boolean approximate : new boolean[] {false, true}) {
            VectorIndex index = approximate
                    ? VectorIndex.hnsw(dim, VectorIndex.Metric.L2, VectorIndex.HnswParams.defaults())
                    : VectorIndex.exact(dim, VectorIndex.Metric.L2);
            index.addAll(ids(500), rows);
            Path file = tmp.resolve("i" + approximate + ".vindex");
            index.save(file);
            VectorIndex back = VectorIndex.load(file);
            assertEquals(approximate, back.approximate());
            float[] q = random(r, 1, dim);
            assertEquals(index.search(q, 10), back.search(q, 10));
            back.add("new", q);
            assertEquals(new Hit("new", 0.0), back.search(q, 1).get(0));
            assertEquals("d" + 499, back.id(499));
            // more rows than the loaded graph's first bit set covers
            List<String> more = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                more.add("m" + i);
            }
            float[] extra = random(r, 1200, dim);
            back.addAll(more, extra);
            float[] target = java.util.Arrays.copyOfRange(extra, 1199 * dim, 1200 * dim);
            assertEquals("m1199", back.search(target, 1).get(0).id());
        }
    }

    @Test
    void damagedFileIsReported() throws Exception {
        VectorIndex index = VectorIndex.exact(2, VectorIndex.Metric.COSINE);
        index.add("a", new float[] {1, 0});
        Path file = tmp.resolve("x.vindex");
        index.save(file);
        byte[] b = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(b, b.length - 7));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> VectorIndex.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
