package org.classicnlp.pos;

import java.util.Arrays;
import java.util.Locale;
import org.classicnlp.core.CharClass;
import org.classicnlp.lexicon.CharNormalizer;

/**
 * The perceptron tagger's feature templates, as 64-bit hashes (no feature string is ever built). Per token,
 * {@link #STATIC} features that depend only on the words are computed once per sentence ({@link #words});
 * {@link #DYNAMIC} features that depend on the two previous tags are mixed in at decode time.
 *
 * <p>Static templates: bias; the lowercased word; the word as written (when it differs); suffixes of 1-4 and
 * prefixes of 1-3 chars (for Chinese: the last and first characters); the char-type shape (runs collapsed:
 * {@code Xx}, {@code d}, {@code C} for Han); the length (1-5+, in chars); for Han words of 2+ chars the
 * first+last char pair; the previous and next two words; suffix-3 and shape of the previous and next word;
 * the word bigrams (i-1, i) and (i, i+1); for Han words the first and the last character each with the
 * length, and the second and second-to-last characters (words of 3+ characters); the ambiguity class (the
 * set of tags the training data gave the word, from the model's lexicon; one class for all other words) of words i-1, i, i+1, i+2, the pairs (i, i+1) and (i-1, i), the word with the class
 * of i+1; the last character of word i-1 and the first of word i+1 (Han). Dynamic: tag i-1, tag i-2, both,
 * tag i-1 with the word, for Han words tag i-1 with the last character, tag i-1 with the class of word i,
 * tag i-1 with the class of word i+1, tag i-1 with the word and the class of word i+1. The current word's
 * class features are left out for words without a class.
 *
 * <p>Templates of Han words only (version 4; other words get none of them, so English features did not
 * change): static, each char of the word's first four as a bag (words of 2+ chars); the shape with Han
 * numerals and date/time units told apart from other Han chars (any word with such a char); the repetition
 * pattern (AA, ABB, AABB, ABAB, ...); the length and the first char of a Han word i-1, the length and the
 * last char of a Han word i+1; the chars across both word boundaries (last of i-1 with first of i, last of i
 * with first of i+1); the word with the first char of word i+1 and with the last char of word i-1; the
 * middle char pair of words of 4+ chars; first and last char with the length; the word with the class of
 * word i-1 and with word i+2. (Tag i-1 with the first char and tag i-2 with the word were tried as dynamic
 * templates and left out: no gain on the development days.)
 *
 * <p>Templates of version 5 (Han words of 2+ chars; slots from {@link #PROFILE_FROM}): the character profile
 * of the model's lexicon ({@link CharProfile}: the tags of the training word types that end with the word's
 * last char and that begin with its first char, the word's own entry left out), as the top tag with its
 * share and the number of words, the set of main tags, both top tags together; and the ambiguity classes of
 * the last and the first char as words by themselves. Models of versions 3 and 4 are given
 * {@link CharProfile#NONE}, so these slots stay empty and they compute exactly the features they were trained
 * with. (Tried and left out, no gain on the development days: a profile of the last two chars of 3+ char
 * words, the last char's top tag with the length, and tag i-1 with the last char's top tag as a dynamic
 * template.)
 * Changing a template changes {@link #VERSION}, which is stored in the model file.
 */
final class Features {

    /** Version of the templates; a model file trained with other templates is refused. */
    static final int VERSION = 5;
    /**
     * The oldest version still read: version 4 only added templates of Han words (the static slots from
     * {@link #HAN_FROM}), which never fire on other words, so a version-3
     * model without Han training words (the English ones) computes exactly the features it was trained with.
     */
    static final int OLDEST_VERSION = 3;
    /** Static slots from here on hold the templates of Han words only (other words get none of them). */
    static final int HAN_FROM = 37;
    /** Static slots from here on (version 5) hold the character-profile templates of Han words. */
    static final int PROFILE_FROM = HAN_FROM + 18;
    static final int STATIC = PROFILE_FROM + 7;
    static final int DYNAMIC = 8;
    /**
     * Feature keys keep their low 40 bits: the model file stores the sorted keys' gaps, a few bytes each
     * (at a million features two unrelated features share a key with probability about 1e-6 per lookup).
     */
    static final long KEY_MASK = (1L << 40) - 1;
    /** Features from the first stage's tags of the next two words (stacked models only). */
    static final int RIGHT = 4;
    /** Features per token in the static array: {@link #STATIC} then {@link #RIGHT}. */
    static final int STRIDE = STATIC + RIGHT;
    private static final long NONE = 0;

    private Features() {
    }

    // ---- template groups: what each feature slot depends on ---------------------------------------------
    // The tagger pre-sums the weights of the features that depend on one word into a score row per word type
    // (PerceptronTagger's WordScores), and those that depend on tags alone into a row per tag pair. A slot
    // declared here must depend on what it says and nothing else (FeatureGroupsTest checks it on real
    // sentences); a slot without a declaration (e.g. a new template appended to STATIC) is looked up per
    // token, which is always right, only slower.

    /** The slot depends on more than one word (a pair), or on the position: looked up per token. */
    static final int MANY = Integer.MIN_VALUE;
    /**
     * Per static slot k (< {@link #STATIC}), the one word its value depends on, as an offset from the
     * token (-2..2; 0 = the word itself), or {@link #MANY}. A one-word slot whose word falls outside the
     * sentence takes one value per slot (the START/END or NONE of the template), whatever the sentence.
     */
    private static final int[] STATIC_WORD = {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,      // bias, lowercase, word, suffixes, prefixes, shape, length, Han pair
        -1, -2, 1, 2, -1, 1, -1, 1,                 // neighbouring words, their suffix-3 and shape
        MANY, MANY, MANY,                           // word bigrams, suffix-3 with the next word
        0, 0, 0, 0,                                 // Han first/last character with the length, second characters
        0, -1, 1, 2,                                // ambiguity classes of i, i-1, i+1, i+2
        MANY, MANY, MANY,                           // class pairs, the word with the next class
        -1, 1,                                      // last character of i-1, first character of i+1
        0, 0, 0, 0, 0, 0,                           // Han: the char bag, the numeral shape, the repetition pattern
        -1, 1, -1, 1,                               // Han neighbours' lengths, first char of i-1, last of i+1
        MANY, MANY, MANY, MANY,                     // chars across the boundaries, the word with a neighbour's char
        0, 0,                                       // middle char pair, first+last char with the length
        MANY, MANY,                                 // the word with the class of i-1, with word i+2
        0, 0, 0, 0, 0, 0, 0,                        // the character profile of the word's last and first chars
    };
    /** Per {@link #RIGHT} slot: whether it depends on the first stage's tags of words i+1 and i+2 alone. */
    private static final boolean[] RIGHT_TAGS_ONLY = {true, true, false, false};
    /**
     * Per {@link #RIGHT} slot: v when it depends on the first stage's tag of word i+v and on word i alone
     * ({@link #MANY} otherwise).
     */
    private static final int[] RIGHT_TAG_WITH_WORD = {MANY, MANY, 1, 2};
    /** Per {@link #DYNAMIC} slot: whether it depends on the previous two tags alone (not on the words). */
    private static final boolean[] DYNAMIC_TAGS_ONLY = {true, true, true, false, false, false, false, false};
    /**
     * Per {@link #DYNAMIC} slot: d when it depends on the previous tag and on the word at i+d alone (a word
     * outside the sentence: one value per previous tag), {@link #MANY} otherwise.
     */
    private static final int[] DYNAMIC_WORD = {MANY, MANY, MANY, 0, 0, 0, 1, MANY};

    /** The word offset static slot {@code k} depends on, or {@link #MANY} (also for undeclared slots). */
    static int staticWord(int k) {
        return k < STATIC_WORD.length ? STATIC_WORD[k] : MANY;
    }

    /** Whether {@link #RIGHT} slot {@code k} depends on the first stage's tags (i+1, i+2) alone. */
    static boolean rightTagsOnly(int k) {
        return k < RIGHT_TAGS_ONLY.length && RIGHT_TAGS_ONLY[k];
    }

    /** Whether {@link #DYNAMIC} slot {@code k} depends on the previous two tags alone. */
    static boolean dynamicTagsOnly(int k) {
        return k < DYNAMIC_TAGS_ONLY.length && DYNAMIC_TAGS_ONLY[k];
    }

    /** v when {@link #RIGHT} slot {@code k} depends on the first-stage tag of word i+v and word i alone, else {@link #MANY}. */
    static int rightTagWithWord(int k) {
        return k < RIGHT_TAG_WITH_WORD.length ? RIGHT_TAG_WITH_WORD[k] : MANY;
    }

    /** d when {@link #DYNAMIC} slot {@code k} depends on the previous tag and the word at i+d alone, else {@link #MANY}. */
    static int dynamicWord(int k) {
        return k < DYNAMIC_WORD.length ? DYNAMIC_WORD[k] : MANY;
    }

    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    static long hash(CharSequence s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h ^ (to - from));
    }

    static long feature(int template, long a) {
        return key(mix(a * 0x9E3779B97F4A7C15L + template * 0xD6E8FEB86659FD93L + 0x632BE59BD9B4E019L));
    }

    static long feature(int template, long a, long b) {
        return key(mix(mix(a + 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL) ^ (template * 0x165667B19E3779F9L)));
    }

    /** A hash cut to {@link #KEY_MASK}, never 0 (0 is "no feature"). */
    private static long key(long h) {
        long k = h & KEY_MASK;
        return k == 0 ? 1 : k;
    }

    /** The class hash of a sorted list of tag indices (a word's ambiguity class). */
    static long ambiguityClass(byte[] tags) {
        long h = 0x5bd1e9955bd1e995L;
        for (byte t : tags) {
            h = mix(h ^ (t & 0xFF) + 1);
        }
        return mix(h ^ tags.length);
    }

    /** Per-sentence word hashes reused by the static and dynamic features. */
    static final class Words {
        final long[] lower;
        final long[] suffix3;
        final long[] shape;
        final long[] last;
        final long[] first;
        final long[] amb;
        final int[] length;

        Words(int n) {
            length = new int[n];
            first = new long[n];
            amb = new long[n];
            last = new long[n];
            lower = new long[n];
            suffix3 = new long[n];
            shape = new long[n];
        }
    }

    private static final long START = hash("<s>", 0, 3);
    private static final long END = hash("</s>", 0, 4);
    /** The ambiguity class of a word outside the model's lexicon (rare or unseen in training). */
    static final long UNKNOWN_CLASS = hash("<unk>", 0, 5);

    /** Fills {@code out[i * STRIDE + k]}, k < STATIC, with the static features of every word; returns the word hashes. */
    static Words words(String[] words, java.util.Map<String, Long> ambiguity, long[] out) {
        return words(words, ambiguity, CharProfile.NONE, out);
    }

    /** As above with the character profile of the model's lexicon ({@link CharProfile#NONE}: no profile features). */
    static Words words(String[] words, java.util.Map<String, Long> ambiguity, CharProfile profile, long[] out) {
        long[] classes = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            Long amb = ambiguity.get(words[i]);
            classes[i] = amb == null ? UNKNOWN_CLASS : amb;
        }
        return words(words, classes, profile, out);
    }

    /** As above with each word's ambiguity class given ({@link #UNKNOWN_CLASS} for none), no profile features. */
    static Words words(String[] words, long[] classes, long[] out) {
        return words(words, classes, CharProfile.NONE, out);
    }

    /** As above with each word's ambiguity class given and the model's character profile. */
    static Words words(String[] words, long[] classes, CharProfile profile, long[] out) {
        int n = words.length;
        Words w = new Words(n);
        String[] lowers = new String[n];
        for (int i = 0; i < n; i++) {
            String s = words[i];
            String l = s.toLowerCase(Locale.ROOT);
            lowers[i] = l;
            w.lower[i] = hash(l, 0, l.length());
            w.suffix3[i] = hash(l, Math.max(0, l.length() - 3), l.length());
            w.shape[i] = shapeHash(s);
            boolean han = !l.isEmpty() && CharClass.of(l.charAt(0)) == CharClass.HAN;
            w.last[i] = han ? l.charAt(l.length() - 1) : 0;
            w.first[i] = han ? l.charAt(0) : 0;
            w.amb[i] = classes[i];
            w.length[i] = l.length();
        }
        for (int i = 0; i < n; i++) {
            String s = words[i];
            String l = lowers[i];
            int len = l.length();
            int o = i * STRIDE;
            out[o] = feature(0, 0);
            out[o + 1] = feature(1, w.lower[i]);
            out[o + 2] = s.equals(l) ? NONE : feature(2, hash(s, 0, s.length()));
            for (int k = 1; k <= 4; k++) {
                out[o + 2 + k] = len > k ? feature(2 + k, hash(l, len - k, len)) : NONE;
            }
            for (int k = 1; k <= 3; k++) {
                out[o + 6 + k] = len > k ? feature(6 + k, hash(l, 0, k)) : NONE;
            }
            out[o + 10] = feature(10, w.shape[i]);
            out[o + 11] = feature(11, Math.min(len, 5));
            boolean han = len >= 2 && CharClass.of(l.charAt(0)) == CharClass.HAN
                    && CharClass.of(l.charAt(len - 1)) == CharClass.HAN;
            out[o + 12] = han ? feature(12, l.charAt(0), l.charAt(len - 1)) : NONE;
            long p1 = i > 0 ? w.lower[i - 1] : START;
            long p2 = i > 1 ? w.lower[i - 2] : START;
            long n1 = i + 1 < n ? w.lower[i + 1] : END;
            long n2 = i + 2 < n ? w.lower[i + 2] : END;
            out[o + 13] = feature(13, p1);
            out[o + 14] = feature(14, p2);
            out[o + 15] = feature(15, n1);
            out[o + 16] = feature(16, n2);
            out[o + 17] = feature(17, i > 0 ? w.suffix3[i - 1] : START);
            out[o + 18] = feature(18, i + 1 < n ? w.suffix3[i + 1] : END);
            out[o + 19] = feature(19, i > 0 ? w.shape[i - 1] : START);
            out[o + 20] = feature(20, i + 1 < n ? w.shape[i + 1] : END);
            out[o + 21] = feature(21, p1, w.lower[i]);
            out[o + 22] = feature(22, w.lower[i], n1);
            out[o + 23] = feature(23, w.suffix3[i], n1);
            boolean hanWord = len >= 1 && CharClass.of(l.charAt(0)) == CharClass.HAN;
            out[o + 24] = hanWord ? feature(24, l.charAt(0), Math.min(len, 5)) : NONE;
            out[o + 25] = hanWord ? feature(25, l.charAt(len - 1), Math.min(len, 5)) : NONE;
            out[o + 26] = hanWord && len >= 3 ? feature(26, l.charAt(1)) : NONE;
            out[o + 27] = hanWord && len >= 3 ? feature(27, l.charAt(len - 2)) : NONE;
            long a0 = w.amb[i];
            long am1 = i > 0 ? w.amb[i - 1] : START;
            long a1 = i + 1 < n ? w.amb[i + 1] : END;
            long a2 = i + 2 < n ? w.amb[i + 2] : END;
            // the current word's own class only when it has one: rare training words then learn from their
            // characters and affixes, as unseen words must
            boolean known = a0 != UNKNOWN_CLASS;
            out[o + 28] = known ? feature(50, a0) : NONE;
            out[o + 29] = feature(51, am1);
            out[o + 30] = feature(52, a1);
            out[o + 31] = feature(53, a2);
            out[o + 32] = known ? feature(54, a0, a1) : NONE;
            out[o + 33] = known ? feature(55, am1, a0) : NONE;
            out[o + 34] = feature(56, w.lower[i], a1);
            out[o + 35] = i > 0 && w.last[i - 1] != 0 ? feature(57, w.last[i - 1]) : NONE;
            out[o + 36] = i + 1 < n && w.first[i + 1] != 0 ? feature(58, w.first[i + 1]) : NONE;
            hanFeatures(lowers, w, i, out, o + HAN_FROM);
            profileFeatures(l, profile, out, o + PROFILE_FROM);
        }
        return w;
    }

    /** Fills the {@link #RIGHT} slots of every word from a first stage's tags {@code right}. */
    static void right(Words w, int[] right, long[] out) {
        int n = right.length;
        for (int i = 0; i < n; i++) {
            int o = i * STRIDE + STATIC;
            int r1 = i + 1 < n ? right[i + 1] : -1;
            int r2 = i + 2 < n ? right[i + 2] : -1;
            out[o] = feature(40, r1);
            out[o + 1] = feature(41, r1, r2);
            out[o + 2] = feature(42, r1, w.lower[i]);
            out[o + 3] = feature(43, r2, w.lower[i]);
        }
    }

    /** The tag-dependent features of word {@code i} given the previous two tags ({@code -1} = start). */
    static void dynamic(Words w, int i, int prev1, int prev2, long[] out) {
        out[0] = feature(30, prev1);
        out[1] = feature(31, prev2);
        out[2] = feature(32, prev1, prev2);
        out[3] = feature(33, prev1, w.lower[i]);
        out[4] = w.last[i] == 0 ? NONE : feature(34, prev1, w.last[i]);
        out[5] = w.amb[i] == UNKNOWN_CLASS ? NONE : feature(35, prev1, w.amb[i]);
        long a1 = i + 1 < w.amb.length ? w.amb[i + 1] : END;
        out[6] = feature(36, prev1, a1);
        out[7] = feature(37, prev1, mix(w.lower[i] * 31 + a1));
    }

    /** Han characters that write numbers. */
    private static final String NUMERALS = "〇零一二三四五六七八九十百千万亿两几半壹贰叁肆伍陆柒捌玖拾佰仟";
    /** Han characters of dates and times. */
    private static final String TIME_UNITS = "年月日号时分秒点周世代";

    /**
     * Slots {@code o .. o + PROFILE_FROM - HAN_FROM - 1}: the templates of Han words (a word whose first char is
     * Han; the numeral shape also for any word with a Han numeral or time unit), NONE for every other word,
     * so that English features are what they were before these templates.
     */
    private static void hanFeatures(String[] lowers, Words w, int i, long[] out, int o) {
        Arrays.fill(out, o, o + PROFILE_FROM - HAN_FROM, NONE);
        String l = lowers[i];
        int len = l.length();
        int n = lowers.length;
        boolean hanWord = w.first[i] != 0;
        // every char of a short word, wherever it stands (a bag: 高 in 高兴 and in 提高 is one feature)
        if (hanWord && len >= 2) {
            for (int k = 0; k < Math.min(len, 4); k++) {
                out[o + k] = feature(60, l.charAt(k));
            }
        }
        long hs = hanShape(l);
        out[o + 4] = hs == 0 ? NONE : feature(61, hs);
        if (hanWord && len >= 2) {
            long pattern = repetition(l);
            out[o + 5] = pattern == 0 ? NONE : feature(62, pattern);
        }
        // Han neighbours' lengths and outer chars; then chars across the word boundaries, the word with the
        // next word's first char and with the previous word's last char
        out[o + 6] = i > 0 && w.first[i - 1] != 0 ? feature(63, Math.min(w.length[i - 1], 5)) : NONE;
        out[o + 7] = i + 1 < n && w.first[i + 1] != 0 ? feature(64, Math.min(w.length[i + 1], 5)) : NONE;
        out[o + 8] = i > 0 && w.first[i - 1] != 0 ? feature(65, w.first[i - 1]) : NONE;
        out[o + 9] = i + 1 < n && w.last[i + 1] != 0 ? feature(66, w.last[i + 1]) : NONE;
        if (hanWord) {
            out[o + 10] = i > 0 && w.last[i - 1] != 0 ? feature(67, w.last[i - 1], w.first[i]) : NONE;
            out[o + 11] = i + 1 < n && w.first[i + 1] != 0 ? feature(68, w.last[i], w.first[i + 1]) : NONE;
            out[o + 12] = i + 1 < n && w.first[i + 1] != 0 ? feature(69, w.lower[i], w.first[i + 1]) : NONE;
            out[o + 13] = i > 0 && w.last[i - 1] != 0 ? feature(70, w.last[i - 1], w.lower[i]) : NONE;
        }
        // the middle pair of 4+ char words; first and last char together with the length
        if (hanWord) {
            out[o + 14] = len >= 4 ? feature(71, hash(l, 1, 3)) : NONE;
            out[o + 15] = len >= 2 ? feature(72, mix(w.first[i] * 31 + w.last[i]), Math.min(len, 5)) : NONE;
        }
        // the word with the previous word's class, and with the word after next
        if (hanWord) {
            out[o + 16] = feature(73, w.lower[i], i > 0 ? w.amb[i - 1] : START);
            out[o + 17] = feature(74, w.lower[i], i + 2 < n ? w.lower[i + 2] : END);
        }
    }

    /**
     * Slots {@code o .. o + 6} (version 5): for a Han word of 2+ chars, what the training words beginning and
     * ending with its first and last chars were tagged ({@link CharProfile}, the word's own entry left out):
     * the most frequent tag with its share and the number of words, the set of main tags, both chars' top tags
     * together; and the ambiguity class of the first and the last char as words by themselves. NONE for every
     * other word and for models without a profile (versions 3 and 4).
     */
    private static void profileFeatures(String l, CharProfile profile, long[] out, int o) {
        Arrays.fill(out, o, o + STATIC - PROFILE_FROM, NONE);
        if (profile.isEmpty() || l.length() < 2 || CharClass.of(l.charAt(0)) != CharClass.HAN) {
            return;
        }
        int[] last = profile.last(l);
        int[] first = profile.first(l);
        long lastTop = last == null ? 0 : CharProfile.top(last);
        long firstTop = first == null ? 0 : CharProfile.top(first);
        out[o] = last == null ? NONE : feature(75, lastTop);
        out[o + 1] = first == null ? NONE : feature(76, firstTop);
        out[o + 2] = last == null ? NONE : feature(77, CharProfile.mainTags(last));
        out[o + 3] = first == null ? NONE : feature(78, CharProfile.mainTags(first));
        out[o + 4] = feature(79, lastTop >> 4, firstTop >> 4);
        long a = profile.alone(l.charAt(l.length() - 1));
        long b = profile.alone(l.charAt(0));
        out[o + 5] = a == 0 ? NONE : feature(80, a);
        out[o + 6] = b == 0 ? NONE : feature(81, b);
    }

    /**
     * The word's char types with Han split into numerals ({@code N}), date/time units ({@code T}) and other
     * Han ({@code C}), runs collapsed, digits {@code d}, other chars as in {@link #shapeHash}; 0 when the word
     * has no numeral or time-unit character (the plain shape already says the rest).
     */
    static long hanShape(String s) {
        long h = 0x2325cbf284ce4229L;
        char last = 0;
        boolean special = false;
        int n = Math.min(s.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = CharNormalizer.foldWidth(s.charAt(i));
            char k;
            byte cls = CharClass.of(c);
            if (cls == CharClass.HAN) {
                if (NUMERALS.indexOf(c) >= 0) {
                    k = 'N';
                    special = true;
                } else if (TIME_UNITS.indexOf(c) >= 0) {
                    k = 'T';
                    special = true;
                } else {
                    k = 'C';
                }
            } else if (c >= '0' && c <= '9' || cls == CharClass.DIGIT) {
                k = 'd';
            } else if (Character.isLetter(c)) {
                k = 'x';
            } else if (c < 0x80) {
                k = c;
            } else {
                k = '*';
            }
            if (k != last) {
                h ^= k;
                h *= 0x100000001b3L;
                last = k;
            }
        }
        return special ? mix(h) : 0;
    }

    /**
     * The repetition pattern of a word of 2-6 chars, each char named by the order of its first occurrence
     * ({@code AA}, {@code AABB}, {@code ABAB}, {@code ABB}, ...), as a small number; 0 when no char repeats.
     */
    static long repetition(String s) {
        int len = s.length();
        if (len < 2 || len > 6) {
            return 0;
        }
        long code = 0;
        boolean repeats = false;
        for (int i = 0; i < len; i++) {
            int id = i;
            for (int j = 0; j < i; j++) {
                if (s.charAt(j) == s.charAt(i)) {
                    id = j;
                    repeats = true;
                    break;
                }
            }
            code = code * 8 + id + 1;
        }
        return repeats ? code : 0;
    }


    /** Char classes with runs collapsed: {@code Xx}, {@code x}, {@code d,d}, {@code C} (Han), punctuation as itself. */
    static long shapeHash(String s) {
        long h = 0x84222325cbf29ce4L;
        char last = 0;
        int n = Math.min(s.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = CharNormalizer.foldWidth(s.charAt(i));
            char k;
            byte cls = CharClass.of(c);
            if (cls == CharClass.HAN) {
                k = 'C';
            } else if (c >= '0' && c <= '9' || cls == CharClass.DIGIT) {
                k = 'd';
            } else if (Character.isUpperCase(c)) {
                k = 'X';
            } else if (Character.isLetter(c)) {
                k = 'x';
            } else if (c < 0x80) {
                k = c;
            } else {
                k = '*';
            }
            if (k != last) {
                h ^= k;
                h *= 0x100000001b3L;
                last = k;
            }
        }
        return mix(h);
    }
}
