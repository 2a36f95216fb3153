package org.classicnlp.segment;

import java.util.List;
import java.util.Objects;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;

/**
 * Bidirectional maximum matching: runs forward and backward matching and keeps the result with fewer
 * words; on a tie, the one with fewer single-character words; on a further tie, the backward one
 * (backward matching errs less on Chinese). Immutable and thread-safe.
 */
public final class BidirectionalMaxMatch implements Segmenter {

    private final Lexicon lexicon;

    public BidirectionalMaxMatch(Lexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** With HanLP's bundled core dictionary. */
    public BidirectionalMaxMatch() {
        this(LexiconLoaders.hanlpCore());
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    @Override
    public List<Token> segment(String text) {
        int[] spans = spans(text);
        return MaxMatch.tokens(text, spans, spans.length / 2);
    }

    @Override
    public int[] spans(String text) {
        MaxMatch.Work work = new MaxMatch.Work(text);
        int[] fw = MaxMatch.newSpans(work.n);
        int[] bw = MaxMatch.newSpans(work.n);
        int fc = MaxMatch.forward(lexicon, work, fw);
        int bc = MaxMatch.backward(lexicon, work, bw);
        boolean useForward = fc < bc
                || fc == bc && MaxMatch.singleCharWords(fw, fc) < MaxMatch.singleCharWords(bw, bc);
        return useForward ? java.util.Arrays.copyOf(fw, 2 * fc) : java.util.Arrays.copyOf(bw, 2 * bc);
    }
}
