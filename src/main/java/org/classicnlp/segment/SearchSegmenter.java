package org.classicnlp.segment;

import org.classicnlp.core.CharClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.classicnlp.core.Token;
import org.classicnlp.core.TraditionalChinese;
import org.classicnlp.lexicon.CharNormalizer;
import org.classicnlp.lexicon.Lexicon;

/**
 * Search mode (jieba's {@code cut_for_search}): the best segmentation of a base segmenter, and before
 * each Han word longer than two characters the dictionary words inside it, for indexing: its two-character
 * dictionary words, then (for words longer than three) its three-character ones, each with its own
 * offsets. {@code 中华人民共和国} gives {@code 中华 华人 人民 共和 共和国 中华人民共和国}. Tokens
 * therefore overlap; each token's offsets still point into the text. Immutable and thread-safe.
 */
public final class SearchSegmenter implements Segmenter {

    private final Segmenter base;
    private final Lexicon lexicon;
    private final boolean t2s;

    /** Inner words looked up in {@code lexicon} as written (width-folded). */
    public SearchSegmenter(Segmenter base, Lexicon lexicon) {
        this(base, lexicon, false);
    }

    /** With {@code traditionalToSimplified}, inner words are looked up with Traditional characters as Simplified. */
    public SearchSegmenter(Segmenter base, Lexicon lexicon, boolean traditionalToSimplified) {
        this.base = Objects.requireNonNull(base, "base");
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
        this.t2s = traditionalToSimplified;
    }

    /** Search mode over a hybrid segmenter and its own dictionary, normalised as the hybrid normalises. */
    public static SearchSegmenter of(HybridSegmenter hybrid) {
        return new SearchSegmenter(hybrid, hybrid.lexicon(), hybrid.traditionalToSimplified());
    }

    public Segmenter base() {
        return base;
    }

    @Override
    public List<Token> segment(String text) {
        List<Token> words = base.segment(text);
        List<Token> out = new ArrayList<>(words.size() + words.size() / 4);
        int[] ends = new int[Math.max(1, lexicon.maxWordLength())];
        int[] ids = new int[ends.length];
        for (Token w : words) {
            int len = w.length();
            if (len > 2 && allHan(text, w.start(), w.end())) {
                char[] f = text.substring(w.start(), w.end()).toCharArray();
                CharNormalizer.foldWidth(f, 0, f.length);
                if (t2s) {
                    TraditionalChinese.toSimplified(f, 0, f.length);
                }
                addGrams(text, w.start(), f, 2, ends, ids, out);
                if (len > 3) {
                    addGrams(text, w.start(), f, 3, ends, ids, out);
                }
            }
            out.add(w);
        }
        return out;
    }

    private static boolean allHan(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CharClass.of(text.charAt(i)) != CharClass.HAN) {
                return false;
            }
        }
        return true;
    }

    private void addGrams(String text, int offset, char[] f, int size, int[] ends, int[] ids, List<Token> out) {
        for (int s = 0; s + size <= f.length; s++) {
            int k = lexicon.prefixMatches(f, s, s + size, ends, ids);
            if (k > 0 && ends[k - 1] == s + size) {
                out.add(Token.of(text, offset + s, offset + s + size));
            }
        }
    }
}
