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
        this(lexicon, rules, false);
    }

    /** With {@code traditionalToSimplified}: lookups see Traditional characters as Simplified (for a Simplified lexicon). */
    public ForwardMaxMatch(Lexicon lexicon, MatchRules rules, boolean traditionalToSimplified) {
        super(lexicon, rules, traditionalToSimplified);
    }

    /** With HanLP's bundled core dictionary, mixed-text rules, Traditional characters read as Simplified. */
    public ForwardMaxMatch() {
        this(LexiconLoaders.hanlpCore(), MatchRules.MIXED, true);
    }

    @Override
    int spans(MaxMatch.Work w, int[] spans) {
        return MaxMatch.forward(lexicon, w, spans);
    }
}
