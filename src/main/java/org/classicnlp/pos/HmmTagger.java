package org.classicnlp.pos;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.classicnlp.core.CharClass;
import org.classicnlp.core.LogProbs;
import org.classicnlp.core.ModelCache;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.ModelRef;
import org.classicnlp.core.ModelFormatException;

/**
 * Second-order HMM tagger after TnT (Brants 2000). Transitions {@code P(t3 | t1, t2)} interpolate the
 * trigram, bigram and unigram estimates with weights from deleted interpolation; sentences are padded with
 * a boundary tag at both ends. Known words emit {@code P(w | t) = c(w, t) / c(t)} and are restricted to the
 * tags seen with them. Unknown words get {@code P(t | w)} from TnT's suffix model (successive abstraction
 * over the last 1..{@code maxSuffix} characters of the training words seen at most {@code rareMax} times,
 * with θ the standard deviation of the tag probabilities), one model for capitalised and one for other
 * words (a capitalised word unknown as written but known in lower case takes the lower-case word's
 * emissions); words starting with a Han character use a character model instead, the suffix model (last
 * characters) and the same model over the first characters combined as {@code Ps(t) Pp(t) / P(t)}. Bayes
 * turns {@code P(t | w)} into the emission {@code P(t | w) / P(t)}; candidate tags are those within a factor
 * 1000 of the best (at most 12). The most frequent training words can have states of their own, one per
 * tag seen with them (specialized states, Pla and Molina 2004; {@link HmmTaggerTrainer.Builder#specialize}):
 * the transitions then condition on those words, not just on their tags, and such a word emits only from
 * its own states (with probability 1). Decoding is exact Viterbi over pairs of states.
 *
 * <p>Immutable and thread-safe. Saved in the {@link ModelContainer} as kind {@code pos-hmm}, format
 * version 2, gzip body: the counts, from which everything is rebuilt at load time:
 *
 * <pre>
 * int   rareMax, int maxSuffix, int maxHanAffix
 * int   T, then T tags (writeUTF)
 * int   K, then K specialized states: word (writeUTF), tag index (unsigned byte); state T + k
 * int   N, then N non-zero counts of state trigrams over the padded sentences, each as two 7-bit varints:
 *       the gap to the previous index (the first from -1) and the count; with S = T + K + 1 states (state
 *       T + K = the sentence boundary) the index of (x, y, z) is (x S + y) S + z
 * int   W, then W words in ascending order: word (writeUTF), unsigned byte n, n x (byte tag, int count)
 * </pre>
 */
public final class HmmTagger implements Tagger, java.io.Serializable {

    static final ModelContainer.Kind KIND = new ModelContainer.Kind("pos-hmm", 2);
    /** Where this model was loaded from, when it can ship by reference (Java serialisation); else null. */
    volatile ModelRef ref;
    private static final int MAX_CANDIDATES = 12;
    private static final double CANDIDATE_RATIO = 1e-3;
    /** Upper bound on specialized states (the transition table grows with the cube of the states). */
    static final int MAX_SPECIAL_STATES = 400;

    private final String[] tags;
    /** Tag states 0..T-1, then one state per (specialized word, tag), then the sentence boundary. */
    private final int states;
    private final int boundary;
    private final int[] stateTag;
    private final String[] specialWords;
    private final int[] specialTags;
    /** Per training word its candidate states (its tags, or its own states when specialized). */
    private final int[][] wordStates;
    private final int rareMax;
    private final int maxSuffix;
    private final int maxHanAffix;
    /** The non-zero trigram counts (index as in the file), kept for saving. */
    private final int[] trigramIndex;
    private final int[] trigramCount;
    /**
     * Log transitions: a row of {@code s} for each context (x, y) seen in training ({@link #contextRow},
     * -1 for unseen ones), and for unseen contexts the bigram-unigram mix {@link #logBackoff}[y s + z]
     * (their trigram estimate is 0), so memory grows with the seen contexts, not with the cube of the states.
     */
    private final int[] contextRow;
    private final float[] logRows;
    private final float[] logBackoff;
    private final double[] lambda = new double[3];
    private final Map<String, Integer> wordIndex;
    private final String[] words;
    private final int[][] wordTags;
    private final int[][] wordCounts;
    private final float[][] wordLogEmit;
    private final double[] tagPrior;
    private final AffixModel lowerSuffix;
    private final AffixModel upperSuffix;
    private final AffixModel hanSuffix;
    private final AffixModel hanPrefix;

    /** From dense trigram counts (the trainer's table, states^3 cells). */
    HmmTagger(String[] tags, int rareMax, int maxSuffix, int maxHanAffix, String[] specialWords, int[] specialTags,
            int[] trigrams, String[] words, int[][] wordTags, int[][] wordCounts) {
        this(tags, rareMax, maxSuffix, maxHanAffix, specialWords, specialTags, nonZeroCells(trigrams),
                nonZeroCounts(trigrams), words, wordTags, wordCounts);
    }

    private static int[] nonZeroCells(int[] dense) {
        int n = 0;
        for (int f : dense) {
            n += f != 0 ? 1 : 0;
        }
        int[] cells = new int[n];
        for (int i = 0, k = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                cells[k++] = i;
            }
        }
        return cells;
    }

    private static int[] nonZeroCounts(int[] dense) {
        int[] cells = nonZeroCells(dense);
        int[] counts = new int[cells.length];
        for (int k = 0; k < cells.length; k++) {
            counts[k] = dense[cells[k]];
        }
        return counts;
    }

    /**
     * From sparse trigram counts: {@code cells} ascending cell numbers {@code (x * states + y) * states + z},
     * {@code counts} their positive counts. The model never holds the dense states^3 table, so a model file
     * declaring many states costs memory in proportion to its records, not to states^3.
     */
    HmmTagger(String[] tags, int rareMax, int maxSuffix, int maxHanAffix, String[] specialWords, int[] specialTags,
            int[] cells, int[] counts, String[] words, int[][] wordTags, int[][] wordCounts) {
        this.tags = tags;
        int nt = tags.length;
        this.specialWords = specialWords;
        this.specialTags = specialTags;
        this.states = nt + specialWords.length + 1;
        this.boundary = states - 1;
        this.stateTag = new int[states];
        for (int t = 0; t < nt; t++) {
            stateTag[t] = t;
        }
        Map<String, int[]> special = new HashMap<>();
        for (int j = 0; j < specialWords.length; j++) {
            stateTag[nt + j] = specialTags[j];
            int[] st = special.get(specialWords[j]);
            st = st == null ? new int[] {nt + j} : append(st, nt + j);
            special.put(specialWords[j], st);
        }
        stateTag[boundary] = -1;
        this.rareMax = rareMax;
        this.maxSuffix = maxSuffix;
        this.maxHanAffix = maxHanAffix;

        this.words = words;
        this.wordTags = wordTags;
        this.wordCounts = wordCounts;
        int s = states;
        long[] bi = new long[s * s];
        long[] ctx2 = new long[s * s];
        for (int k = 0; k < cells.length; k++) {
            int xy = cells[k] / s;
            int yz = cells[k] % (s * s);
            bi[yz] += counts[k];
            ctx2[xy] += counts[k];
        }
        long[] uni = new long[s];
        long[] ctx1 = new long[s];
        long total = 0;
        for (int y = 0; y < s; y++) {
            for (int z = 0; z < s; z++) {
                uni[z] += bi[y * s + z];
                ctx1[y] += bi[y * s + z];
                total += bi[y * s + z];
            }
        }
        // Deleted interpolation (Brants 2000, figure 1).
        double[] l = new double[3];
        for (int k = 0; k < cells.length; k++) {
            int f = counts[k];
            int x = cells[k] / (s * s);
            int y = cells[k] / s % s;
            int z = cells[k] % s;
            double c3 = ctx2[x * s + y] > 1 ? (f - 1.0) / (ctx2[x * s + y] - 1.0) : 0;
            double c2 = ctx1[y] > 1 ? (bi[y * s + z] - 1.0) / (ctx1[y] - 1.0) : 0;
            double c1 = total > 1 ? (uni[z] - 1.0) / (total - 1.0) : 0;
            if (c3 >= c2 && c3 >= c1) {
                l[2] += f;
            } else if (c2 >= c1) {
                l[1] += f;
            } else {
                l[0] += f;
            }
        }
        double ls = l[0] + l[1] + l[2];
        for (int k = 0; k < 3; k++) {
            lambda[k] = ls == 0 ? 1.0 / 3 : l[k] / ls;
        }
        this.logBackoff = new float[s * s];
        for (int y = 0; y < s; y++) {
            for (int z = 0; z < s; z++) {
                double p1 = total == 0 ? 0 : (double) uni[z] / total;
                double p2 = ctx1[y] == 0 ? 0 : (double) bi[y * s + z] / ctx1[y];
                logBackoff[y * s + z] = LogProbs.log(lambda[0] * p1 + lambda[1] * p2);
            }
        }
        this.contextRow = new int[s * s];
        int seen = 0;
        for (int xy = 0; xy < s * s; xy++) {
            contextRow[xy] = ctx2[xy] > 0 ? seen++ : -1;
        }
        this.logRows = new float[seen * s];
        int next = 0; // the next trigram record: cells ascend, so each context's records come in z order
        for (int x = 0; x < s; x++) {
            for (int y = 0; y < s; y++) {
                int r = contextRow[x * s + y];
                if (r < 0) {
                    continue;
                }
                long c = ctx2[x * s + y];
                int cell0 = (x * s + y) * s;
                for (int z = 0; z < s; z++) {
                    double p1 = total == 0 ? 0 : (double) uni[z] / total;
                    double p2 = ctx1[y] == 0 ? 0 : (double) bi[y * s + z] / ctx1[y];
                    int f = 0;
                    if (next < cells.length && cells[next] == cell0 + z) {
                        f = counts[next++];
                    }
                    double p3 = (double) f / c;
                    logRows[r * s + z] = LogProbs.log(lambda[0] * p1 + lambda[1] * p2 + lambda[2] * p3);
                }
            }
        }
        this.trigramIndex = cells.clone();
        this.trigramCount = counts.clone();
        // Emissions of the known words; a specialized word is the only word of its states (emission 1).
        long[] tagCount = new long[nt];
        this.wordStates = new int[words.length][];
        for (int w = 0; w < words.length; w++) {
            wordStates[w] = special.getOrDefault(words[w], wordTags[w]);
            if (special.containsKey(words[w])) {
                continue;
            }
            for (int k = 0; k < wordTags[w].length; k++) {
                tagCount[wordTags[w][k]] += wordCounts[w][k];
            }
        }
        long tokens = Arrays.stream(tagCount).sum();
        this.tagPrior = new double[nt];
        for (int t = 0; t < nt; t++) {
            tagPrior[t] = tokens == 0 ? 0 : (double) tagCount[t] / tokens;
        }
        Map<String, Integer> index = new HashMap<>(words.length * 2);
        this.wordLogEmit = new float[words.length][];
        for (int w = 0; w < words.length; w++) {
            index.put(words[w], w);
            wordLogEmit[w] = new float[wordStates[w].length];
            if (wordStates[w] != wordTags[w]) {
                continue;
            }
            for (int k = 0; k < wordTags[w].length; k++) {
                wordLogEmit[w][k] = LogProbs.logRatio(wordCounts[w][k], tagCount[wordTags[w][k]]);
            }
        }
        this.wordIndex = Map.copyOf(index);
        this.lowerSuffix = new AffixModel(nt, maxSuffix, false);
        this.upperSuffix = new AffixModel(nt, maxSuffix, false);
        this.hanSuffix = new AffixModel(nt, maxHanAffix, false);
        this.hanPrefix = new AffixModel(nt, maxHanAffix, true);
        for (int w = 0; w < words.length; w++) {
            int freq = Arrays.stream(wordCounts[w]).sum();
            if (freq > rareMax || wordStates[w] != wordTags[w]) {
                continue;
            }
            String word = words[w];
            switch (wordClass(word)) {
                case 2 -> {
                    hanSuffix.add(word, wordTags[w], wordCounts[w]);
                    hanPrefix.add(word, wordTags[w], wordCounts[w]);
                }
                case 1 -> upperSuffix.add(word, wordTags[w], wordCounts[w]);
                default -> lowerSuffix.add(word, wordTags[w], wordCounts[w]);
            }
        }
        lowerSuffix.finish();
        upperSuffix.finish();
        hanSuffix.finish();
        hanPrefix.finish();
    }

    private static int[] append(int[] a, int v) {
        int[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = v;
        return b;
    }

    private float trans(int x, int y, int z) {
        int s = states;
        int r = contextRow[x * s + y];
        return r >= 0 ? logRows[r * s + z] : logBackoff[y * s + z];
    }

    /** Number of specialized (word, tag) states. */
    public int specializedStates() {
        return specialWords.length;
    }

    /** 2 = starts with a Han character, 1 = starts with an upper-case letter, 0 = other. */
    private static int wordClass(String w) {
        if (w.isEmpty()) {
            return 0;
        }
        char c = w.charAt(0);
        if (CharClass.of(c) == CharClass.HAN) {
            return 2;
        }
        return Character.isUpperCase(c) ? 1 : 0;
    }

    /** TnT's suffix tries (here: maps of affix to tag counts), smoothed by successive abstraction. */
    private static final class AffixModel {
        private final int nt;
        private final int maxLength;
        private final boolean prefix;
        private final double[] base;
        private final Map<String, double[]> counts = new HashMap<>();
        private Map<String, float[]> probs;
        private float[] baseProbs;

        AffixModel(int nt, int maxLength, boolean prefix) {
            this.nt = nt;
            this.maxLength = maxLength;
            this.prefix = prefix;
            this.base = new double[nt];
        }

        String affix(String w, int len) {
            return prefix ? w.substring(0, len) : w.substring(w.length() - len);
        }

        void add(String word, int[] tagIds, int[] tagCounts) {
            for (int k = 0; k < tagIds.length; k++) {
                base[tagIds[k]] += tagCounts[k];
            }
            for (int len = 1; len <= Math.min(maxLength, word.length()); len++) {
                double[] c = counts.computeIfAbsent(affix(word, len), a -> new double[nt]);
                for (int k = 0; k < tagIds.length; k++) {
                    c[tagIds[k]] += tagCounts[k];
                }
            }
        }

        void finish() {
            double sum = Arrays.stream(base).sum();
            baseProbs = new float[nt];
            double mean = 1.0 / nt;
            double var = 0;
            for (int t = 0; t < nt; t++) {
                double p = sum == 0 ? mean : base[t] / sum;
                baseProbs[t] = (float) p;
                var += (p - mean) * (p - mean);
            }
            double theta = nt > 1 ? Math.sqrt(var / (nt - 1)) : 1;
            List<String> affixes = new ArrayList<>(counts.keySet());
            affixes.sort((a, b) -> Integer.compare(a.length(), b.length()));
            probs = new HashMap<>(affixes.size() * 2);
            for (String a : affixes) {
                float[] shorter = a.length() == 1 ? baseProbs : probs.get(prefix ? a.substring(0, a.length() - 1)
                        : a.substring(1));
                double[] c = counts.get(a);
                double n = Arrays.stream(c).sum();
                float[] p = new float[nt];
                for (int t = 0; t < nt; t++) {
                    p[t] = (float) ((c[t] / n + theta * shorter[t]) / (1 + theta));
                }
                probs.put(a, p);
            }
            counts.clear();
        }

        /** {@code P(t | longest known affix of w)}. */
        float[] distribution(String w) {
            for (int len = Math.min(maxLength, w.length()); len >= 1; len--) {
                float[] p = probs.get(affix(w, len));
                if (p != null) {
                    return p;
                }
            }
            return baseProbs;
        }
    }

    /** The interpolation weights λ1 (unigram), λ2 (bigram), λ3 (trigram). */
    public double[] lambdas() {
        return lambda.clone();
    }

    @Override
    public List<String> tagSet() {
        return List.of(tags);
    }

    /** Number of distinct training words. */
    public int vocabularySize() {
        return words.length;
    }

    /** Candidate tags and their log emission scores for one word. */
    private void candidates(String w, int[][] candOut, float[][] emitOut, int pos) {
        Integer k = wordIndex.get(w);
        if (k == null && pos == 2 && !w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
            // an unknown capitalised first word tagged as its known lower-case form (elsewhere capitals
            // mostly mark names: EWT dev 0.9250 vs 0.9248 when every capitalised word fell back)
            k = wordIndex.get(w.toLowerCase(java.util.Locale.ROOT));
        }
        if (k != null) {
            candOut[pos] = wordStates[k];
            emitOut[pos] = wordLogEmit[k];
            return;
        }
        int nt = tags.length;
        double[] p = new double[nt];
        int cls = wordClass(w);
        if (cls == 2) {
            float[] ps = hanSuffix.distribution(w);
            float[] pp = hanPrefix.distribution(w);
            for (int t = 0; t < nt; t++) {
                p[t] = tagPrior[t] > 0 ? ps[t] * (double) pp[t] / tagPrior[t] : 0;
            }
        } else {
            float[] d = (cls == 1 ? upperSuffix : lowerSuffix).distribution(w);
            for (int t = 0; t < nt; t++) {
                p[t] = d[t];
            }
        }
        double max = 0;
        for (double v : p) {
            max = Math.max(max, v);
        }
        Integer[] order = new Integer[nt];
        for (int t = 0; t < nt; t++) {
            order[t] = t;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        int n = 0;
        while (n < Math.min(MAX_CANDIDATES, nt) && p[order[n]] > 0 && p[order[n]] >= max * CANDIDATE_RATIO) {
            n++;
        }
        if (n == 0) {
            n = 1;
        }
        int[] c = new int[n];
        float[] e = new float[n];
        for (int i = 0; i < n; i++) {
            int t = order[i];
            c[i] = t;
            e[i] = tagPrior[t] > 0 && p[t] > 0 ? (float) Math.log(p[t] / tagPrior[t]) : -1e9f;
        }
        candOut[pos] = c;
        emitOut[pos] = e;
    }

    @Override
    public List<String> tagWords(List<String> sentence) {
        int[] t = tagIndices(sentence);
        String[] out = new String[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = tags[t[i]];
        }
        return Arrays.asList(out);
    }

    int[] tagIndices(List<String> sentence) {
        int n = sentence.size();
        if (n == 0) {
            return new int[0];
        }
        int s = states;
        // Positions 0 and 1 are the start boundary; words at 2..n+1.
        int[][] cand = new int[n + 2][];
        float[][] emit = new float[n + 2][];
        cand[0] = cand[1] = new int[] {boundary};
        emit[0] = emit[1] = new float[] {0f};
        for (int i = 0; i < n; i++) {
            candidates(sentence.get(i), cand, emit, i + 2);
        }
        // delta[i][j * |cand[i]| + k]: best log-prob with tag cand[i-1][j] at i-1 and cand[i][k] at i.
        float[][] delta = new float[n + 2][];
        int[][] back = new int[n + 2][];
        delta[1] = new float[] {0f};
        for (int i = 2; i < n + 2; i++) {
            int[] c2 = cand[i - 2];
            int[] c1 = cand[i - 1];
            int[] c0 = cand[i];
            float[] prev = delta[i - 1];
            float[] d = new float[c1.length * c0.length];
            int[] b = new int[d.length];
            float[] e = emit[i];
            for (int j = 0; j < c1.length; j++) {
                int y = c1[j];
                for (int k = 0; k < c0.length; k++) {
                    int z = c0[k];
                    float best = Float.NEGATIVE_INFINITY;
                    int arg = 0;
                    for (int h = 0; h < c2.length; h++) {
                        float v = prev[h * c1.length + j] + trans(c2[h], y, z);
                        if (v > best) {
                            best = v;
                            arg = h;
                        }
                    }
                    d[j * c0.length + k] = best + e[k];
                    b[j * c0.length + k] = arg;
                }
            }
            delta[i] = d;
            back[i] = b;
        }
        int last = n + 1;
        int[] c1 = cand[last - 1];
        int[] c0 = cand[last];
        float best = Float.NEGATIVE_INFINITY;
        int bj = 0;
        int bk = 0;
        for (int j = 0; j < c1.length; j++) {
            for (int k = 0; k < c0.length; k++) {
                float v = delta[last][j * c0.length + k] + trans(c1[j], c0[k], boundary);
                if (v > best || (j == 0 && k == 0)) {
                    best = v;
                    bj = j;
                    bk = k;
                }
            }
        }
        int[] out = new int[n];
        int j = bj;
        int k = bk;
        for (int i = last; i >= 2; i--) {
            out[i - 2] = stateTag[cand[i][k]];
            int h = back[i][j * cand[i].length + k];
            k = j;
            j = h;
        }
        return out;
    }

    // ---- persistence ------------------------------------------------------------------------------

    /** Saves in the model container (kind {@code pos-hmm} v1, gzip body described on this class). */
    public void save(Path file) {
        ModelContainer.save(file, KIND, null, ModelContainer.Compression.GZIP, this::writeBody);
    }

    private void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(rareMax);
        out.writeInt(maxSuffix);
        out.writeInt(maxHanAffix);
        out.writeInt(tags.length);
        for (String t : tags) {
            out.writeUTF(t);
        }
        out.writeInt(specialWords.length);
        for (int j = 0; j < specialWords.length; j++) {
            out.writeUTF(specialWords[j]);
            out.writeByte(specialTags[j]);
        }
        out.writeInt(trigramIndex.length);
        int last = -1;
        for (int k = 0; k < trigramIndex.length; k++) {
            writeVarInt(out, trigramIndex[k] - last);
            writeVarInt(out, trigramCount[k]);
            last = trigramIndex[k];
        }
        out.writeInt(words.length);
        for (int w = 0; w < words.length; w++) {
            out.writeUTF(words[w]);
            out.writeByte(wordTags[w].length);
            for (int k = 0; k < wordTags[w].length; k++) {
                out.writeByte(wordTags[w][k]);
                out.writeInt(wordCounts[w][k]);
            }
        }
    }

    private static void writeVarInt(DataOutputStream out, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static int readVarInt(ModelContainer.Body body) throws IOException {
        DataInputStream in = body.in();
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw body.error("a variable-length integer longer than 5 bytes");
    }

    static HmmTagger readBody(ModelContainer.Body body) throws IOException {
        DataInputStream in = body.in();
        body.section("the HMM tagger parameters");
        int rareMax = in.readInt();
        int maxSuffix = in.readInt();
        int maxHan = in.readInt();
        body.check(rareMax >= 0 && maxSuffix >= 0 && maxSuffix <= 100 && maxHan >= 0 && maxHan <= 100,
                "parameters rareMax " + rareMax + ", maxSuffix " + maxSuffix + ", maxHanAffix " + maxHan
                        + " out of range");
        body.section("the tag set");
        int nt = in.readInt();
        body.check(nt >= 1 && nt <= 255, "tag count " + nt + ", expected 1 to 255");
        String[] tags = new String[nt];
        for (int t = 0; t < nt; t++) {
            tags[t] = in.readUTF();
        }
        body.section("the specialized states");
        int ns = in.readInt();
        body.check(ns >= 0 && ns <= MAX_SPECIAL_STATES, "specialized state count " + ns + ", expected 0 to "
                + MAX_SPECIAL_STATES);
        String[] sw = new String[ns];
        int[] st = new int[ns];
        for (int j = 0; j < ns; j++) {
            sw[j] = in.readUTF();
            st[j] = in.readUnsignedByte();
            body.check(st[j] < nt, "specialized state " + j + " has tag index " + st[j] + ", expected < " + nt);
        }
        body.section("the tag trigram counts");
        int s = nt + ns + 1;
        int cellCount = s * s * s;
        int nonZero = in.readInt();
        body.check(nonZero >= 0 && nonZero <= cellCount, "trigram count " + nonZero + ", expected 0 to " + cellCount);
        body.count(nonZero, 2, "trigram record"); // two varints of one byte at least
        int[] cells = new int[nonZero];
        int[] counts = new int[nonZero];
        int at = -1;
        for (int i = 0; i < nonZero; i++) {
            int gap = readVarInt(body);
            int f = readVarInt(body);
            body.check(gap > 0 && (long) at + gap < cellCount && f > 0, "trigram record " + i
                    + " is out of order or range, or its count is not positive");
            at += gap;
            cells[i] = at;
            counts[i] = f;
        }
        body.section("the word count");
        int nw = in.readInt();
        body.check(nw >= 0, "word count " + nw + ", expected >= 0");
        body.count(nw, 8, "word record");   // UTF length, tag count, one tag and its count at least
        String[] words = new String[nw];
        int[][] wt = new int[nw][];
        int[][] wc = new int[nw][];
        for (int w = 0; w < nw; w++) {
            if ((w & 0xFFFF) == 0) {
                body.section("word record", w, nw);
            }
            words[w] = in.readUTF();
            if (w > 0 && words[w].compareTo(words[w - 1]) <= 0) {
                throw body.error("word '" + words[w] + "' out of order, expected ascending words");
            }
            int n = in.readUnsignedByte();
            body.check(n >= 1, "word '" + words[w] + "' has no tag");
            wt[w] = new int[n];
            wc[w] = new int[n];
            for (int k = 0; k < n; k++) {
                wt[w][k] = in.readUnsignedByte();
                wc[w][k] = in.readInt();
                body.check(wt[w][k] < nt && wc[w][k] > 0, "bad tag/count for word '" + words[w] + "'");
            }
        }
        return new HmmTagger(tags, rareMax, maxSuffix, maxHan, sw, st, cells, counts, words, wt, wc);
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @throws ModelFormatException naming the file when it is empty, foreign, another kind or version,
     *                              truncated or damaged
     */
    public static HmmTagger load(Path file) {
        return ModelContainer.load(file, HmmTagger::readBody, KIND);
    }

    /** Loads from a stream (closed here); {@code source} names it in error messages. */
    public static HmmTagger load(InputStream in, String source) {
        return ModelContainer.load(in, source, HmmTagger::readBody, KIND);
    }

    /** Serialised as its {@link ModelRef}; the receiving JVM loads the model once ({@link Taggers#load(ModelRef)}). */
    private Object writeReplace() throws java.io.ObjectStreamException {
        ModelRef r = ref;
        return ModelCache.proxyOf("HmmTagger", r, () -> Taggers.load(r));
    }

    @Override
    public String toString() {
        return String.format("HmmTagger[%d tags, %d specialized states, %d words, lambdas %.3f/%.3f/%.3f]",
                tags.length, specialWords.length, words.length, lambda[0], lambda[1], lambda[2]);
    }
}
