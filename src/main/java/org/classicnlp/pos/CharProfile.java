package org.classicnlp.pos;

import java.util.HashMap;
import java.util.Map;
import org.classicnlp.core.CharClass;

/**
 * Per Han character, the tags of the ambiguity lexicon's words (types, 2+ chars, Han first char) that begin
 * with it and of those that end with it: the classic unknown-word evidence for Chinese (Tseng et al. 2005),
 * e.g. words ending in 局 or 者 are nouns, words ending in 化 verbs. A perceptron learns a character's weights
 * only from the tokens it errs on, mostly rare words; the profile counts every word type the training data
 * had, frequent or not. Derived from the lexicon alone (the model file needs nothing more), immutable.
 *
 * <p>A word's own lexicon entry is always left out of its profile, in training and tagging alike: a training
 * word then sees the profile an unseen word with its characters would see, and the model does not learn to
 * trust a profile that always contains the gold tag (as the leave-one-out ambiguity classes).
 */
final class CharProfile {

    /** No profile: the features of models of feature version 4 and older (their templates had none). */
    static final CharProfile NONE = new CharProfile(Map.of(), Map.of(), Map.of(), Map.of(), 0);

    private final Map<String, byte[]> lexicon;
    /** Per char, the count of words per tag, then the number of words (index {@code nt}). */
    private final Map<Character, int[]> firsts;
    private final Map<Character, int[]> lasts;
    /** The ambiguity class of each char that is a lexicon word by itself. */
    private final Map<Character, Long> alone;
    private final int nt;

    private CharProfile(Map<String, byte[]> lexicon, Map<Character, int[]> firsts, Map<Character, int[]> lasts,
            Map<Character, Long> alone, int nt) {
        this.lexicon = lexicon;
        this.alone = alone;
        this.firsts = firsts;
        this.lasts = lasts;
        this.nt = nt;
    }

    /** The profile of {@code lexicon} (word to ascending tag indices below {@code nt}). */
    static CharProfile of(Map<String, byte[]> lexicon, int nt) {
        Map<Character, int[]> firsts = new HashMap<>();
        Map<Character, int[]> lasts = new HashMap<>();
        Map<Character, Long> alone = new HashMap<>();
        lexicon.forEach((word, tags) -> {
            if (word.length() == 1) {
                alone.put(word.charAt(0), Features.ambiguityClass(tags));
            } else if (hanWord(word)) {
                add(firsts.computeIfAbsent(word.charAt(0), c -> new int[nt + 1]), tags, 1);
                add(lasts.computeIfAbsent(word.charAt(word.length() - 1), c -> new int[nt + 1]), tags, 1);
            }
        });
        return new CharProfile(lexicon, firsts, lasts, alone, nt);
    }

    private static boolean hanWord(String w) {
        return w.length() >= 2 && CharClass.of(w.charAt(0)) == CharClass.HAN;
    }

    private static void add(int[] counts, byte[] tags, int by) {
        for (byte t : tags) {
            counts[t & 0xFF] += by;
        }
        counts[counts.length - 1] += by;
    }

    boolean isEmpty() {
        return lasts.isEmpty() && alone.isEmpty();
    }

    /** The ambiguity class of {@code c} as a word by itself, or 0 when it is none in the lexicon. */
    long alone(char c) {
        Long a = alone.get(c);
        return a == null ? 0 : a;
    }

    /** The profile of the words ending like {@code word} (lower-cased, 2+ chars, Han first char), or null. */
    int[] last(String word) {
        return profile(lasts, word.charAt(word.length() - 1), word);
    }

    /** The profile of the words beginning like {@code word}, or null. */
    int[] first(String word) {
        return profile(firsts, word.charAt(0), word);
    }

    /** The counts of {@code table}'s char {@code c} without {@code word}'s own entry; null when no word is left. */
    private int[] profile(Map<Character, int[]> table, char c, String word) {
        int[] counts = table.get(c);
        if (counts == null) {
            return null;
        }
        byte[] own = lexicon.get(word);
        if (own == null) {
            return counts;
        }
        if (counts[nt] <= 1) {
            return null;
        }
        int[] out = counts.clone();
        add(out, own, -1);
        return out;
    }

    /**
     * The most frequent tag of a profile with how sure it is: {@code (tag + 1) * 16 + share * 4 + size}, share
     * 0-2 (the tag's share of the words below 1/2, below 4/5, above) and size 0-3 (1, 2-4, 5-19, 20+ words).
     */
    static long top(int[] p) {
        int nt = p.length - 1;
        int best = 0;
        for (int t = 1; t < nt; t++) {
            if (p[t] > p[best]) {
                best = t;
            }
        }
        int n = p[nt];
        int share = p[best] * 5 >= n * 4 ? 2 : p[best] * 2 >= n ? 1 : 0;
        int size = n >= 20 ? 3 : n >= 5 ? 2 : n >= 2 ? 1 : 0;
        return (best + 1) * 16L + share * 4L + size;
    }

    /** The set of tags carried by at least a quarter of the profile's words, as a hash (never 0). */
    static long mainTags(int[] p) {
        int nt = p.length - 1;
        int n = p[nt];
        long h = 0x1b873593cc9e2d51L;
        for (int t = 0; t < nt; t++) {
            if (p[t] > 0 && p[t] * 4 >= n) {
                h = Features.mix(h ^ (t + 1));
            }
        }
        return h | 1;
    }
}
