package org.classicnlp.segment;

import java.util.Arrays;
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
        super(lexicon, rules);
    }

    /** With HanLP's bundled core dictionary. */
    public BidirectionalMaxMatch() {
        this(LexiconLoaders.hanlpCore());
    }

    @Override
    public int[] spans(String text) {
        MaxMatch.Work work = work(text);
        int[] fw = MaxMatch.newSpans(work.n);
        int[] bw = MaxMatch.newSpans(work.n);
        int fc = MaxMatch.forward(lexicon, work, fw);
        int bc = MaxMatch.backward(lexicon, work, bw);
        boolean useForward = fc < bc
                || fc == bc && MaxMatch.singleCharWords(fw, fc) < MaxMatch.singleCharWords(bw, bc);
        return useForward ? Arrays.copyOf(fw, 2 * fc) : Arrays.copyOf(bw, 2 * bc);
    }
}
