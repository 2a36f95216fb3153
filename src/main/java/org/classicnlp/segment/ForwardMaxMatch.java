package org.classicnlp.segment;

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
    int spans(MaxMatch.Work w, int[] spans) {
        return MaxMatch.forward(lexicon, w, spans);
    }
}
