package org.classicnlp.pos;

import java.util.Arrays;

/**
 * The bookkeeping of the taggers' beam search, shared by the reference path ({@link PerceptronTagger}) and the
 * fast path ({@link WordScores}), which differ only in how they score a candidate: the kept hypotheses (their
 * last two tags and score), and per position the kept tags and back pointers for the final backtrack.
 */
final class BeamLattice {

    /** Tag i-1 and tag i-2 of each kept hypothesis (-1 before the sentence), and its score. */
    int[] p1 = {-1};
    int[] p2 = {-1};
    double[] score = {0};
    private final int[][] histTag;
    private final int[][] histBack;

    BeamLattice(int length) {
        histTag = new int[length][];
        histBack = new int[length][];
    }

    /**
     * Keeps the {@code beam} best of the {@code c} candidates for position {@code i}: candidate j extends
     * hypothesis {@code cBack[j]} with tag {@code cTag[j]} at total score {@code cScore[j]}. Ties keep the
     * earlier candidate (a stable sort).
     */
    void keep(int i, int beam, int c, double[] cScore, int[] cTag, int[] cBack) {
        Integer[] order = new Integer[c];
        for (int k = 0; k < c; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Double.compare(cScore[b], cScore[a]));
        int keep = Math.min(beam, c);
        int[] np1 = new int[keep];
        int[] np2 = new int[keep];
        double[] ns = new double[keep];
        histTag[i] = new int[keep];
        histBack[i] = new int[keep];
        for (int k = 0; k < keep; k++) {
            int j = order[k];
            np1[k] = cTag[j];
            np2[k] = p1[cBack[j]];
            ns[k] = cScore[j];
            histTag[i][k] = cTag[j];
            histBack[i][k] = cBack[j];
        }
        p1 = np1;
        p2 = np2;
        score = ns;
    }

    /** The tags of the best hypothesis, from the last position back. */
    int[] best() {
        int n = histTag.length;
        int[] out = new int[n];
        int h = 0;
        for (int i = n - 1; i >= 0; i--) {
            out[i] = histTag[i][h];
            h = histBack[i][h];
        }
        return out;
    }
}
