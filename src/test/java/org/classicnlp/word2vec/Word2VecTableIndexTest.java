package org.classicnlp.word2vec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every table index the trainer computes from a float or a random number stays inside its table at the
 * edges (issue #9: {@code (f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2)} rounds to exactly 1000 for f just
 * below MAX_EXP).
 */
class Word2VecTableIndexTest {

    static final float MAX = Word2VecTrainer.MAX_EXP;
    static final int SIZE = Word2VecTrainer.EXP_TABLE_SIZE;

    @Test
    void sigmoidIndexAtTheTopEdgeReachesTheExtraSlot() {
        float f = Math.nextDown(MAX);
        // the raw C formula gives EXP_TABLE_SIZE here: f + MAX_EXP rounds to 12 in float
        assertEquals(SIZE, (int) ((f + MAX) * (SIZE / MAX / 2)));
        assertEquals(SIZE, Word2VecTrainer.sigmoidIndex(f));
        assertEquals(SIZE + 1, Word2VecTrainer.EXP_TABLE.length);
        assertEquals(1 / (1 + Math.exp(-6)), Word2VecTrainer.sigmoid(f), 1e-6);
        assertEquals(SIZE, Word2VecTrainer.sigmoidIndex(MAX));
        assertEquals(SIZE, Word2VecTrainer.sigmoidIndex(Math.nextUp(MAX)));
    }

    @Test
    void sigmoidIndexAtTheBottomEdge() {
        assertEquals(0, Word2VecTrainer.sigmoidIndex(-MAX));
        assertEquals(0, Word2VecTrainer.sigmoidIndex(Math.nextUp(-MAX)));
        assertEquals(0, Word2VecTrainer.sigmoidIndex(Math.nextDown(-MAX)));
        assertEquals(1 / (1 + Math.exp(6)), Word2VecTrainer.sigmoid(Math.nextUp(-MAX)), 1e-6);
    }

    @Test
    void sigmoidIndexIsInsideTheTableForEveryFloatNearTheEdgesAndForJunk() {
        float hi = MAX;
        float lo = -MAX;
        for (int k = 0; k < 100_000; k++) {
            hi = Math.nextDown(hi);
            lo = Math.nextUp(lo);
            for (float f : new float[] {hi, lo}) {
                int i = Word2VecTrainer.sigmoidIndex(f);
                assertTrue(i >= 0 && i <= SIZE, f + " -> " + i);
            }
        }
        for (float f : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
                -Float.MAX_VALUE, 1e30f, -1e30f}) {
            int i = Word2VecTrainer.sigmoidIndex(f);
            assertTrue(i >= 0 && i <= SIZE, f + " -> " + i);
        }
        // and the table is still the logistic function inside
        for (float x : new float[] {-5.9f, -1f, 0f, 0.5f, 3f, 5.9f}) {
            assertEquals(1 / (1 + Math.exp(-x)), Word2VecTrainer.sigmoid(x), 0.01, "x=" + x);
        }
    }

    @Test
    void noiseColumnIsBelowTheVocabularySizeForTheLargestRandomNumber() {
        long maxR = 0xFFFF_FFFFL;
        for (int n : new int[] {1, 2, 3, 1000, 61_620, 1 << 30, Integer.MAX_VALUE}) {
            assertEquals(0, Word2VecTrainer.noiseColumn(0, n));
            assertEquals(n - 1, Word2VecTrainer.noiseColumn(maxR, n), "n=" + n);
            int below = Word2VecTrainer.noiseColumn(maxR - 1, n);
            assertTrue(below >= 0 && below < n, "n=" + n);
        }
    }

    @Test
    void aliasTableEntriesAreInRangeAndGiveTheNoiseDistribution() {
        SplittableRandom r = new SplittableRandom(5);
        for (int n : new int[] {1, 2, 7, 1000}) {
            long[] counts = new long[n];
            for (int w = 0; w < n; w++) {
                counts[w] = w == 0 ? 1_000_000_000L : 1 + r.nextInt(1000);
            }
            long[] prob = new long[n];
            int[] alias = new int[n];
            Word2VecTrainer.buildAlias(counts, 0.75, prob, alias);
            double[] mass = new double[n];
            for (int c = 0; c < n; c++) {
                assertTrue(prob[c] >= 0 && prob[c] <= 1L << 32, "prob " + prob[c]);
                assertTrue(alias[c] >= 0 && alias[c] < n, "alias " + alias[c]);
                double p = prob[c] / 4294967296.0;
                mass[c] += p / n;
                mass[alias[c]] += (1 - p) / n;
            }
            double sum = 0;
            for (long c : counts) {
                sum += Math.pow(c, 0.75);
            }
            for (int w = 0; w < n; w++) {
                assertEquals(Math.pow(counts[w], 0.75) / sum, mass[w], 1e-6, "n=" + n + " w=" + w);
            }
        }
    }

    @Test
    void subsamplingThresholdsStayInTheFixedPointRange() {
        long[] counts = {5_000_000L, 100_000, 1000, 10, 5, 1};
        long kept = 0;
        for (long c : counts) {
            kept += c;
        }
        for (double sample : new double[] {1e-3, 1e-5, 0.5, 1, 10, 0}) {
            long[] t = Word2VecTrainer.subsamplingThresholds(counts, kept, sample);
            for (int w = 0; w < counts.length; w++) {
                assertTrue(t[w] >= 0 && t[w] <= 1L << 32, sample + " w=" + w + " " + t[w]);
            }
            // the rarest word is always kept: every unsigned 32-bit draw is below 2^32
            assertEquals(1L << 32, t[counts.length - 1], "sample " + sample);
        }
        long[] t = Word2VecTrainer.subsamplingThresholds(counts, kept, 1e-3);
        assertTrue(t[0] < 1L << 30, "the most frequent word is mostly dropped: " + t[0]);
    }

    @Test
    void huffmanCodesHaveValidPointsEvenWhenDeeperThanTheCToolAllows() {
        // Fibonacci counts give a tree of depth n - 1: 59 here, beyond the C tool's MAX_CODE_LENGTH of 40
        int n = 60;
        long[] counts = new long[n];
        long a = 1;
        long b = 1;
        for (int w = n - 1; w >= 0; w--) {
            counts[w] = a;
            long c = a + b;
            a = b;
            b = c;
        }
        checkHuffman(counts, n - 1);
        checkHuffman(new long[] {10, 3}, 1);
        long[] flat = new long[1000];
        java.util.Arrays.fill(flat, 7);
        checkHuffman(flat, 10);
        Word2VecTrainer.HuffmanCodes one = Word2VecTrainer.huffman(new long[] {4});
        assertArrayEquals(new int[] {0, 0}, one.start());
    }

    private static void checkHuffman(long[] counts, int maxDepth) {
        int n = counts.length;
        Word2VecTrainer.HuffmanCodes h = Word2VecTrainer.huffman(counts);
        assertEquals(n + 1, h.start().length);
        assertEquals(h.codes().length, h.start()[n]);
        double kraft = 0;
        int deepest = 0;
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int w = 0; w < n; w++) {
            int from = h.start()[w];
            int to = h.start()[w + 1];
            assertTrue(to > from, "word " + w + " has a code");
            assertEquals(n - 2, h.points()[from], "every path starts at the root");
            StringBuilder code = new StringBuilder();
            for (int k = from; k < to; k++) {
                assertTrue(h.points()[k] >= 0 && h.points()[k] <= n - 2, "point " + h.points()[k]);
                assertTrue(h.codes()[k] == 0 || h.codes()[k] == 1);
                code.append(h.codes()[k]);
            }
            assertTrue(codes.add(code.toString()), "codes are distinct");
            kraft += Math.pow(2, -(to - from));
            deepest = Math.max(deepest, to - from);
        }
        assertEquals(1.0, kraft, 1e-9, "a full binary tree");
        assertEquals(maxDepth, deepest);
    }

    @Test
    void corpusCacheRoundTripsAcrossBufferBoundaries() throws IOException {
        try (CorpusCache c = CorpusCache.create()) {
            int total = 100_003;
            for (int i = 0; i < total; i++) {
                if (i % 7 == 6) {
                    c.endSentence();
                } else {
                    c.token(i);
                }
            }
            c.finish();
            for (int pass = 0; pass < 2; pass++) {
                try (CorpusCache.Reader r = c.reader()) {
                    for (int i = 0; i < total; i++) {
                        assertEquals(i % 7 == 6 ? CorpusCache.END_OF_SENTENCE : i, r.next());
                    }
                    assertEquals(CorpusCache.EOF, r.next());
                }
            }
        }
    }
}
