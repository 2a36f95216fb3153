package org.classicnlp.segment;

import java.util.Arrays;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;

/**
 * Backward maximum matching: from the end of the text, take the longest dictionary word, or the atom
 * (a Han character, an English word, number, URL …) when no word is longer. Immutable and thread-safe.
 */
public final class BackwardMaxMatch extends DictionarySegmenter {

    public BackwardMaxMatch(Lexicon lexicon) {
        super(lexicon);
    }

    /** With HanLP's bundled core dictionary. */
    public BackwardMaxMatch() {
        this(LexiconLoaders.hanlpCore());
    }

    @Override
    public int[] spans(String text) {
        MaxMatch.Work work = new MaxMatch.Work(text);
        int[] spans = MaxMatch.newSpans(work.n);
        return Arrays.copyOf(spans, 2 * MaxMatch.backward(lexicon, work, spans));
    }
}
