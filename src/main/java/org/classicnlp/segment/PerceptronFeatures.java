package org.classicnlp.segment;

import java.util.Arrays;
import org.classicnlp.core.CharClass;
import org.classicnlp.lexicon.Lexicon;

/**
 * The feature index of {@link PerceptronSegmenter}: what is a unit, which features a unit position has, and
 * where each feature's four weights (B, M, E, S) sit in one flat weight array. Immutable once built.
 *
 * <p>A <em>unit</em> is an atom of {@link Atoms} (one Han character, one punctuation mark, a whole number or
 * Latin word, an emoji sequence); tags are given to units, so a number is never cut inside and {@code 1998年}
 * is two units joined by tags. Unit codes: {@link #PAD} beyond the chunk, {@link #UNK} an unseen character,
 * {@link #NUM} any digit atom, {@link #LATIN} any letter atom, {@link #OTHER} an emoji or other multi-char
 * atom (always a word of its own), then one code per character seen in training.
 *
 * <p>Features of position i ({@link #SLOTS} slots, each an offset into the weights or -1):
 * unigrams c[i-2..i+2]; bigrams c[i-2]c[i-1], c[i-1]c[i], c[i]c[i+1], c[i+1]c[i+2]; the skip bigram
 * c[i-1]c[i+1]; the trigram c[i-1]c[i]c[i+1]; the character-type trigram (Han, Chinese numeral, date/measure
 * character, digits, Latin, punctuation, other); the dictionary triple (length bucket of the longest
 * dictionary word starting at, ending at, and strictly covering i); the start and end buckets each with
 * c[i]; and which neighbours repeat c[i] (AA, ABA patterns). Unigram, type and dictionary weights are dense
 * tables; bigrams, skip bigrams and trigrams are looked up in hash tables of the training n-grams seen at
 * least a minimum number of times.
 */
final class PerceptronFeatures {

    static final int B = 0;
    static final int M = 1;
    static final int E = 2;
    static final int S = 3;

    static final int PAD = 0;
    static final int UNK = 1;
    static final int NUM = 2;
    static final int LATIN = 3;
    static final int OTHER = 4;
    static final int FIRST_CHAR = 5;

    static final int T_PAD = 0;
    static final int T_HAN = 1;
    static final int T_NUMERAL = 2;
    static final int T_DATE = 3;
    static final int T_DIGIT = 4;
    static final int T_LATIN = 5;
    static final int T_PUNCT = 6;
    /** Marks that are always a word of their own (as width-folded text has them). */
    private static final String SENTENCE_PUNCT = ".,;:!?\"()[]{}";
    static final int T_OTHER = 7;

    /** Feature slots per position. */
    static final int SLOTS = 16;
    /** Length buckets of dictionary matches: none, 2, 3, 4, 5+. */
    static final int BUCKETS = 5;

    static final String NUMERALS = "零〇○一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟廿卅几多余";
    static final String DATE_MEASURE = "年月日时分秒号点周岁元角个名次位件种倍届期";

    private static final byte[] HAN_TYPE = new byte[1 << 16];

    static {
        for (char c : NUMERALS.toCharArray()) {
            HAN_TYPE[c] = T_NUMERAL;
        }
        for (char c : DATE_MEASURE.toCharArray()) {
            HAN_TYPE[c] = T_DATE;
        }
    }

    /** Characters with a code of their own, ascending; code = FIRST_CHAR + index. */
    final char[] chars;
    private final char[] codeOf;
    final int codes;
    final long[] bigramKeys;
    final long[] skipKeys;
    final long[] trigramKeys;
    private final LongIntMap bigrams;
    private final LongIntMap skips;
    private final LongIntMap trigrams;
    /** Dictionary for the match features, width-folded; may be empty. */
    final Lexicon dictionary;

    final int uniBase;
    final int biBase;
    final int skipBase;
    final int triBase;
    final int typeBase;
    final int dictBase;
    final int startCharBase;
    final int endCharBase;
    final int repBase;
    /** Length of the weight array. */
    final int size;

    /** Over these sorted characters and sorted n-gram keys (each key's row is its index). */
    PerceptronFeatures(char[] chars, long[] bigramKeys, long[] skipKeys, long[] trigramKeys, Lexicon dictionary) {
        this.chars = chars;
        this.codes = FIRST_CHAR + chars.length;
        this.codeOf = new char[1 << 16];
        Arrays.fill(codeOf, (char) UNK);
        for (int k = 0; k < chars.length; k++) {
            codeOf[chars[k]] = (char) (FIRST_CHAR + k);
        }
        if (codes >= 0xFFFF) {
            throw new IllegalArgumentException("too many distinct characters: " + chars.length);
        }
        this.bigramKeys = bigramKeys;
        this.skipKeys = skipKeys;
        this.trigramKeys = trigramKeys;
        this.bigrams = LongIntMap.indexOf(bigramKeys);
        this.skips = LongIntMap.indexOf(skipKeys);
        this.trigrams = LongIntMap.indexOf(trigramKeys);
        this.dictionary = dictionary;
        int o = 0;
        uniBase = o;
        o += 5 * codes * 4;
        biBase = o;
        o += bigramKeys.length * 16;
        skipBase = o;
        o += skipKeys.length * 4;
        triBase = o;
        o += trigramKeys.length * 4;
        typeBase = o;
        o += 512 * 4;
        dictBase = o;
        o += BUCKETS * BUCKETS * BUCKETS * 4;
        startCharBase = o;
        o += codes * BUCKETS * 4;
        endCharBase = o;
        o += codes * BUCKETS * 4;
        repBase = o;
        o += 8 * 4;
        size = o;
    }

    static long bigramKey(int a, int b) {
        return ((long) a << 16) | b;
    }

    static long trigramKey(int a, int b, int c) {
        return ((long) a << 32) | ((long) b << 16) | c;
    }

    int codeOfChar(char c) {
        return codeOf[c];
    }

    /** Per-text working arrays: the units of a text and their features; grown as needed, one per thread. */
    static final class Units {
        int n;
        int[] start = new int[64];
        int[] end = new int[64];
        int[] code = new int[64];
        byte[] type = new byte[64];
        /** Units that are always a word of their own at decoding (ASCII punctuation; see {@link #units}). */
        boolean[] single = new boolean[64];
        byte[] ds = new byte[64];
        byte[] de = new byte[64];
        byte[] dm = new byte[64];
        /** Unit index of each char of the text (the unit it starts or lies in), -1 at white space. */
        int[] unitOfChar = new int[64];
        int[] pairRow = new int[68];
        int[] slots = new int[64 * SLOTS];
        float[] emit = new float[64 * 4];
        byte[] back = new byte[64 * 4];
        byte[] tags = new byte[64];
        int[] matchEnds = new int[16];
        int[] matchIds = new int[16];

        void ensure(int units, int chars) {
            if (start.length < units + 1) {
                int cap = Math.max(units + 1, start.length * 2);
                start = new int[cap];
                end = new int[cap];
                code = new int[cap];
                type = new byte[cap];
                single = new boolean[cap];
                ds = new byte[cap];
                de = new byte[cap];
                dm = new byte[cap];
                pairRow = new int[cap + 4];
                slots = new int[cap * SLOTS];
                emit = new float[cap * 4];
                back = new byte[cap * 4];
                tags = new byte[cap];
            }
            if (unitOfChar.length < chars + 1) {
                unitOfChar = new int[Math.max(chars + 1, unitOfChar.length * 2)];
            }
        }

        void ensureMatches(int max) {
            if (matchEnds.length < max) {
                matchEnds = new int[max];
                matchIds = new int[max];
            }
        }
    }

    /**
     * Fills {@code u} with the units of the text of {@code w} (white space skipped) and returns their
     * count; a unit starts a new chunk (see {@link #chunkEnd}) after white space.
     */
    int units(MaxMatch.Work w, Units u) {
        int n = w.n;
        char[] f = w.folded;
        int[] atom = w.atomLength;
        u.ensure(n, n);
        int count = 0;
        int i = 0;
        while (i < n) {
            int a = atom[i];
            if (a < 0) {
                u.unitOfChar[i] = -1;
                i++;
                continue;
            }
            u.start[count] = i;
            u.end[count] = i + a;
            char c = f[i];
            byte cls = CharClass.of(c);
            int code;
            byte type;
            if (a > 1 && CharClass.emojiSequenceLength(f, i, n) == a) {
                code = OTHER;
                type = T_OTHER;
            } else if (cls == CharClass.DIGIT) {
                code = NUM;
                type = T_DIGIT;
            } else if (cls == CharClass.LETTER) {
                code = LATIN;
                type = T_LATIN;
            } else if (a == 1) {
                code = codeOf[c];
                type = cls == CharClass.HAN ? (HAN_TYPE[c] != 0 ? HAN_TYPE[c] : T_HAN) : T_PUNCT;
            } else if (a == 2 && Character.isHighSurrogate(c)
                    && CharClass.ofCodePoint(Character.toCodePoint(c, f[i + 1])) == CharClass.HAN) {
                code = UNK;
                type = T_HAN;
            } else {
                code = OTHER;
                type = T_OTHER;
            }
            u.code[count] = code;
            u.type[count] = type;
            // People's Daily writes punctuation full-width, so the weights know little of these marks after
            // Latin words: without this, "village." came out as one word (symbols such as % keep their weights)
            u.single[count] = a == 1 && SENTENCE_PUNCT.indexOf(c) >= 0;
            for (int k = i; k < i + a; k++) {
                u.unitOfChar[k] = count;
            }
            count++;
            i += a;
        }
        u.unitOfChar[n] = count;
        u.n = count;
        return count;
    }

    /** Whether units {@code k-1} and {@code k} are separated by white space (or k starts the text). */
    static boolean breakBefore(Units u, int k) {
        return k == 0 || u.start[k] != u.end[k - 1];
    }

    /** The end (exclusive) of the chunk of units starting at {@code from}: units with no white space between. */
    static int chunkEnd(Units u, int from) {
        int k = from + 1;
        while (k < u.n && u.start[k] == u.end[k - 1]) {
            k++;
        }
        return k;
    }

    private static byte bucket(int len) {
        return (byte) (len < 2 ? 0 : Math.min(len, 5) - 1);
    }

    /** The dictionary buckets of the units {@code [from, to)} of one chunk. */
    void dictionary(MaxMatch.Work w, Units u, int from, int to) {
        dictionary(w, u, from, to, null);
    }

    /**
     * As {@link #dictionary(MaxMatch.Work, Units, int, int)}, counting only the dictionary words (by id)
     * that {@code use} accepts (all when null): training leaves out the words only the sentence itself
     * put into the dictionary.
     */
    void dictionary(MaxMatch.Work w, Units u, int from, int to, java.util.function.IntPredicate use) {
        Arrays.fill(u.ds, from, to, (byte) 0);
        Arrays.fill(u.de, from, to, (byte) 0);
        Arrays.fill(u.dm, from, to, (byte) 0);
        if (dictionary == null || dictionary.size() == 0) {
            return;
        }
        u.ensureMatches(dictionary.maxWordLength() + 1);
        char[] f = w.folded;
        boolean[] boundary = w.boundary;
        int limit = u.end[to - 1];
        int[] ends = u.matchEnds;
        int[] ids = u.matchIds;
        for (int k = from; k < to; k++) {
            int a = u.start[k];
            int found = dictionary.prefixMatches(f, a, limit, ends, ids);
            for (int m = 0; m < found; m++) {
                int e = ends[m];
                int len = e - a;
                if (len < 2 || !boundary[e] || use != null && !use.test(ids[m])) {
                    continue;
                }
                byte b = bucket(len);
                int last = u.unitOfChar[e - 1];
                if (b > u.ds[k]) {
                    u.ds[k] = b;
                }
                if (b > u.de[last]) {
                    u.de[last] = b;
                }
                for (int j = k + 1; j < last; j++) {
                    if (b > u.dm[j]) {
                        u.dm[j] = b;
                    }
                }
            }
        }
    }

    private static int codeAt(Units u, int from, int to, int k) {
        return k < from || k >= to ? PAD : u.code[k];
    }

    private static int typeAt(Units u, int from, int to, int k) {
        return k < from || k >= to ? T_PAD : u.type[k];
    }

    /** Fills {@code u.slots[(k - from) * SLOTS ...]} for the units {@code [from, to)} of one chunk. */
    void slots(Units u, int from, int to) {
        int n = to - from;
        int[] pair = u.pairRow;
        // pair[j] = row of the bigram (unit from+j-2, unit from+j-1), for j in [0, n + 3)
        for (int j = 0; j < n + 3; j++) {
            int a = codeAt(u, from, to, from + j - 2);
            int b = codeAt(u, from, to, from + j - 1);
            pair[j] = bigrams.get(bigramKey(a, b));
        }
        int[] s = u.slots;
        for (int i = 0; i < n; i++) {
            int k = from + i;
            int o = i * SLOTS;
            int c0 = u.code[k];
            int cm2 = codeAt(u, from, to, k - 2);
            int cm1 = codeAt(u, from, to, k - 1);
            int cp1 = codeAt(u, from, to, k + 1);
            int cp2 = codeAt(u, from, to, k + 2);
            s[o] = uniBase + cm2 * 4;
            s[o + 1] = uniBase + (codes + cm1) * 4;
            s[o + 2] = uniBase + (2 * codes + c0) * 4;
            s[o + 3] = uniBase + (3 * codes + cp1) * 4;
            s[o + 4] = uniBase + (4 * codes + cp2) * 4;
            // bigram (k-2,k-1) is pair[i], (k-1,k) pair[i+1], (k,k+1) pair[i+2], (k+1,k+2) pair[i+3]
            for (int t = 0; t < 4; t++) {
                int r = pair[i + t];
                s[o + 5 + t] = r < 0 ? -1 : biBase + r * 16 + t * 4;
            }
            int r = skips.get(bigramKey(cm1, cp1));
            s[o + 9] = r < 0 ? -1 : skipBase + r * 4;
            r = trigrams.get(trigramKey(cm1, c0, cp1));
            s[o + 10] = r < 0 ? -1 : triBase + r * 4;
            s[o + 11] = typeBase + (typeAt(u, from, to, k - 1) * 64 + u.type[k] * 8 + typeAt(u, from, to, k + 1)) * 4;
            int ds = u.ds[k];
            int de = u.de[k];
            s[o + 12] = dictBase + ((ds * BUCKETS + de) * BUCKETS + u.dm[k]) * 4;
            s[o + 13] = startCharBase + (c0 * BUCKETS + ds) * 4;
            s[o + 14] = endCharBase + (c0 * BUCKETS + de) * 4;
            if (c0 >= FIRST_CHAR) {
                int rep = (c0 == cm1 ? 1 : 0) | (c0 == cp1 ? 2 : 0) | (c0 == cm2 ? 4 : 0);
                s[o + 15] = repBase + rep * 4;
            } else {
                s[o + 15] = -1;
            }
        }
    }

    /**
     * An open-addressing map from long keys to their index in a sorted key array; key and value sit side by
     * side in one array (one cache line per probe), at most a third of the slots used.
     */
    static final class LongIntMap {
        /** Slot s: table[2s] = key + 1 (0 = empty), table[2s + 1] = value. */
        private final long[] table;
        private final int mask;

        private LongIntMap(int capacity) {
            int cap = Integer.highestOneBit(Math.max(4, capacity * 3)) << 1;
            table = new long[2 * cap];
            mask = cap - 1;
        }

        static LongIntMap indexOf(long[] sorted) {
            LongIntMap m = new LongIntMap(sorted.length);
            for (int i = 0; i < sorted.length; i++) {
                m.put(sorted[i], i);
            }
            return m;
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 32);
        }

        void put(long key, int value) {
            long stored = key + 1;
            int s = hash(key) & mask;
            while (table[2 * s] != 0 && table[2 * s] != stored) {
                s = (s + 1) & mask;
            }
            table[2 * s] = stored;
            table[2 * s + 1] = value;
        }

        int get(long key) {
            long stored = key + 1;
            long[] t = table;
            int s = hash(key) & mask;
            long k;
            while ((k = t[2 * s]) != 0) {
                if (k == stored) {
                    return (int) t[2 * s + 1];
                }
                s = (s + 1) & mask;
            }
            return -1;
        }
    }
}
