package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AllButTheTopTest {

    static final int DIM = 20;

    /**
     * Pairs of words that share a meaning vector, plus what word2vec vectors share and cosine should ignore: a
     * common mean and one strong direction whose weight differs from word to word (as frequency does).
     */
    static WordVectors synthetic(int pairs, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] mean = gaussian(r, 3.0);
        float[] common = gaussian(r, 1.0);
        List<String> words = new ArrayList<>();
        float[] m = new float[2 * pairs * DIM];
        long[] counts = new long[2 * pairs];
        for (int p = 0; p < pairs; p++) {
            float[] meaning = gaussian(r, 1.0);
            for (int k = 0; k < 2; k++) {
                int i = 2 * p + k;
                words.add("w" + p + (k == 0 ? "a" : "b"));
                counts[i] = 1000 - i;
                double weight = r.nextDouble(-4, 4);
                float[] noise = gaussian(r, 0.3);
                for (int c = 0; c < DIM; c++) {
                    m[i * DIM + c] = (float) (meaning[c] + mean[c] + weight * common[c] + noise[c]);
                }
            }
        }
        return WordVectors.of(words, m, DIM, counts);
    }

    static float[] gaussian(SplittableRandom r, double sd) {
        float[] v = new float[DIM];
        for (int c = 0; c < DIM; c++) {
            double u1 = r.nextDouble();
            double u2 = r.nextDouble();
            v[c] = (float) (sd * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v;
    }

    /** Mean cosine of the true pairs and of mismatched pairs. */
    static double[] pairCosines(WordVectors v, int pairs) {
        double same = 0;
        double other = 0;
        for (int p = 0; p < pairs; p++) {
            same += v.similarity("w" + p + "a", "w" + p + "b");
            other += v.similarity("w" + p + "a", "w" + ((p + 1) % pairs) + "b");
        }
        return new double[] {same / pairs, other / pairs};
    }

    @Test
    void removesTheMeanAndTheTopDirectionAndRecoversMeaning() {
        int pairs = 200;
        WordVectors raw = synthetic(pairs, 7);
        WordVectors post = AllButTheTop.apply(raw, 1);
        assertEquals(raw.words(), post.words());
        assertEquals(raw.count("w3a"), post.count("w3a"));

        float[] x = post.rawMatrix();
        for (int c = 0; c < DIM; c++) {
            double s = 0;
            for (int i = 0; i < post.size(); i++) {
                s += x[i * DIM + c];
            }
            assertEquals(0, s / post.size(), 1e-4, "mean of dimension " + c);
        }
        // the removed direction: every output row is orthogonal to the input's top principal component
        float[] centred = raw.rawMatrix().clone();
        float[] mean = new float[DIM];
        for (int i = 0; i < raw.size(); i++) {
            for (int c = 0; c < DIM; c++) {
                mean[c] += centred[i * DIM + c] / raw.size();
            }
        }
        for (int i = 0; i < raw.size(); i++) {
            for (int c = 0; c < DIM; c++) {
                centred[i * DIM + c] -= mean[c];
            }
        }
        float[] u = AllButTheTop.topComponents(centred, raw.size(), DIM, 1)[0];
        double maxProjection = 0;
        for (int i = 0; i < post.size(); i++) {
            double p = 0;
            for (int c = 0; c < DIM; c++) {
                p += u[c] * x[i * DIM + c];
            }
            maxProjection = Math.max(maxProjection, Math.abs(p));
        }
        assertTrue(maxProjection < 1e-4, "projection on the removed component " + maxProjection);

        double[] before = pairCosines(raw, pairs);
        double[] after = pairCosines(post, pairs);
        // the shared mean and direction make unrelated words look alike; removing them separates them
        assertTrue(before[1] > 0.5, "unrelated words before: " + before[1]);
        assertTrue(Math.abs(after[1]) < 0.1, "unrelated words after: " + after[1]);
        assertTrue(after[0] - after[1] > before[0] - before[1] + 0.3,
                "pairs vs non-pairs, before " + before[0] + " / " + before[1] + ", after " + after[0] + " / " + after[1]);
    }

    @Test
    void topComponentsAreOrthonormalAndOrdered() {
        WordVectors raw = synthetic(100, 11);
        float[] x = AllButTheTop.apply(raw, 0).rawMatrix();   // centred only
        float[][] u = AllButTheTop.topComponents(x, raw.size(), DIM, 3);
        double[] variance = new double[3];
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double d = 0;
                for (int c = 0; c < DIM; c++) {
                    d += u[a][c] * u[b][c];
                }
                assertEquals(a == b ? 1 : 0, d, 1e-4, "u" + a + "·u" + b);
            }
            for (int i = 0; i < raw.size(); i++) {
                double p = 0;
                for (int c = 0; c < DIM; c++) {
                    p += u[a][c] * x[i * DIM + c];
                }
                variance[a] += p * p;
            }
        }
        assertTrue(variance[0] >= variance[1] && variance[1] >= variance[2], java.util.Arrays.toString(variance));
    }

    @Test
    void defaultRuleAndBadArguments() {
        assertEquals(1, AllButTheTop.defaultComponents(100));
        assertEquals(1, AllButTheTop.defaultComponents(20));
        assertEquals(3, AllButTheTop.defaultComponents(300));
        WordVectors raw = synthetic(10, 1);
        assertThrows(IllegalArgumentException.class, () -> AllButTheTop.apply(raw, DIM));
        assertThrows(IllegalArgumentException.class, () -> AllButTheTop.apply(raw, -1));
        WordVectors one = WordVectors.of(List.of("x"), new float[DIM], DIM, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AllButTheTop.apply(one, 1));
        assertTrue(e.getMessage().contains("at least 2 words"), e.getMessage());
    }
}
