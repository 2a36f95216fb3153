package org.classicnlp.ngram;

/**
 * Perplexity of a model on a corpus, as KenLM's {@code query -v summary} reports it.
 *
 * @param log10Total  total log10 probability of every scored token, {@code </s>} and OOVs included
 * @param log10OovSum the part of {@link #log10Total} that OOV tokens contributed
 * @param tokens      every scored token: the words of each sentence plus its {@code </s>}
 * @param oovs        tokens not in the vocabulary (scored as {@code <unk>})
 * @param sentences   sentences scored
 */
public record Perplexity(double log10Total, double log10OovSum, long tokens, long oovs, long sentences) {

    /** {@code 10^(-total / tokens)}. */
    public double includingOovs() {
        return Math.pow(10, -log10Total / tokens);
    }

    /** Perplexity over the in-vocabulary tokens only: {@code 10^(-(total - oovSum) / (tokens - oovs))}. */
    public double excludingOovs() {
        return Math.pow(10, -(log10Total - log10OovSum) / (tokens - oovs));
    }
}
