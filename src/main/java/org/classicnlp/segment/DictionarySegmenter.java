package org.classicnlp.segment;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.Lexicon;

/** What the maximum-matching segmenters share: their lexicon, their rules and tokens made from spans. */
abstract sealed class DictionarySegmenter implements Segmenter
        permits ForwardMaxMatch, BackwardMaxMatch, BidirectionalMaxMatch {

    final Lexicon lexicon;
    final MatchRules rules;

    DictionarySegmenter(Lexicon lexicon, MatchRules rules) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public MatchRules rules() {
        return rules;
    }

    /** Working arrays for one text; the text is width-folded when the lexicon folds. */
    final MaxMatch.Work work(String text) {
        return new MaxMatch.Work(text, rules, lexicon.foldsWidth());
    }

    @Override
    public List<Token> segment(String text) {
        int[] spans = spans(text);
        return MaxMatch.tokens(text, spans, spans.length / 2);
    }

    /** Straight from the spans: no tokens made on the way. */
    @Override
    public List<String> words(String text) {
        int[] spans = spans(text);
        String[] out = new String[spans.length / 2];
        for (int k = 0; k < out.length; k++) {
            out[k] = text.substring(spans[2 * k], spans[2 * k + 1]);
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    @Override
    public abstract int[] spans(String text);
}
