package org.classicnlp.pos;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classicnlp.core.ModelCache;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.ModelRef;
import org.classicnlp.core.ModelFormatException;

/**
 * Averaged-perceptron part-of-speech tagger (Collins 2002; the feature set of Honnibal's tagger that NLTK
 * ships, plus the Chinese character features described on {@link Features}). Decoding is left to right,
 * greedy by default or with a beam ({@link #withBeam}); words of the tag dictionary (frequent words seen
 * with one tag, see {@link PerceptronTrainer.Builder#tagDictionary}) get that tag without scoring.
 *
 * <p>Tagging goes through {@link WordScores}: the weights of the features that depend on one word are
 * pre-summed per word type (a bounded cache, filled as words are met, shared by all threads), so a token
 * costs a few score-row additions and a handful of weight lookups; it tags as the per-feature reference path
 * ({@code tagIndicesReference}, the code the trainer runs) does, which the tests check on the shipped models.
 *
 * <p>Immutable in what it computes and thread-safe: every call works on its own buffers, and the word cache
 * holds immutable entries published through final fields. Trained by {@link PerceptronTrainer};
 * saved in the {@link ModelContainer} as kind {@code pos-perceptron}, format version 2, gzip body (columns,
 * so that gzip sees like with like):
 *
 * <pre>
 * int   feature template version (the one the weights were trained with: {@link Features#OLDEST_VERSION} to
 *       {@link Features#VERSION}; a version-5 model also computes the character profile of its lexicon)
 * bool  stacked: when true, a first stage (the stage layout below) precedes the model's own stage
 * int   L, then L ambiguity-lexicon words in ascending order, front-coded: unsigned byte chars shared with
 *       the previous word, the rest (writeUTF), unsigned byte n, n tag indices (ascending)
 * stage:
 *   int   T, then T tags (writeUTF), in index order
 *   int   D, then D tag-dictionary entries: word (writeUTF), tag index (unsigned byte)
 *   int   F (features), 256 floats: the weight levels (ascending)
 *   F     key gaps, ascending 40-bit keys as differences from the previous key (first from 0), 7-bit varints
 *   F     unsigned bytes: each feature's number of weights n (1..T); E = their sum
 *   E     bytes: the tag of each weight, feature by feature
 *   E     bytes: the level index of each weight (8-bit quantization: see {@link Codebook})
 * </pre>
 */
public final class PerceptronTagger implements Tagger, java.io.Serializable {

    static final ModelContainer.Kind KIND = new ModelContainer.Kind("pos-perceptron", 2);

    private final String[] tags;
    private final Map<String, Integer> tagDictionary;
    /**
     * Open addressing, one long per slot (load at most 1/2): the 40-bit key above the 24-bit offset of the
     * feature's run in {@link #packed}; 0 = empty. One probe reads one slot and then one run.
     */
    private final long[] table;
    private final int[] rowStart;
    private final byte[] entryTag;
    /** Each entry's weight as an index into {@link #codebook} (8-bit quantization, see {@link Codebook}). */
    private final byte[] entryCode;
    /** Per feature a run: the number of entries n, then n entries (tag << 8 | level index). */
    private final short[] packed;
    private final float[] codebook;
    /** Ambiguity classes of the lexicon's words (shared by both stages), and their tag lists for saving. */
    private final Map<String, Long> ambiguity;
    private final Map<String, byte[]> lexicon;
    /**
     * The feature template version the weights were trained with (saved as is): versions before 5 had no
     * character-profile templates, so they get {@link CharProfile#NONE} and compute exactly their features.
     */
    private final int featureVersion;
    /** The character profile of {@link #lexicon} (version 5 and later; shared by both stages). */
    private final CharProfile profile;
    private final int mask;
    /**
     * A blocked Bloom filter of the feature keys (two bits in one long per key, about 8 bits a key), a few
     * hundred KB that stay in cache: most word-pair features of a sentence are not in the model, and the
     * fast path ({@link #addAt}, {@link #run}) then answers without touching {@link #table}.
     */
    private final long[] filter;
    private final int beam;
    /** The first stage of a stacked model (its tags of the next words are features here), or null. */
    private final PerceptronTagger first;
    /** Where this model was loaded from, when it can ship by reference (Java serialisation); else null. */
    volatile ModelRef ref;
    /** The fast scoring path with its word cache, built on first use; shared with {@link #withBeam} copies. */
    private final java.util.concurrent.atomic.AtomicReference<WordScores> wordScores;

    /** Sorted feature keys, and per key its entries; the weights are quantized here. */
    PerceptronTagger(String[] tags, Map<String, Integer> tagDictionary, Map<String, byte[]> lexicon,
            long[] sortedKeys, int[] rowStart, byte[] entryTag, float[] entryWeight, int beam, PerceptronTagger first) {
        this(tags, tagDictionary, lexicon, sortedKeys, rowStart, entryTag, Codebook.of(entryWeight), beam, first,
                Features.VERSION, null);
    }

    /** {@code profile}: the lexicon's profile when the caller has it (else computed here for version 5+). */
    private PerceptronTagger(String[] tags, Map<String, Integer> tagDictionary, Map<String, byte[]> lexicon,
            long[] sortedKeys, int[] rowStart, byte[] entryTag, Codebook weights, int beam, PerceptronTagger first,
            int featureVersion, CharProfile profile) {
        this.first = first;
        this.lexicon = first != null ? first.lexicon : Map.copyOf(lexicon);
        this.ambiguity = first != null ? first.ambiguity : classes(this.lexicon);
        this.featureVersion = featureVersion;
        this.profile = first != null ? first.profile : profile != null ? profile
                : featureVersion >= 5 ? CharProfile.of(this.lexicon, tags.length) : CharProfile.NONE;
        if (tags.length == 0 || tags.length > 255) {
            throw new IllegalArgumentException("tag set size must be 1-255, got " + tags.length);
        }
        this.tags = tags;
        this.tagDictionary = Map.copyOf(tagDictionary);
        this.rowStart = rowStart;
        this.entryTag = entryTag;
        this.entryCode = weights.codes;
        long runs = (long) entryTag.length + sortedKeys.length;
        if (runs >= 1 << 24) {
            throw new IllegalArgumentException("model too large: " + runs + " weights and features, at most 2^24"
                    + " (prune it: PerceptronTrainer.Builder.pruneBelow)");
        }
        this.wordScores = new java.util.concurrent.atomic.AtomicReference<>();
        this.packed = new short[(int) runs];
        this.codebook = weights.levels;
        this.beam = beam;
        int cap = Integer.highestOneBit(Math.max(4, sortedKeys.length * 2 - 1)) << 1;
        this.table = new long[cap];
        this.mask = cap - 1;
        this.filter = new long[Integer.highestOneBit(Math.max(64, sortedKeys.length / 8)) << 1];
        for (long k : sortedKeys) {
            filter[filterWord(k, filter.length)] |= filterBits(k);
        }
        int p = 0;
        for (int r = 0; r < sortedKeys.length; r++) {
            int s = (int) sortedKeys[r] & mask;
            while (table[s] != 0) {
                s = (s + 1) & mask;
            }
            table[s] = sortedKeys[r] << 24 | p;
            packed[p++] = (short) (rowStart[r + 1] - rowStart[r]);
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++) {
                packed[p++] = (short) ((entryTag[e] & 0xFF) << 8 | (entryCode[e] & 0xFF));
            }
        }
    }

    private PerceptronTagger(PerceptronTagger m, int beam) {
        this(m, beam, m.first, m.tagDictionary);
    }

    private PerceptronTagger(PerceptronTagger m, int beam, PerceptronTagger first, Map<String, Integer> tagDictionary) {
        this.first = first;
        this.tags = m.tags;
        this.tagDictionary = tagDictionary;
        this.table = m.table;
        this.rowStart = m.rowStart;
        this.entryTag = m.entryTag;
        this.entryCode = m.entryCode;
        this.packed = m.packed;
        this.codebook = m.codebook;
        this.lexicon = m.lexicon;
        this.ambiguity = m.ambiguity;
        this.featureVersion = m.featureVersion;
        this.profile = m.profile;
        this.mask = m.mask;
        this.filter = m.filter;
        this.beam = beam;
        boolean same = first == m.first && tagDictionary == m.tagDictionary;
        this.ref = same ? m.ref : null;   // another dictionary: not the model behind the reference
        this.wordScores = same ? m.wordScores : new java.util.concurrent.atomic.AtomicReference<>();
    }

    /**
     * This model (both stages) with {@code dictionary} as its tag dictionary: those words get their tag
     * without scoring. For a dictionary chosen after training ({@link PerceptronTrainer.Builder#tagDictionary}).
     */
    PerceptronTagger withTagDictionary(Map<String, Integer> dictionary) {
        Map<String, Integer> d = Map.copyOf(dictionary);
        return new PerceptronTagger(this, beam, first == null ? null : first.withTagDictionary(d), d);
    }

    /** This model decoding with a beam of {@code width} (1 = greedy). */
    public PerceptronTagger withBeam(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("beam width must be >= 1, got " + width);
        }
        return width == beam ? this : new PerceptronTagger(this, width);
    }

    public int beam() {
        return beam;
    }

    @Override
    public List<String> tagSet() {
        return List.of(tags);
    }

    /** The feature keys in ascending order (the order of the rows of {@link #rowStart}). */
    private long[] sortedKeys() {
        long[] sorted = new long[rowStart.length - 1];
        int n = 0;
        for (long slot : table) {
            if (slot != 0) {
                sorted[n++] = slot >>> 24;
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }

    /** Number of features with a weight. */
    public int features() {
        return rowStart.length - 1;
    }

    /**
     * This model with the weights of magnitude {@code minMagnitude} or less dropped (both stages), and
     * features left without weights removed: a smaller file for a little accuracy.
     */
    public PerceptronTagger pruned(double minMagnitude) {
        PerceptronTagger f = first == null ? null : first.pruned(minMagnitude);
        long[] sorted = sortedKeys();
        long[] order = sorted.clone();
        Arrays.sort(order);
        Map<Long, Integer> rowOf = new HashMap<>(sorted.length * 2);
        for (int r = 0; r < sorted.length; r++) {
            rowOf.put(sorted[r], r);
        }
        long[] kept = new long[sorted.length];
        int[] starts = new int[sorted.length + 1];
        byte[] et = new byte[entryTag.length];
        byte[] ec = new byte[entryTag.length];
        int nk = 0;
        int e = 0;
        for (long key : order) {
            int r = rowOf.get(key);
            int from = e;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                if (Math.abs(codebook[entryCode[k] & 0xFF]) > minMagnitude) {
                    et[e] = entryTag[k];
                    ec[e++] = entryCode[k];
                }
            }
            if (e > from) {
                kept[nk++] = key;
                starts[nk] = e;
            }
        }
        return new PerceptronTagger(tags, tagDictionary, lexicon, Arrays.copyOf(kept, nk),
                Arrays.copyOf(starts, nk + 1), Arrays.copyOf(et, e), new Codebook(codebook, Arrays.copyOf(ec, e)),
                beam, f, featureVersion, profile);
    }

    /** Whether this is a stacked (two-stage) model. */
    public boolean stacked() {
        return first != null;
    }

    public int tagDictionarySize() {
        return tagDictionary.size();
    }

    PerceptronTagger first() {
        return first;
    }

    /** The character profile the features of this model use ({@link CharProfile#NONE} before version 5). */
    CharProfile charProfile() {
        return profile;
    }

    /** The feature template version of this model's weights. */
    int featureVersion() {
        return featureVersion;
    }

    /** The ambiguity class of {@code word} ({@link Features#UNKNOWN_CLASS} outside the lexicon). */
    long ambiguityClass(String word) {
        Long c = ambiguity.get(word);
        return c == null ? Features.UNKNOWN_CLASS : c;
    }

    /** The tag-dictionary tag of {@code word} in this stage, or -1. */
    int dictionaryTag(String word) {
        Integer t = tagDictionary.get(word);
        return t == null ? -1 : t;
    }

    private static int filterWord(long key, int words) {
        return (int) (key >>> 12) & (words - 1);
    }

    private static long filterBits(long key) {
        return 1L << (key & 63) | 1L << ((key >>> 6) & 63);
    }

    /** Whether feature {@code key} may be in the model (false: it is not). */
    private boolean mayHave(long key) {
        long b = filterBits(key);
        return (filter[filterWord(key, filter.length)] & b) == b;
    }

    /** Adds the weights of feature {@code key} (0 = none) to {@code scores[at + tag]}. */
    void addAt(long key, float[] scores, int at) {
        if (key == 0 || !mayHave(key)) {
            return;
        }
        long[] tb = table;
        short[] pk = packed;
        float[] levels = codebook;
        int s = (int) key & mask;
        long slot;
        while ((slot = tb[s]) != 0) {
            if (slot >>> 24 == key) {
                int run = (int) slot & 0xFFFFFF;
                for (int e = run + 1, end = run + 1 + pk[run]; e < end; e++) {
                    int p = pk[e];
                    scores[at + ((p >>> 8) & 0xFF)] += levels[p & 0xFF];
                }
                return;
            }
            s = (s + 1) & mask;
        }
    }

    /** The offset of the weight run of feature {@code key} in {@link #packed}, or -1 (also for 0 = none). */
    int run(long key) {
        if (key == 0 || !mayHave(key)) {
            return -1;
        }
        int s = (int) key & mask;
        long slot;
        while ((slot = table[s]) != 0) {
            if (slot >>> 24 == key) {
                return (int) slot & 0xFFFFFF;
            }
            s = (s + 1) & mask;
        }
        return -1;
    }

    /** Adds the weight run at {@code run} (from {@link #run}) to {@code scores[at + tag]}. */
    void addRun(int run, float[] scores, int at) {
        short[] pk = packed;
        float[] levels = codebook;
        for (int e = run + 1, end = run + 1 + pk[run]; e < end; e++) {
            int p = pk[e];
            scores[at + ((p >>> 8) & 0xFF)] += levels[p & 0xFF];
        }
    }

    /** The fast scoring path ({@link WordScores}), built on first use. */
    WordScores wordScores() {
        WordScores w = wordScores.get();
        if (w == null) {
            wordScores.compareAndSet(null, new WordScores(this));
            w = wordScores.get();
        }
        return w;
    }

    private void add(long key, float[] scores) {
        addAt(key, scores, 0); // the filter before the table only skips keys the model does not hold
    }

    @Override
    public List<String> tagWords(List<String> words) {
        int[] t = tagIndices(words.toArray(new String[0]));
        String[] out = new String[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = tags[t[i]];
        }
        return Arrays.asList(out);
    }

    /** Tag indices of {@code words}, by the fast path ({@link WordScores}). */
    int[] tagIndices(String[] words) {
        return words.length == 0 ? new int[0] : wordScores().tag(words, beam);
    }

    /** Tag indices of {@code words} by the reference path: every feature looked up per token (as in training). */
    int[] tagIndicesReference(String[] words) {
        int n = words.length;
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        long[] stat = new long[n * Features.STRIDE];
        Features.Words w = Features.words(words, ambiguity, profile, stat);
        return decode(words, stat, w, out);
    }

    /** Decodes with the static features {@code stat} (right slots filled here for a stacked model). */
    int[] decode(String[] words, long[] stat, Features.Words w, int[] out) {
        int n = words.length;
        if (first != null) {
            Features.right(w, first.decode(words, stat, w, new int[n]), stat);
        }
        int nt = tags.length;
        long[] dyn = new long[Features.DYNAMIC];
        if (beam == 1) {
            float[] scores = new float[nt];
            int p1 = -1;
            int p2 = -1;
            for (int i = 0; i < n; i++) {
                Integer fixed = tagDictionary.get(words[i]);
                int best;
                if (fixed != null) {
                    best = fixed;
                } else {
                    Arrays.fill(scores, 0f);
                    for (int k = 0, o = i * Features.STRIDE; k < Features.STRIDE; k++) {
                        add(stat[o + k], scores);
                    }
                    Features.dynamic(w, i, p1, p2, dyn);
                    for (long d : dyn) {
                        add(d, scores);
                    }
                    best = argmax(scores);
                }
                out[i] = best;
                p2 = p1;
                p1 = best;
            }
            return out;
        }
        return beamSearch(words, stat, w);
    }

    private static int argmax(float[] scores) {
        int best = 0;
        for (int t = 1; t < scores.length; t++) {
            if (scores[t] > scores[best]) {
                best = t;
            }
        }
        return best;
    }

    private int[] beamSearch(String[] words, long[] stat, Features.Words w) {
        int n = words.length;
        int nt = tags.length;
        BeamLattice lattice = new BeamLattice(n);
        float[] base = new float[nt];
        float[] scores = new float[nt];
        long[] dyn = new long[Features.DYNAMIC];
        for (int i = 0; i < n; i++) {
            int[] p1 = lattice.p1;
            int[] p2 = lattice.p2;
            double[] score = lattice.score;
            Integer fixed = tagDictionary.get(words[i]);
            if (fixed == null) {
                Arrays.fill(base, 0f);
                for (int k = 0, o = i * Features.STRIDE; k < Features.STRIDE; k++) {
                    add(stat[o + k], base);
                }
            }
            int hyps = p1.length;
            int cands = fixed != null ? hyps : hyps * nt;
            double[] cScore = new double[cands];
            int[] cTag = new int[cands];
            int[] cBack = new int[cands];
            int c = 0;
            for (int h = 0; h < hyps; h++) {
                if (fixed != null) {
                    cScore[c] = score[h];
                    cTag[c] = fixed;
                    cBack[c++] = h;
                    continue;
                }
                System.arraycopy(base, 0, scores, 0, nt);
                Features.dynamic(w, i, p1[h], p2[h], dyn);
                for (long d : dyn) {
                    add(d, scores);
                }
                for (int t = 0; t < nt; t++) {
                    cScore[c] = score[h] + scores[t];
                    cTag[c] = t;
                    cBack[c++] = h;
                }
            }
            lattice.keep(i, beam, c, cScore, cTag, cBack);
        }
        return lattice.best();
    }

    /** The lexicon's words mapped to the hash of their tag list (see {@link Features#ambiguityClass}). */
    private static Map<String, Long> classes(Map<String, byte[]> lexicon) {
        Map<String, Long> out = new HashMap<>(lexicon.size() * 2);
        lexicon.forEach((word, tagList) -> out.put(word, Features.ambiguityClass(tagList)));
        return out;
    }

    /**
     * 8-bit weights: 256 levels and one level index per entry. The levels are 128 magnitudes spaced evenly
     * on a log scale from the smallest to the largest weight magnitude, with both signs, so every weight
     * keeps its sign and its magnitude to within a few per cent (a stage of the Chinese model spans about
     * five decades: a step of 1.1).
     */
    record Codebook(float[] levels, byte[] codes) {
        static final int LEVELS = 256;

        static Codebook of(float[] weights) {
            float[] levels = new float[LEVELS];
            byte[] codes = new byte[weights.length];
            float min = Float.MAX_VALUE;
            float max = 0;
            for (float w : weights) {
                float m = Math.abs(w);
                if (m > 0) {
                    min = Math.min(min, m);
                    max = Math.max(max, m);
                }
            }
            if (max == 0) {
                return new Codebook(levels, codes);
            }
            int half = LEVELS / 2;
            double ratio = max > min ? Math.log(max / min) / (half - 1) : 0;
            for (int k = 0; k < half; k++) {
                float m = (float) (min * Math.exp(ratio * k));
                levels[half + k] = m;
                levels[half - 1 - k] = -m;
            }
            for (int i = 0; i < weights.length; i++) {
                codes[i] = (byte) nearest(levels, weights[i]);
            }
            return new Codebook(levels, codes);
        }

        /** Index of the level nearest to {@code w} in the ascending {@code levels}. */
        private static int nearest(float[] levels, float w) {
            int i = Arrays.binarySearch(levels, w);
            if (i >= 0) {
                return i;
            }
            int hi = -1 - i;
            if (hi == 0) {
                return 0;
            }
            if (hi == levels.length) {
                return levels.length - 1;
            }
            return w - levels[hi - 1] <= levels[hi] - w ? hi - 1 : hi;
        }
    }

    // ---- persistence ------------------------------------------------------------------------------

    /** Saves in the model container (kind {@code pos-perceptron} v2, gzip body described on this class). */
    public void save(Path file) {
        ModelContainer.save(file, KIND, null, ModelContainer.Compression.GZIP, this::writeBody);
    }

    private void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(featureVersion);
        out.writeBoolean(first != null);
        List<String> words = new ArrayList<>(lexicon.keySet());
        words.sort(null);
        out.writeInt(words.size());
        String prev = "";
        for (String word : words) {
            int shared = 0;
            int max = Math.min(255, Math.min(prev.length(), word.length()));
            while (shared < max && prev.charAt(shared) == word.charAt(shared)) {
                shared++;
            }
            out.writeByte(shared);
            out.writeUTF(word.substring(shared));
            byte[] t = lexicon.get(word);
            out.writeByte(t.length);
            out.write(t);
            prev = word;
        }
        if (first != null) {
            first.writeStage(out);
        }
        writeStage(out);
    }

    private void writeStage(DataOutputStream out) throws IOException {
        out.writeInt(tags.length);
        for (String t : tags) {
            out.writeUTF(t);
        }
        List<String> dict = new ArrayList<>(tagDictionary.keySet());
        dict.sort(null);
        out.writeInt(dict.size());
        for (String word : dict) {
            out.writeUTF(word);
            out.writeByte(tagDictionary.get(word));
        }
        long[] sorted = sortedKeys();   // row r holds the r-th smallest key (the constructor's order)
        out.writeInt(sorted.length);
        for (float level : codebook) {
            out.writeFloat(level);
        }
        long prev = 0;
        for (long key : sorted) {
            writeVarLong(out, key - prev);
            prev = key;
        }
        for (int r = 0; r < sorted.length; r++) {
            out.writeByte(rowStart[r + 1] - rowStart[r]);
        }
        out.write(entryTag, 0, rowStart[sorted.length]);
        out.write(entryCode, 0, rowStart[sorted.length]);
    }

    private static void writeVarLong(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("variable-length integer longer than 10 bytes");
    }

    static PerceptronTagger readBody(ModelContainer.Body body) throws IOException {
        DataInputStream in = body.in();
        body.section("the feature template version");
        int version = in.readInt();
        if (version < Features.OLDEST_VERSION || version > Features.VERSION) {
            throw body.error("feature template version " + version + ", this build computes versions "
                    + Features.OLDEST_VERSION + " to " + Features.VERSION);
        }
        body.section("the stage flag");
        boolean stacked = in.readBoolean();
        body.section("the ambiguity lexicon");
        int nl = in.readInt();
        body.check(nl >= 0, "lexicon size " + nl + ", expected >= 0");
        body.count(nl, 4, "lexicon word");   // shared prefix, UTF length, tag count
        Map<String, byte[]> lexicon = new HashMap<>(nl * 2);
        String prev = "";
        for (int i = 0; i < nl; i++) {
            int shared = in.readUnsignedByte();
            body.check(shared <= prev.length(), "lexicon word " + i + " shares " + shared + " chars with a word of "
                    + prev.length());
            String word = prev.substring(0, shared) + in.readUTF();
            byte[] t = new byte[in.readUnsignedByte()];
            in.readFully(t);
            lexicon.put(word, t);
            prev = word;
        }
        PerceptronTagger first = stacked ? readStage(body, lexicon, null, version) : null;
        return readStage(body, lexicon, first, version);
    }

    private static PerceptronTagger readStage(ModelContainer.Body body, Map<String, byte[]> lexicon,
            PerceptronTagger first, int version) throws IOException {
        DataInputStream in = body.in();
        String stage = first == null ? "" : "second-stage ";
        body.section("the " + stage + "tag set");
        int nt = in.readInt();
        body.check(nt >= 1 && nt <= 255, "tag count " + nt + ", expected 1 to 255");
        String[] tags = new String[nt];
        for (int t = 0; t < nt; t++) {
            tags[t] = in.readUTF();
        }
        for (byte[] t : lexicon.values()) {
            for (byte b : t) {
                body.check((b & 0xFF) < nt, "lexicon tag index " + (b & 0xFF) + ", expected < " + nt);
            }
        }
        body.section("the tag dictionary");
        int nd = in.readInt();
        body.check(nd >= 0, "tag dictionary size " + nd + ", expected >= 0");
        body.count(nd, 3, "tag dictionary entry");   // UTF length, tag
        Map<String, Integer> dict = new HashMap<>(nd * 2);
        for (int d = 0; d < nd; d++) {
            String word = in.readUTF();
            int tag = in.readUnsignedByte();
            body.check(tag < nt, "tag index " + tag + " for '" + word + "', expected < " + nt);
            dict.put(word, tag);
        }
        body.section("the feature count");
        int nf = in.readInt();
        body.check(nf >= 0, "feature count " + nf + ", expected >= 0");
        body.count(nf, 4, "feature");   // key gap, weight count, one tag and one weight at least
        body.section("the weight levels");
        float[] levels = new float[Codebook.LEVELS];
        for (int c = 0; c < levels.length; c++) {
            levels[c] = in.readFloat();
        }
        body.section("the feature keys");
        long[] sorted = new long[nf];
        long key = 0;
        for (int r = 0; r < nf; r++) {
            long gap = readVarLong(in);
            key += gap;
            if (gap <= 0 || key > Features.KEY_MASK) {
                throw body.error("feature key " + r + " is out of order or range, expected ascending keys below 2^40");
            }
            sorted[r] = key;
        }
        body.section("the entry counts");
        int[] rowStart = new int[nf + 1];
        for (int r = 0; r < nf; r++) {
            int n = in.readUnsignedByte();
            body.check(n >= 1 && n <= nt, "feature " + r + " has " + n + " weights, expected 1 to " + nt);
            rowStart[r + 1] = rowStart[r] + n;
        }
        int ne = rowStart[nf];
        body.section("the entry tags");
        byte[] et = new byte[ne];
        in.readFully(et);
        for (byte t : et) {
            body.check((t & 0xFF) < nt, "tag index " + (t & 0xFF) + ", expected < " + nt);
        }
        body.section("the entry weights");
        byte[] ec = new byte[ne];
        in.readFully(ec);
        if (first != null && !first.tagSet().equals(List.of(tags))) {
            throw body.error("the two stages have different tag sets");
        }
        return new PerceptronTagger(tags, dict, lexicon, sorted, rowStart, et, new Codebook(levels, ec), 1, first,
                version, null);
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @throws ModelFormatException naming the file when it is empty, foreign, another kind or version,
     *                              truncated or damaged
     */
    public static PerceptronTagger load(Path file) {
        return ModelContainer.load(file, PerceptronTagger::readBody, KIND);
    }

    /** Loads from a stream (closed here); {@code source} names it in error messages. */
    public static PerceptronTagger load(InputStream in, String source) {
        return ModelContainer.load(in, source, PerceptronTagger::readBody, KIND);
    }

    static PerceptronTagger loadResource(String resource) {
        InputStream in = PerceptronTagger.class.getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("classpath resource " + resource
                    + " not found (the jar was built without the models/ directory)"));
        }
        PerceptronTagger t = load(in, "classpath:" + resource);
        t.ref = ModelRef.resource(resource);
        return t;
    }

    /** Serialised as its {@link ModelRef} and beam; the receiving JVM loads the model once ({@link Taggers#load(ModelRef)}). */
    private Object writeReplace() throws java.io.ObjectStreamException {
        ModelRef r = ref;
        int b = beam;
        return ModelCache.proxyOf("PerceptronTagger", r, () -> ((PerceptronTagger) Taggers.load(r)).withBeam(b));
    }

    @Override
    public String toString() {
        return "PerceptronTagger[" + tags.length + " tags, " + features() + " features, "
                + tagDictionary.size() + " dictionary words, beam " + beam + (first != null ? ", stacked on " + first : "") + "]";
    }
}
