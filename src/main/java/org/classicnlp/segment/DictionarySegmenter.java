package org.classicnlp.segment;

import java.util.List;
import java.util.Objects;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.Lexicon;

/** What the maximum-matching segmenters share: their lexicon and tokens made from spans. */
abstract sealed class DictionarySegmenter implements Segmenter
        permits ForwardMaxMatch, BackwardMaxMatch, BidirectionalMaxMatch {

    final Lexicon lexicon;

    DictionarySegmenter(Lexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    @Override
    public List<Token> segment(String text) {
        int[] spans = spans(text);
        return MaxMatch.tokens(text, spans, spans.length / 2);
    }

    @Override
    public abstract int[] spans(String text);
}
