package org.classicnlp.segment;

import java.util.Objects;
import org.classicnlp.lexicon.Lexicon;

/** What the maximum-matching segmenters share: their lexicon and their rules. */
abstract sealed class DictionarySegmenter extends SpanSegmenter
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

    /** Working arrays for one text under this segmenter's rules; the text is width-folded when the lexicon folds. */
    @Override
    final MaxMatch.Work work(String text) {
        return new MaxMatch.Work(text, rules, lexicon.foldsWidth());
    }
}
