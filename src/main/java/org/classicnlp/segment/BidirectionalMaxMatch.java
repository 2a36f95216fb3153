package org.classicnlp.segment;

import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;

/**
 * Bidirectional maximum matching: runs forward and backward matching and keeps the result with fewer
 * words; on a tie, the one with fewer single-character words; on a further tie, the backward one
 * (backward matching errs less on Chinese). Immutable and thread-safe.
 */
public final class BidirectionalMaxMatch extends DictionarySegmenter {

    /** With {@link MatchRules#MIXED}. */
    public BidirectionalMaxMatch(Lexicon lexicon) {
        this(lexicon, MatchRules.MIXED);
    }

    public BidirectionalMaxMatch(Lexicon lexicon, MatchRules rules) {
        this(lexicon, rules, false);
    }

    /** With {@code traditionalToSimplified}: lookups see Traditional characters as Simplified (for a Simplified lexicon). */
    public BidirectionalMaxMatch(Lexicon lexicon, MatchRules rules, boolean traditionalToSimplified) {
        super(lexicon, rules, traditionalToSimplified);
    }

    /** With HanLP's bundled core dictionary, mixed-text rules, Traditional characters read as Simplified. */
    public BidirectionalMaxMatch() {
        this(LexiconLoaders.hanlpCore(), MatchRules.MIXED, true);
    }

    @Override
    int spans(MaxMatch.Work w, int[] spans) {
        int[] bw = MaxMatch.newSpans(w.n);
        int fc = MaxMatch.forward(lexicon, w, spans);
        int bc = MaxMatch.backward(lexicon, w, bw);
        boolean useForward = fc < bc
                || fc == bc && MaxMatch.singleCharWords(spans, fc) < MaxMatch.singleCharWords(bw, bc);
        if (useForward) {
            return fc;
        }
        System.arraycopy(bw, 0, spans, 0, 2 * bc);
        return bc;
    }
}
