package org.classicnlp.segment;

/**
 * Word-level segmentation scores as in the SIGHAN bakeoffs. A predicted word is correct when a gold
 * word has the same start and end; OOV words are gold words absent from the training word list.
 */
public record SegmentationScore(long goldWords, long predictedWords, long correctWords,
                                long oovGoldWords, long oovCorrectWords, long ivCorrectWords) {

    public double precision() {
        return ratio(correctWords, predictedWords);
    }

    public double recall() {
        return ratio(correctWords, goldWords);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Share of gold words that are out of vocabulary. */
    public double oovRate() {
        return ratio(oovGoldWords, goldWords);
    }

    /** Recall on out-of-vocabulary gold words (NaN without a word list or without OOV words). */
    public double oovRecall() {
        return oovGoldWords == 0 ? Double.NaN : ratio(oovCorrectWords, oovGoldWords);
    }

    /** Recall on in-vocabulary gold words. */
    public double ivRecall() {
        return ratio(ivCorrectWords, goldWords - oovGoldWords);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
