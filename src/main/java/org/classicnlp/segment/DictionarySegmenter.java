package org.classicnlp.segment;

import java.util.Objects;
import org.classicnlp.lexicon.Lexicon;

/** What the maximum-matching segmenters share: their lexicon and their rules. */
abstract sealed class DictionarySegmenter extends SpanSegmenter
        permits ForwardMaxMatch, BackwardMaxMatch, BidirectionalMaxMatch {

    final Lexicon lexicon;
    final MatchRules rules;
    final boolean t2s;

    DictionarySegmenter(Lexicon lexicon, MatchRules rules, boolean traditionalToSimplified) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.t2s = traditionalToSimplified;
    }

    /**
     * Whether lookups see Traditional characters as Simplified ({@link org.classicnlp.core.TraditionalChinese}):
     * on for HanLP's core dictionary (the no-argument constructors, {@link Segmenters#create(String)}),
     * off by default for a caller's own lexicon, whose words are matched as written.
     */
    public boolean traditionalToSimplified() {
        return t2s;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public MatchRules rules() {
        return rules;
    }

    /**
     * Working arrays for one text under this segmenter's rules; the text is width-folded when the lexicon
     * folds, and Traditional characters read as Simplified when {@link #traditionalToSimplified()}.
     */
    @Override
    final MaxMatch.Work work(String text) {
        return new MaxMatch.Work(text, rules, lexicon.foldsWidth(), t2s);
    }
}
