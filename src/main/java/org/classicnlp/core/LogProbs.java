package org.classicnlp.core;

/**
 * Log-probability helpers shared by the HMMs (the segmenter's B/M/E/S model and the part-of-speech
 * tagger): estimates as {@code float} natural logs, with impossible events as negative infinity so a
 * Viterbi pass never picks them.
 */
public final class LogProbs {

    private LogProbs() {
    }

    /** {@code ln(n / total)} as a float; negative infinity when {@code n} or {@code total} is 0. */
    public static float logRatio(long n, long total) {
        return n == 0 || total == 0 ? Float.NEGATIVE_INFINITY : (float) Math.log((double) n / total);
    }

    /** {@code ln(p)} as a float; negative infinity when {@code p <= 0}. */
    public static float log(double p) {
        return p > 0 ? (float) Math.log(p) : Float.NEGATIVE_INFINITY;
    }
}
