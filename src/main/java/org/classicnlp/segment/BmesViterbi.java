package org.classicnlp.segment;

/**
 * Viterbi over the four character tags B, M, E, S (0-3), shared by the HMM segmenter ({@link HmmModel}, log
 * probabilities) and the perceptron segmenter ({@link PerceptronSegmenter}, weight sums).
 */
final class BmesViterbi {

    static final int B = 0;
    static final int M = 1;
    static final int E = 2;
    static final int S = 3;

    private BmesViterbi() {
    }

    /**
     * The best legal B/M/E/S sequence of {@code n} positions: starts with B or S, ends with E or S;
     * B,M → M,E; E,S → B,S. {@code em[4t + tag]} is the score of {@code tag} at position {@code t} (start
     * scores already added at t = 0), {@code tr[4 from + to]} the transition scores; {@code back} is
     * scratch of 4n, the tags land in {@code tags[0, n)}.
     */
    static void decode(float[] em, float[] tr, int n, byte[] back, byte[] tags) {
        float db = em[0];
        float dm = Float.NEGATIVE_INFINITY;
        float de = Float.NEGATIVE_INFINITY;
        float ds = em[3];
        float bm = tr[1];
        float be = tr[2];
        float mm = tr[5];
        float me = tr[6];
        float eb = tr[8];
        float es = tr[11];
        float sb = tr[12];
        float ss = tr[15];
        for (int t = 1; t < n; t++) {
            int o = t * 4;
            float b1 = de + eb;
            float b2 = ds + sb;
            float m1 = db + bm;
            float m2 = dm + mm;
            float e1 = db + be;
            float e2 = dm + me;
            float s1 = de + es;
            float s2 = ds + ss;
            float nb;
            float nm;
            float ne;
            float ns;
            if (b1 >= b2) {
                nb = b1;
                back[o] = E;
            } else {
                nb = b2;
                back[o] = S;
            }
            if (m1 >= m2) {
                nm = m1;
                back[o + 1] = B;
            } else {
                nm = m2;
                back[o + 1] = M;
            }
            if (e1 >= e2) {
                ne = e1;
                back[o + 2] = B;
            } else {
                ne = e2;
                back[o + 2] = M;
            }
            if (s1 >= s2) {
                ns = s1;
                back[o + 3] = E;
            } else {
                ns = s2;
                back[o + 3] = S;
            }
            db = nb + em[o];
            dm = nm + em[o + 1];
            de = ne + em[o + 2];
            ds = ns + em[o + 3];
        }
        int state = de > ds ? E : S;
        for (int t = n - 1; t >= 0; t--) {
            tags[t] = (byte) state;
            if (t > 0) {
                state = back[t * 4 + state];
            }
        }
    }
}
