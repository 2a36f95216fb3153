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
 * <p>Immutable and thread-safe: every call works on its own buffers. Trained by {@link PerceptronTrainer};
 * saved in the {@link ModelContainer} as kind {@code pos-perceptron}, format version 1, gzip body:
 *
 * <pre>
 * int   feature template version ({@link Features#VERSION})
 * bool  stacked: when true, a first stage (the layout below) precedes the model's own stage
 * int   T, then T tags (writeUTF), in index order
 * int   D, then D tag-dictionary entries: word (writeUTF), tag index (unsigned byte)
 * int   F, then F features in ascending key order: long key, unsigned byte n, n x (byte tag, float weight)
 * </pre>
 */
public final class PerceptronTagger implements Tagger, java.io.Serializable {

    static final ModelContainer.Kind KIND = new ModelContainer.Kind("pos-perceptron", 1);

    private final String[] tags;
    private final Map<String, Integer> tagDictionary;
    /** Open addressing: slot s holds the key at 2s and its entries' span (start << 32 | end) at 2s + 1. */
    private final long[] table;
    private final int[] rowStart;
    private final byte[] entryTag;
    private final float[] entryWeight;
    private final int mask;
    private final int beam;
    /** The first stage of a stacked model (its tags of the next words are features here), or null. */
    private final PerceptronTagger first;
    /** Where this model was loaded from, when it can ship by reference (Java serialisation); else null. */
    volatile ModelRef ref;

    /** Sorted feature keys, and per key its entries. */
    PerceptronTagger(String[] tags, Map<String, Integer> tagDictionary, long[] sortedKeys, int[] rowStart,
            byte[] entryTag, float[] entryWeight, int beam, PerceptronTagger first) {
        this.first = first;
        if (tags.length == 0 || tags.length > 255) {
            throw new IllegalArgumentException("tag set size must be 1-255, got " + tags.length);
        }
        this.tags = tags;
        this.tagDictionary = Map.copyOf(tagDictionary);
        this.rowStart = rowStart;
        this.entryTag = entryTag;
        this.entryWeight = entryWeight;
        this.beam = beam;
        int cap = Integer.highestOneBit(Math.max(4, sortedKeys.length * 2 - 1)) << 1;
        this.table = new long[2 * cap];
        this.mask = cap - 1;
        for (int r = 0; r < sortedKeys.length; r++) {
            int s = (int) sortedKeys[r] & mask;
            while (table[2 * s] != 0) {
                s = (s + 1) & mask;
            }
            table[2 * s] = sortedKeys[r];
            table[2 * s + 1] = ((long) rowStart[r] << 32) | rowStart[r + 1];
        }
    }

    private PerceptronTagger(PerceptronTagger m, int beam) {
        this.first = m.first;
        this.tags = m.tags;
        this.tagDictionary = m.tagDictionary;
        this.table = m.table;
        this.rowStart = m.rowStart;
        this.entryTag = m.entryTag;
        this.entryWeight = m.entryWeight;
        this.mask = m.mask;
        this.beam = beam;
        this.ref = m.ref;
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
        for (int s = 0; s < table.length; s += 2) {
            if (table[s] != 0) {
                sorted[n++] = table[s];
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
        float[] ew = new float[entryTag.length];
        int nk = 0;
        int e = 0;
        for (long key : order) {
            int r = rowOf.get(key);
            int from = e;
            for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
                if (Math.abs(entryWeight[k]) > minMagnitude) {
                    et[e] = entryTag[k];
                    ew[e++] = entryWeight[k];
                }
            }
            if (e > from) {
                kept[nk++] = key;
                starts[nk] = e;
            }
        }
        return new PerceptronTagger(tags, tagDictionary, Arrays.copyOf(kept, nk), Arrays.copyOf(starts, nk + 1),
                Arrays.copyOf(et, e), Arrays.copyOf(ew, e), beam, f);
    }

    /** Whether this is a stacked (two-stage) model. */
    public boolean stacked() {
        return first != null;
    }

    public int tagDictionarySize() {
        return tagDictionary.size();
    }

    private void add(long key, float[] scores) {
        if (key == 0) {
            return;
        }
        long[] tb = table;
        int s = (int) key & mask;
        long k;
        while ((k = tb[2 * s]) != 0) {
            if (k == key) {
                long span = tb[2 * s + 1];
                for (int e = (int) (span >>> 32), end = (int) span; e < end; e++) {
                    scores[entryTag[e] & 0xFF] += entryWeight[e];
                }
                return;
            }
            s = (s + 1) & mask;
        }
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

    /** Tag indices of {@code words}. */
    int[] tagIndices(String[] words) {
        int n = words.length;
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        long[] stat = new long[n * Features.STRIDE];
        Features.Words w = Features.words(words, stat);
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
        return beamSearch(words, stat, w, out);
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

    private int[] beamSearch(String[] words, long[] stat, Features.Words w, int[] out) {
        int n = words.length;
        int nt = tags.length;
        // A hypothesis: its last two tags, score and back-pointer into the previous step's arrays.
        int[][] histTag = new int[n][];
        int[][] histBack = new int[n][];
        int[] p1 = {-1};
        int[] p2 = {-1};
        double[] score = {0};
        float[] base = new float[nt];
        float[] scores = new float[nt];
        long[] dyn = new long[Features.DYNAMIC];
        for (int i = 0; i < n; i++) {
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
            Integer[] order = new Integer[c];
            for (int k = 0; k < c; k++) {
                order[k] = k;
            }
            Arrays.sort(order, (a, b) -> Double.compare(cScore[b], cScore[a]));
            int keep = Math.min(beam, c);
            int[] np1 = new int[keep];
            int[] np2 = new int[keep];
            double[] ns = new double[keep];
            histTag[i] = new int[keep];
            histBack[i] = new int[keep];
            for (int k = 0; k < keep; k++) {
                int j = order[k];
                np1[k] = cTag[j];
                np2[k] = p1[cBack[j]];
                ns[k] = cScore[j];
                histTag[i][k] = cTag[j];
                histBack[i][k] = cBack[j];
            }
            p1 = np1;
            p2 = np2;
            score = ns;
        }
        int h = 0;
        for (int i = n - 1; i >= 0; i--) {
            out[i] = histTag[i][h];
            h = histBack[i][h];
        }
        return out;
    }

    // ---- persistence ------------------------------------------------------------------------------

    /** Saves in the model container (kind {@code pos-perceptron} v1, gzip body described on this class). */
    public void save(Path file) {
        ModelContainer.save(file, KIND, null, ModelContainer.Compression.GZIP, this::writeBody);
    }

    private void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(Features.VERSION);
        out.writeBoolean(first != null);
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
        long[] sorted = sortedKeys();
        out.writeInt(sorted.length);
        for (int r = 0; r < sorted.length; r++) {
            out.writeLong(sorted[r]);
            int from = rowStart[r];
            int to = rowStart[r + 1];
            out.writeByte(to - from);
            for (int e = from; e < to; e++) {
                out.writeByte(entryTag[e]);
                out.writeFloat(entryWeight[e]);
            }
        }
    }

    static PerceptronTagger readBody(ModelContainer.Body body) throws IOException {
        DataInputStream in = body.in();
        body.section("the feature template version");
        int version = in.readInt();
        if (version != Features.VERSION) {
            throw body.error("feature template version " + version + ", this build computes version "
                    + Features.VERSION);
        }
        body.section("the stage flag");
        boolean stacked = in.readBoolean();
        PerceptronTagger first = stacked ? readStage(body, null) : null;
        return readStage(body, first);
    }

    private static PerceptronTagger readStage(ModelContainer.Body body, PerceptronTagger first) throws IOException {
        DataInputStream in = body.in();
        String stage = first == null ? "" : "second-stage ";
        body.section("the " + stage + "tag set");
        int nt = in.readInt();
        body.check(nt >= 1 && nt <= 255, "tag count " + nt + ", expected 1 to 255");
        String[] tags = new String[nt];
        for (int t = 0; t < nt; t++) {
            tags[t] = in.readUTF();
        }
        body.section("the tag dictionary");
        int nd = in.readInt();
        body.check(nd >= 0, "tag dictionary size " + nd + ", expected >= 0");
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
        long[] sorted = new long[nf];
        int[] rowStart = new int[nf + 1];
        byte[] et = new byte[Math.max(16, nf * 4)];
        float[] ew = new float[et.length];
        int e = 0;
        long prev = Long.MIN_VALUE;
        for (int r = 0; r < nf; r++) {
            if ((r & 0xFFFF) == 0) {
                body.section("feature record", r, nf);
            }
            long key = in.readLong();
            if (key == 0 || (r > 0 && key <= prev)) {
                throw body.error("feature key " + key + " is zero or out of order, expected ascending non-zero keys");
            }
            prev = key;
            sorted[r] = key;
            int n = in.readUnsignedByte();
            if (e + n > et.length) {
                et = Arrays.copyOf(et, Math.max(e + n, et.length * 2));
                ew = Arrays.copyOf(ew, et.length);
            }
            for (int k = 0; k < n; k++) {
                et[e] = in.readByte();
                body.check((et[e] & 0xFF) < nt, "tag index " + (et[e] & 0xFF) + ", expected < " + nt);
                ew[e++] = in.readFloat();
            }
            rowStart[r + 1] = e;
        }
        if (first != null && !first.tagSet().equals(List.of(tags))) {
            throw body.error("the two stages have different tag sets");
        }
        return new PerceptronTagger(tags, dict, sorted, rowStart, Arrays.copyOf(et, e), Arrays.copyOf(ew, e), 1, first);
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
