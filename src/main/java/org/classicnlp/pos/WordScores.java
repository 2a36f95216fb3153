package org.classicnlp.pos;

import java.util.Arrays;

/**
 * The perceptron tagger's fast scoring path: the same features and weights as {@link PerceptronTagger#decode}
 * (the reference path, which the trainer uses), with the weights of the features that depend on one word
 * pre-summed per word type into score rows, and those that depend on tags alone pre-summed per tag pair, so
 * that a token costs a few row additions and a handful of hash lookups (the word pairs and the tag-word
 * features) instead of about 45 lookups per stage. Which feature slots go where comes from the template
 * groups declared in {@link Features} ({@link Features#staticWord}, {@link Features#rightTagsOnly},
 * {@link Features#dynamicTagsOnly}); undeclared slots are looked up per token as before.
 *
 * <p>Per word type an {@link Entry} holds, for each stage and each word offset d in -2..2, the summed weights
 * of the slots that read the word at i+d. The entries live in a bounded 8-way cache (at most
 * {@link #CACHE_BYTES} of rows), filled on first sight of a word: the entries are immutable and published
 * through final fields, so concurrent taggers share the cache without locks (a lost race costs one
 * recomputation). The rows add the same weights in another order than the reference path, so a score can
 * differ from it in the last bits of a float: tags can differ only on a near-exact tie between two tags
 * (PerceptronFastPathTest and bench/pos_identical.sh compare the two on the shared data).
 */
final class WordScores {

    /** Upper bound on the memory of the cached rows (per model). */
    static final long CACHE_BYTES = 32L << 20;
    private static final int OFFSETS = 5;
    /** Tags remembered per word and tag-word slot (the most recent first). */
    private static final int WAYS = 4;
    private static final int ASSOCIATIVITY = 8;
    private static final String ANY_WORD = "x";

    /** The stages, first stage first (the last one is the model itself). */
    private final PerceptronTagger[] stages;
    private final int[] nt;
    /** Start of stage s's rows in an entry's {@code rows}: OFFSETS rows of nt[s] floats. */
    private final int[] rowBase;
    private final int rowLength;
    /** Static slots looked up per token (pairs and undeclared slots). */
    private final int[] lookedUpStatic;
    /**
     * The model's character profile, and the one the per-sentence pass computes ({@link CharProfile#NONE} when
     * no profile slot is looked up per token).
     */
    private final CharProfile profile;
    private final CharProfile tokenProfile;
    /** RIGHT slots looked up per token; DYNAMIC slots looked up per token. */
    private final int[] lookedUpRight;
    private final int[] lookedUpDynamic;
    /**
     * DYNAMIC slots that depend on the previous tag and one word ({@link Features#dynamicWord}), RIGHT slots
     * that depend on a first-stage tag and the word ({@link Features#rightTagWithWord}): each word's entry
     * remembers, per stage, slot and tag, where the feature's weights are ({@link Entry#runs}).
     */
    private final int[] dynamicWordSlots;
    private final int[] rightWordSlots;
    /** Start of stage s's part of an entry's {@code runs}: {@link #WAYS} ints per dynamic slot, then per right slot. */
    private final int[] runBase;
    private final int runLength;
    /** Per stage: the tags-only dynamic slots summed per (prev1 + 1, prev2 + 1): (nt+1)^2 rows of nt. */
    private final float[][] dynamicRows;
    /** Per stage s > 0: the tags-only RIGHT slots summed per (r1 + 1, r2 + 1) of stage s-1's tags. */
    private final float[][] rightRows;
    /** The rows of a word outside the sentence (offsets != 0). */
    private final Entry boundary;
    /**
     * {@link #ASSOCIATIVITY}-way: word w may sit in the slots of set(w), filled in order; a full set replaces
     * only its last slot, so that when more words than slots meet in one set, all but one of them stay
     * (replacing the oldest, a set cycled by one more word than it holds missed on every word).
     */
    private final Entry[] cache;
    private final int sets;

    /**
     * A word type's pre-summed rows, its ambiguity class, its tag-dictionary tag per stage (-1 = none), and
     * for each tag-word slot the weight runs of the last {@link #WAYS} tags met with the word: an int
     * {@code (tag + 1) << 24 | field}, field = run offset + 1 or 0xFFFFFF for no such feature, 0 = empty.
     * Each int is a whole (tag, run) pair, so racing plain writes can lose a pair but never mix two.
     */
    static final class Entry {
        final String word;
        final long ambiguityClass;
        final int[] fixed;
        final float[] rows;
        final int[] runs;

        Entry(String word, long ambiguityClass, int[] fixed, float[] rows, int[] runs) {
            this.word = word;
            this.ambiguityClass = ambiguityClass;
            this.fixed = fixed;
            this.rows = rows;
            this.runs = runs;
        }
    }

    WordScores(PerceptronTagger model) {
        int depth = 0;
        for (PerceptronTagger m = model; m != null; m = m.first()) {
            depth++;
        }
        stages = new PerceptronTagger[depth];
        PerceptronTagger m = model;
        for (int s = depth - 1; s >= 0; s--) {
            stages[s] = m;
            m = m.first();
        }
        nt = new int[depth];
        rowBase = new int[depth];
        int len = 0;
        for (int s = 0; s < depth; s++) {
            nt[s] = stages[s].tagSet().size();
            rowBase[s] = len;
            len += OFFSETS * nt[s];
        }
        rowLength = len;
        lookedUpStatic = slots(Features.STATIC, k -> Features.staticWord(k) == Features.MANY);
        profile = model.charProfile();
        // the profile slots are summed into the word rows when none is looked up per token: the per-sentence
        // pass then skips computing them
        tokenProfile = Arrays.stream(lookedUpStatic).anyMatch(k -> k >= Features.PROFILE_FROM)
                ? profile : CharProfile.NONE;
        dynamicWordSlots = slots(Features.DYNAMIC, k -> Features.dynamicWord(k) != Features.MANY);
        rightWordSlots = slots(Features.RIGHT, k -> Features.rightTagWithWord(k) != Features.MANY);
        lookedUpRight = slots(Features.RIGHT, k -> !Features.rightTagsOnly(k)
                && Features.rightTagWithWord(k) == Features.MANY);
        lookedUpDynamic = slots(Features.DYNAMIC, k -> !Features.dynamicTagsOnly(k)
                && Features.dynamicWord(k) == Features.MANY);
        runBase = new int[depth];
        int runs = 0;
        for (int s = 0; s < depth; s++) {
            runBase[s] = runs;
            runs += WAYS * (dynamicWordSlots.length + (s == 0 ? 0 : rightWordSlots.length));
        }
        runLength = runs;
        dynamicRows = new float[depth][];
        rightRows = new float[depth][];
        for (int s = 0; s < depth; s++) {
            dynamicRows[s] = dynamicRows(s);
            rightRows[s] = s == 0 ? null : rightRows(s);
        }
        boundary = boundary();
        long entryBytes = 4L * (rowLength + runLength + depth) + 160;
        sets = (int) Math.max(16, Math.min(1 << 14, CACHE_BYTES / entryBytes / ASSOCIATIVITY));
        cache = new Entry[ASSOCIATIVITY * sets];
    }

    private static int[] slots(int n, java.util.function.IntPredicate keep) {
        return java.util.stream.IntStream.range(0, n).filter(keep).toArray();
    }

    private float[] dynamicRows(int s) {
        int t = nt[s];
        float[] rows = new float[(t + 1) * (t + 1) * t];
        Features.Words w = Features.words(new String[] {ANY_WORD}, new long[] {Features.UNKNOWN_CLASS},
                new long[Features.STRIDE]);
        long[] dyn = new long[Features.DYNAMIC];
        for (int p1 = -1; p1 < t; p1++) {
            for (int p2 = -1; p2 < t; p2++) {
                Features.dynamic(w, 0, p1, p2, dyn);
                int at = ((p1 + 1) * (t + 1) + p2 + 1) * t;
                for (int k = 0; k < Features.DYNAMIC; k++) {
                    if (Features.dynamicTagsOnly(k)) {
                        stages[s].addAt(dyn[k], rows, at);
                    }
                }
            }
        }
        return rows;
    }

    private float[] rightRows(int s) {
        int t = nt[s];
        int prev = nt[s - 1];
        float[] rows = new float[(prev + 1) * (prev + 1) * t];
        for (int r1 = -1; r1 < prev; r1++) {
            // a sentence of 1, 2 or 3 words whose first word sees first-stage tags r1, r2 (-1 = past the end)
            for (int r2 = -1; r2 < (r1 < 0 ? 0 : prev); r2++) {
                int[] right = r1 < 0 ? new int[] {0} : r2 < 0 ? new int[] {0, r1} : new int[] {0, r1, r2};
                String[] words = new String[right.length];
                Arrays.fill(words, ANY_WORD);
                long[] classes = new long[right.length];
                Arrays.fill(classes, Features.UNKNOWN_CLASS);
                long[] stat = new long[right.length * Features.STRIDE];
                Features.Words w = Features.words(words, classes, stat);
                Features.right(w, right, stat);
                int at = ((r1 + 1) * (prev + 1) + r2 + 1) * t;
                for (int k = 0; k < Features.RIGHT; k++) {
                    if (Features.rightTagsOnly(k)) {
                        stages[s].addAt(stat[Features.STATIC + k], rows, at);
                    }
                }
            }
        }
        return rows;
    }

    /** The one-word slots of a word outside the sentence: those of a one-word sentence, offsets != 0. */
    private Entry boundary() {
        long[] stat = new long[Features.STRIDE];
        Features.words(new String[] {ANY_WORD}, new long[] {Features.UNKNOWN_CLASS}, stat);
        float[] rows = new float[rowLength];
        for (int s = 0; s < stages.length; s++) {
            for (int k = 0; k < Features.STATIC; k++) {
                int d = Features.staticWord(k);
                if (d != Features.MANY && d != 0) {
                    stages[s].addAt(stat[k], rows, rowBase[s] + (d + 2) * nt[s]);
                }
            }
        }
        return new Entry("", Features.UNKNOWN_CLASS, new int[stages.length], rows, new int[runLength]);
    }

    /** The entry of {@code word}: the slots of the middle one of five copies of it, each at its offset's row. */
    private Entry compute(String word) {
        long cls = stages[stages.length - 1].ambiguityClass(word);
        String[] five = {word, word, word, word, word};
        long[] classes = {cls, cls, cls, cls, cls};
        long[] stat = new long[OFFSETS * Features.STRIDE];
        Features.words(five, classes, profile, stat);
        float[] rows = new float[rowLength];
        int[] fixed = new int[stages.length];
        int o = 2 * Features.STRIDE;
        for (int s = 0; s < stages.length; s++) {
            for (int k = 0; k < Features.STATIC; k++) {
                int d = Features.staticWord(k);
                if (d != Features.MANY) {
                    stages[s].addAt(stat[o + k], rows, rowBase[s] + (d + 2) * nt[s]);
                }
            }
            fixed[s] = stages[s].dictionaryTag(word);
        }
        return new Entry(word, cls, fixed, rows, new int[runLength]);
    }

    /** The cached entry of {@code word}, computed on a miss (into the set's first free slot, else its last). */
    Entry entry(String word) {
        int h = word.hashCode();
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        int a = ASSOCIATIVITY * Math.floorMod(h, sets);
        for (int k = a; k < a + ASSOCIATIVITY; k++) {
            Entry x = cache[k];
            if (x == null) {
                break;
            }
            if (x.word.equals(word)) {
                return x;
            }
        }
        Entry z = compute(word);
        int free = a;
        while (free < a + ASSOCIATIVITY - 1 && cache[free] != null) {
            free++;
        }
        cache[free] = z;
        return z;
    }

    /** Number of entries in the cache (for tests and benchmarks). */
    int cached() {
        int n = 0;
        for (Entry e : cache) {
            n += e != null ? 1 : 0;
        }
        return n;
    }

    int capacity() {
        return cache.length;
    }

    /** The tag indices of {@code words} by the last stage decoding with a beam of {@code beam}. */
    int[] tag(String[] words, int beam) {
        int n = words.length;
        Entry[] e = new Entry[n];
        long[] classes = new long[n];
        for (int i = 0; i < n; i++) {
            e[i] = entry(words[i]);
            classes[i] = e[i].ambiguityClass;
        }
        long[] stat = new long[n * Features.STRIDE];
        Features.Words w = Features.words(words, classes, tokenProfile, stat);
        int[] tags = null;
        for (int s = 0; s < stages.length; s++) {
            if (s > 0) {
                Features.right(w, tags, stat);
            }
            int b = s == stages.length - 1 ? beam : stages[s].beam();
            tags = b == 1 ? greedy(s, e, stat, w, tags) : beam(s, b, e, stat, w, tags);
        }
        return tags;
    }

    /**
     * Adds the weights of the tag-word feature {@code key} (of {@code tag} with word x) to
     * {@code out[off + tag]}, through the ways at {@code x.runs[at]}.
     */
    private static void addCached(PerceptronTagger stage, Entry x, int at, int tag, long key, float[] out, int off) {
        int[] r = x.runs;
        int want = (tag + 1) << 24;
        for (int k = at; k < at + WAYS; k++) {
            int v = r[k];
            if (v == 0) {
                break;
            }
            if ((v & 0xFF000000) == want) {
                if ((v & 0xFFFFFF) != 0xFFFFFF) {
                    stage.addRun((v & 0xFFFFFF) - 1, out, off);
                }
                return;
            }
        }
        int run = stage.run(key);
        System.arraycopy(r, at, r, at + 1, WAYS - 1);
        r[at] = want | (run < 0 ? 0xFFFFFF : run + 1);
        if (run >= 0) {
            stage.addRun(run, out, off);
        }
    }

    /** Stage s's scores of word i without the tag-history features, into {@code out[off..off + nt)}. */
    private void base(int s, Entry[] e, int i, long[] stat, int[] right, float[] out, int off) {
        int n = e.length;
        int t = nt[s];
        int at = rowBase[s];
        System.arraycopy(e[i].rows, at + 2 * t, out, off, t);
        addRow(i >= 2 ? e[i - 2].rows : boundary.rows, at, out, off, t);
        addRow(i >= 1 ? e[i - 1].rows : boundary.rows, at + t, out, off, t);
        addRow(i + 1 < n ? e[i + 1].rows : boundary.rows, at + 3 * t, out, off, t);
        addRow(i + 2 < n ? e[i + 2].rows : boundary.rows, at + 4 * t, out, off, t);
        PerceptronTagger stage = stages[s];
        int o = i * Features.STRIDE;
        for (int k : lookedUpStatic) {
            stage.addAt(stat[o + k], out, off);
        }
        if (s > 0) {
            int prev = nt[s - 1];
            int r1 = i + 1 < n ? right[i + 1] : -1;
            int r2 = i + 2 < n ? right[i + 2] : -1;
            addRow(rightRows[s], ((r1 + 1) * (prev + 1) + r2 + 1) * t, out, off, t);
            int at0 = runBase[s] + WAYS * dynamicWordSlots.length;
            for (int j = 0; j < rightWordSlots.length; j++) {
                int k = rightWordSlots[j];
                int v = Features.rightTagWithWord(k);
                int r = i + v < n ? right[i + v] : -1;
                addCached(stage, e[i], at0 + WAYS * j, r, stat[o + Features.STATIC + k], out, off);
            }
            for (int k : lookedUpRight) {
                stage.addAt(stat[o + Features.STATIC + k], out, off);
            }
        }
    }

    /** Adds the tag-history features of word i given tags p1, p2 to {@code scores}. */
    private void history(int s, Features.Words w, Entry[] e, int i, int p1, int p2, long[] dyn, float[] scores) {
        int t = nt[s];
        addRow(dynamicRows[s], ((p1 + 1) * (t + 1) + p2 + 1) * t, scores, 0, t);
        Features.dynamic(w, i, p1, p2, dyn);
        PerceptronTagger stage = stages[s];
        for (int j = 0; j < dynamicWordSlots.length; j++) {
            int k = dynamicWordSlots[j];
            int at = i + Features.dynamicWord(k);
            Entry x = at >= 0 && at < e.length ? e[at] : boundary;
            addCached(stage, x, runBase[s] + WAYS * j, p1, dyn[k], scores, 0);
        }
        for (int k : lookedUpDynamic) {
            stage.addAt(dyn[k], scores, 0);
        }
    }

    private static void addRow(float[] row, int at, float[] out, int off, int t) {
        for (int k = 0; k < t; k++) {
            out[off + k] += row[at + k];
        }
    }

    private int[] greedy(int s, Entry[] e, long[] stat, Features.Words w, int[] right) {
        int n = e.length;
        int t = nt[s];
        int[] out = new int[n];
        // the tag-independent part of every word first: its lookups do not wait for the decoding
        float[] bases = new float[n * t];
        for (int i = 0; i < n; i++) {
            if (e[i].fixed[s] < 0) {
                base(s, e, i, stat, right, bases, i * t);
            }
        }
        float[] scores = new float[t];
        long[] dyn = new long[Features.DYNAMIC];
        int p1 = -1;
        int p2 = -1;
        for (int i = 0; i < n; i++) {
            int best = e[i].fixed[s];
            if (best < 0) {
                System.arraycopy(bases, i * t, scores, 0, t);
                history(s, w, e, i, p1, p2, dyn, scores);
                best = 0;
                for (int k = 1; k < scores.length; k++) {
                    if (scores[k] > scores[best]) {
                        best = k;
                    }
                }
            }
            out[i] = best;
            p2 = p1;
            p1 = best;
        }
        return out;
    }

    /** The reference path's beam search ({@link PerceptronTagger}), on these scores. */
    private int[] beam(int s, int beam, Entry[] e, long[] stat, Features.Words w, int[] right) {
        int n = e.length;
        int t = nt[s];
        BeamLattice lattice = new BeamLattice(n);
        float[] base = new float[t];
        float[] scores = new float[t];
        long[] dyn = new long[Features.DYNAMIC];
        for (int i = 0; i < n; i++) {
            int[] p1 = lattice.p1;
            int[] p2 = lattice.p2;
            double[] score = lattice.score;
            int fixed = e[i].fixed[s];
            if (fixed < 0) {
                base(s, e, i, stat, right, base, 0);
            }
            int hyps = p1.length;
            int cands = fixed >= 0 ? hyps : hyps * t;
            double[] cScore = new double[cands];
            int[] cTag = new int[cands];
            int[] cBack = new int[cands];
            int c = 0;
            for (int h = 0; h < hyps; h++) {
                if (fixed >= 0) {
                    cScore[c] = score[h];
                    cTag[c] = fixed;
                    cBack[c++] = h;
                    continue;
                }
                System.arraycopy(base, 0, scores, 0, t);
                history(s, w, e, i, p1[h], p2[h], dyn, scores);
                for (int k = 0; k < t; k++) {
                    cScore[c] = score[h] + scores[k];
                    cTag[c] = k;
                    cBack[c++] = h;
                }
            }
            lattice.keep(i, beam, c, cScore, cTag, cBack);
        }
        return lattice.best();
    }
}
