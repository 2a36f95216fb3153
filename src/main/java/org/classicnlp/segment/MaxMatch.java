package org.classicnlp.segment;

import org.classicnlp.core.CharClass;
import java.util.ArrayList;
import java.util.List;
import org.classicnlp.core.Token;
import org.classicnlp.core.TraditionalChinese;
import org.classicnlp.lexicon.CharNormalizer;
import org.classicnlp.lexicon.Lexicon;

/**
 * The shared machinery of the maximum-matching segmenters: width folding, atoms, and greedy
 * longest-match in either direction. A dictionary word may start and end only on atom boundaries,
 * so with {@link MatchRules#MIXED} an English word, number or URL is never cut; where the dictionary
 * has nothing longer, the atom itself is the token (a single Han character, or a whole run of Latin
 * letters or digits). With {@link MatchRules#CLASSIC} every character is an atom.
 */
final class MaxMatch {

    /** Width folding and Traditional → Simplified in one table (both keep the length). */
    private static final class WidthT2s {
        static final char[] MAP = new char[1 << 16];

        static {
            for (int c = 0; c < MAP.length; c++) {
                MAP[c] = TraditionalChinese.toSimplified(CharNormalizer.foldWidth((char) c));
            }
        }
    }

    /** Per-call working arrays; a segmenter allocates them per text, so it stays thread-safe. */
    static final class Work {
        final String text;
        final int n;
        /**
         * The text as dictionary and HMM lookups see it: width-folded and, when asked, Traditional
         * characters as Simplified ({@link TraditionalChinese}); same length, so spans over it are spans
         * over the original text.
         */
        final char[] folded;
        /** Mixed rules only (null under classic rules: read through {@link #atomAt}). */
        final int[] atomLength;
        /** Allowed word starts and ends; null (all allowed) under classic rules. */
        final boolean[] boundary;

        /** Mixed-text rules over width-folded text, as the statistical segmenters use. */
        Work(String text) {
            this(text, MatchRules.MIXED, true, false);
        }

        /** Mixed-text rules over width-folded text, Traditional characters as Simplified when {@code t2s}. */
        Work(String text, boolean t2s) {
            this(text, MatchRules.MIXED, true, t2s);
        }

        Work(String text, MatchRules rules, boolean foldWidth, boolean t2s) {
            this.text = text;
            this.n = text.length();
            this.folded = text.toCharArray();
            if (t2s && foldWidth) {
                char[] map = WidthT2s.MAP;
                for (int i = 0; i < n; i++) {
                    folded[i] = map[folded[i]];
                }
            } else if (t2s) {
                TraditionalChinese.toSimplified(folded, 0, n);
            } else if (foldWidth) {
                CharNormalizer.foldWidth(folded, 0, n);
            }
            if (rules == MatchRules.MIXED) {
                this.atomLength = new int[n];
                this.boundary = new boolean[n + 1];
                Atoms.scan(folded, n, atomLength, boundary);
            } else if (!hasEmojiSequence(folded, n)) {
                // Every character is an atom (see atomAt), and any word end is allowed.
                this.atomLength = null;
                this.boundary = null;
            } else {
                // As above, but an emoji sequence is one atom and no word ends inside it.
                this.atomLength = new int[n];
                this.boundary = new boolean[n + 1];
                java.util.Arrays.fill(boundary, true);
                int i = 0;
                while (i < n) {
                    int len = CharClass.emojiSequenceLength(folded, i, n);
                    if (len == 0) {
                        len = Character.isHighSurrogate(folded[i]) && i + 1 < n && Character.isLowSurrogate(folded[i + 1]) ? 2 : 1;
                        if (len == 1 && CharClass.of(folded[i]) == CharClass.SPACE) {
                            atomLength[i++] = -1;
                            continue;
                        }
                    }
                    atomLength[i] = len;
                    for (int k = i + 1; k < i + len; k++) {
                        atomLength[k] = 0;
                        boundary[k] = false;
                    }
                    i += len;
                }
            }
        }

        private static boolean hasEmojiSequence(char[] f, int n) {
            for (int i = 0; i < n; i++) {
                char c = f[i];
                // Every emoji sequence of two or more code points holds one of these: a U+1F000–U+1FFFF or
                // tag (U+E00xx) high surrogate, ZWJ, VS16 or the keycap mark. Text without them (nearly all
                // text) skips the full check, which the classic rules' hot path would pay per character.
                if (c >= '\uD83C' && c <= '\uD83E' || c == '\uDB40' || c == '\u200D' || c == '\uFE0F'
                        || c == '\u20E3') {
                    for (int k = 0; k < n; k++) {
                        if (CharClass.emojiSequenceLength(f, k, n) > 0) {
                            return true;
                        }
                    }
                    return false;
                }
            }
            return false;
        }

        /** As {@code atomLength[i]} (-1 white space, 0 inside an atom, else the atom's length) for either rules. */
        int atomAt(int i) {
            if (atomLength != null) {
                return atomLength[i];
            }
            char c = folded[i];
            if (Character.isHighSurrogate(c)) {
                return i + 1 < n && Character.isLowSurrogate(folded[i + 1]) ? 2 : 1;
            }
            if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(folded[i - 1])) {
                return 0;
            }
            return CharClass.of(c) == CharClass.SPACE ? -1 : 1;
        }
    }

    private MaxMatch() {
    }

    /** Token spans as pairs {@code [start0, end0, start1, end1, ...]} in text order; returns the count. */
    static int forward(Lexicon lexicon, Work w, int[] spans) {
        int count = 0;
        int i = 0;
        while (i < w.n) {
            int atom = w.atomAt(i);
            if (atom < 0) {
                i++;
                continue;
            }
            int len = Math.max(atom, lexicon.longestForward(w.folded, i, w.n, w.boundary));
            spans[2 * count] = i;
            spans[2 * count + 1] = i + len;
            count++;
            i += len;
        }
        return count;
    }

    /** As {@link #forward}, matching from the end of the text; spans are still returned in text order. */
    static int backward(Lexicon lexicon, Work w, int[] spans) {
        int count = 0;
        int j = w.n;
        while (j > 0) {
            if (w.atomAt(j - 1) < 0) {
                j--;
                continue;
            }
            int atomStart = j - 1;
            while (w.atomAt(atomStart) == 0) {
                atomStart--;
            }
            int len = Math.max(j - atomStart, lexicon.longestBackward(w.folded, j, 0, w.boundary));
            spans[2 * count] = j - len;
            spans[2 * count + 1] = j;
            count++;
            j -= len;
        }
        // Reverse the pairs into text order.
        for (int a = 0, b = count - 1; a < b; a++, b--) {
            int s = spans[2 * a];
            int e = spans[2 * a + 1];
            spans[2 * a] = spans[2 * b];
            spans[2 * a + 1] = spans[2 * b + 1];
            spans[2 * b] = s;
            spans[2 * b + 1] = e;
        }
        return count;
    }

    static int singleCharWords(int[] spans, int count) {
        int singles = 0;
        for (int k = 0; k < count; k++) {
            if (spans[2 * k + 1] - spans[2 * k] == 1) {
                singles++;
            }
        }
        return singles;
    }

    static List<Token> tokens(String text, int[] spans, int count) {
        List<Token> tokens = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int s = spans[2 * k];
            int e = spans[2 * k + 1];
            tokens.add(new Token(text.substring(s, e), s, e));
        }
        return tokens;
    }

    static int[] newSpans(int n) {
        return new int[2 * n + 2];
    }
}
