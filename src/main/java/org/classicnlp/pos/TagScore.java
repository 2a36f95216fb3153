package org.classicnlp.pos;

/**
 * Token accuracy of predicted tags against gold tags, overall and split by whether the word was seen in
 * training ({@code known}) or not. Without a training vocabulary the split is empty ({@code knownTokens}
 * and {@code unknownTokens} 0, accuracies {@code NaN}).
 */
public record TagScore(long tokens, long correct, long knownTokens, long knownCorrect, long unknownTokens,
        long unknownCorrect) {

    public double accuracy() {
        return ratio(correct, tokens);
    }

    public double knownAccuracy() {
        return ratio(knownCorrect, knownTokens);
    }

    public double unknownAccuracy() {
        return ratio(unknownCorrect, unknownTokens);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
