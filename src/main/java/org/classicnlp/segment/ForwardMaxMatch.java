package org.classicnlp.segment;

import java.util.Arrays;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;

/**
 * Forward maximum matching: from the start of the text, take the longest dictionary word, or the atom
 * (a Han character, an English word, number, URL …; see {@link MatchRules}) when no word is longer.
 * Immutable and thread-safe.
 */
public final class ForwardMaxMatch extends DictionarySegmenter {

    /** With {@link MatchRules#MIXED}. */
    public ForwardMaxMatch(Lexicon lexicon) {
        this(lexicon, MatchRules.MIXED);
    }

    public ForwardMaxMatch(Lexicon lexicon, MatchRules rules) {
        super(lexicon, rules);
    }

    /** With HanLP's bundled core dictionary. */
    public ForwardMaxMatch() {
        this(LexiconLoaders.hanlpCore());
    }

    @Override
    public int[] spans(String text) {
        MaxMatch.Work work = work(text);
        int[] spans = MaxMatch.newSpans(work.n);
        return Arrays.copyOf(spans, 2 * MaxMatch.forward(lexicon, work, spans));
    }
}
