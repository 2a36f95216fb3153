package org.classicnlp.segment;

import java.util.List;
import java.util.Objects;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;

/**
 * Backward maximum matching: from the end of the text, take the longest dictionary word,
 * or the atom (a Han character, an English word, number, URL …) when no word is longer. Immutable and
 * thread-safe.
 */
public final class BackwardMaxMatch implements Segmenter {

    private final Lexicon lexicon;

    public BackwardMaxMatch(Lexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** With HanLP's bundled core dictionary. */
    public BackwardMaxMatch() {
        this(LexiconLoaders.hanlpCore());
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    @Override
    public List<Token> segment(String text) {
        MaxMatch.Work work = new MaxMatch.Work(text);
        int[] spans = MaxMatch.newSpans(work.n);
        int count = MaxMatch.backward(lexicon, work, spans);
        return MaxMatch.tokens(text, spans, count);
    }

    @Override
    public int[] spans(String text) {
        MaxMatch.Work work = new MaxMatch.Work(text);
        int[] spans = MaxMatch.newSpans(work.n);
        return java.util.Arrays.copyOf(spans, 2 * MaxMatch.backward(lexicon, work, spans));
    }
}
