package org.classicnlp.segment;

import org.classicnlp.core.CharClass;
import java.util.Objects;

/**
 * Segmentation by character tagging with an {@link HmmModel}: each run of Han characters is tagged
 * B/M/E/S by Viterbi and cut after every E and S. Everything else is an atom as in max-match (see
 * {@link Atoms}): an English word, a number, a URL or a punctuation mark is one token and ends the Han
 * run; white space is never a token. Needs no dictionary, so it finds words no dictionary lists, but
 * knows only what the characters' statistics say. Immutable and thread-safe.
 */
public final class HmmSegmenter extends SpanSegmenter {

    private final HmmModel model;
    private final boolean t2s;

    /** Over {@code model}, characters looked up as written (width-folded). */
    public HmmSegmenter(HmmModel model) {
        this(model, false);
    }

    /**
     * Over {@code model}; with {@code traditionalToSimplified} the emissions of Traditional characters are
     * looked up as their Simplified forms (for a model trained on Simplified text).
     */
    public HmmSegmenter(HmmModel model, boolean traditionalToSimplified) {
        this.model = Objects.requireNonNull(model, "model");
        this.t2s = traditionalToSimplified;
    }

    /** With the shipped model ({@link HmmModel#defaultModel()}, Simplified), Traditional read as Simplified. */
    public HmmSegmenter() {
        this(HmmModel.defaultModel(), true);
    }

    public HmmModel model() {
        return model;
    }

    /** Whether Traditional characters are looked up as Simplified. */
    public boolean traditionalToSimplified() {
        return t2s;
    }

    @Override
    MaxMatch.Work work(String text) {
        return new MaxMatch.Work(text, t2s);
    }

    @Override
    int spans(MaxMatch.Work w, int[] spans) {
        HmmModel.Work work = new HmmModel.Work();
        int n = w.n;
        char[] f = w.folded;
        int[] atom = w.atomLength;
        int count = 0;
        int i = 0;
        while (i < n) {
            int a = atom[i];
            if (a < 0) {
                i++;
            } else if (a == 1 && CharClass.of(f[i]) == CharClass.HAN) {
                int j = i + 1;
                while (j < n && atom[j] == 1 && CharClass.of(f[j]) == CharClass.HAN) {
                    j++;
                }
                count = model.cut(f, i, j, spans, count, work);
                i = j;
            } else {
                spans[2 * count] = i;
                spans[2 * count + 1] = i + a;
                count++;
                i += a;
            }
        }
        return count;
    }
}
