package org.classicnlp.segment;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.lexicon.Lexicon;

/**
 * Segmentation by character (unit) B/M/E/S tagging with an averaged structured perceptron and Viterbi
 * decoding over the features of {@link PerceptronFeatures}: character n-grams in a window of five, character
 * types, and dictionary matches (the longest dictionary word starting at, ending at, covering each
 * position). Units are the atoms of {@link Atoms}, so an English word, number or URL is never cut, and white
 * space is never a token. Trained by {@link PerceptronSegmenterTrainer}; {@link #defaultModel()} is the
 * shipped model trained on People's Daily 1998 January. Immutable and thread-safe.
 *
 * <p>Body of the model file ({@link ModelContainer} kind {@code perceptron-seg}, version 1, gzip): {@code int}
 * character count and the characters (ascending {@code char}s); the dictionary ({@code int} count, then
 * UTF words in ascending order); the bigram, skip-bigram and trigram keys (each: {@code int} count, then the
 * ascending keys as unsigned LEB128 deltas); {@code float} scale and {@code int} weight count, then every
 * feature weight as a {@code short} (weight = short × scale); {@code float[16]} transition weights
 * (from·4+to, B M E S).
 */
public final class PerceptronSegmenter extends SpanSegmenter {

    static final ModelContainer.Kind KIND = new ModelContainer.Kind("perceptron-seg", 1);
    /** Classpath resource of the shipped model. */
    static final String DEFAULT_RESOURCE = "/org/classicnlp/models/perceptron-pd98-199801.bin";

    private static final float NEG = -1e30f;

    private final PerceptronFeatures features;
    private final float[] weights;
    private final float[] transitions;
    private final boolean t2s;

    PerceptronSegmenter(PerceptronFeatures features, float[] weights, float[] transitions, boolean t2s) {
        this.features = features;
        this.weights = weights;
        this.transitions = transitions;
        this.t2s = t2s;
        if (weights.length != features.size || transitions.length != 16) {
            throw new IllegalArgumentException("weights do not fit the feature index");
        }
    }

    /**
     * The same model with Traditional characters read as Simplified (or not); tokens keep the original
     * characters and offsets.
     */
    public PerceptronSegmenter traditionalToSimplified(boolean on) {
        return on == t2s ? this : new PerceptronSegmenter(features, weights, transitions, on);
    }

    /** Whether Traditional characters are looked up as Simplified. */
    public boolean traditionalToSimplified() {
        return t2s;
    }

    /**
     * The same weights with {@code words} added to the dictionary of the match features, so a user's
     * words (names, terms) are preferred as words.
     */
    public PerceptronSegmenter withDictionary(Lexicon words) {
        Objects.requireNonNull(words, "words");
        Lexicon merged = features.dictionary.size() == 0 ? words : features.dictionary.merge(words);
        PerceptronFeatures f = new PerceptronFeatures(features.chars, features.bigramKeys, features.skipKeys,
                features.trigramKeys, merged);
        return new PerceptronSegmenter(f, weights, transitions, t2s);
    }

    /** The dictionary of the match features. */
    Lexicon dictionary() {
        return features.dictionary;
    }

    /** Number of words in the dictionary of the match features. */
    public int dictionarySize() {
        return features.dictionary.size();
    }

    /** Number of feature weights (for reports: the model's size in memory is 4 bytes each). */
    public int weightCount() {
        return weights.length;
    }

    @Override
    MaxMatch.Work work(String text) {
        return new MaxMatch.Work(text, t2s);
    }

    /** Working arrays of the calling thread (reused: segmenting allocates nothing per character). */
    private static final ThreadLocal<PerceptronFeatures.Units> UNITS =
            ThreadLocal.withInitial(PerceptronFeatures.Units::new);

    @Override
    int spans(MaxMatch.Work w, int[] spans) {
        // A huge text gets arrays of its own, so a thread does not keep them after it.
        PerceptronFeatures.Units u = w.n <= 1 << 16 ? UNITS.get() : new PerceptronFeatures.Units();
        int n = features.units(w, u);
        int count = 0;
        int from = 0;
        while (from < n) {
            int to = PerceptronFeatures.chunkEnd(u, from);
            tag(w, u, from, to);
            int start = u.start[from];
            for (int k = from; k < to; k++) {
                byte t = u.tags[k - from];
                if (t == PerceptronFeatures.E || t == PerceptronFeatures.S) {
                    spans[2 * count] = start;
                    spans[2 * count + 1] = u.end[k];
                    count++;
                    if (k + 1 < to) {
                        start = u.start[k + 1];
                    }
                }
            }
            from = to;
        }
        return count;
    }

    /** Tags the units {@code [from, to)} (one chunk) into {@code u.tags[0, to - from)}. */
    void tag(MaxMatch.Work w, PerceptronFeatures.Units u, int from, int to) {
        features.dictionary(w, u, from, to);
        features.slots(u, from, to);
        decode(features, weights, transitions, u, from, to);
    }

    /** Emission scores from the slots, then Viterbi; tags land in {@code u.tags[0, to - from)}. */
    static void decode(PerceptronFeatures features, float[] w, float[] tr, PerceptronFeatures.Units u, int from,
            int to) {
        decode(w, tr, u.slots, u.code, u.single, from, to - from, u.emit, u.back, u.tags);
    }

    /**
     * Emission scores of {@code n} positions from their slots ({@code code[codeFrom + i]} the unit codes),
     * then Viterbi into {@code tags[0, n)}; {@code em} and {@code back} are scratch of 4n. Units marked in
     * {@code single} (sentence punctuation, see {@link PerceptronFeatures.Units#single}; null in training) are
     * words of their own: People's Daily, written with full-width marks, taught the model nothing of "village.".
     */
    static void decode(float[] w, float[] tr, int[] s, int[] code, boolean[] single, int codeFrom, int n, float[] em,
            byte[] back, byte[] tags) {
        for (int i = 0; i < n; i++) {
            float b = 0;
            float m = 0;
            float e = 0;
            float x = 0;
            int o = i * PerceptronFeatures.SLOTS;
            for (int k = 0; k < PerceptronFeatures.SLOTS; k++) {
                int off = s[o + k];
                if (off >= 0) {
                    b += w[off];
                    m += w[off + 1];
                    e += w[off + 2];
                    x += w[off + 3];
                }
            }
            if (code[codeFrom + i] == PerceptronFeatures.OTHER || single != null && single[codeFrom + i]) {
                // an emoji sequence or other symbol atom, or an ASCII punctuation mark, is always a word of its own
                b = NEG;
                m = NEG;
                e = NEG;
            }
            em[i * 4] = b;
            em[i * 4 + 1] = m;
            em[i * 4 + 2] = e;
            em[i * 4 + 3] = x;
        }
        BmesViterbi.decode(em, tr, n, back, tags);
    }

    // ---- equality (for the save/load round trip) -------------------------------------------------

    /** Same characters, dictionary words, n-gram keys, weights and transitions. */
    public boolean sameModel(PerceptronSegmenter other) {
        if (!Arrays.equals(features.chars, other.features.chars)
                || !Arrays.equals(features.bigramKeys, other.features.bigramKeys)
                || !Arrays.equals(features.skipKeys, other.features.skipKeys)
                || !Arrays.equals(features.trigramKeys, other.features.trigramKeys)
                || !Arrays.equals(weights, other.weights) || !Arrays.equals(transitions, other.transitions)
                || features.dictionary.size() != other.features.dictionary.size()) {
            return false;
        }
        for (String word : sortedWords(features.dictionary)) {
            if (!other.features.dictionary.contains(word)) {
                return false;
            }
        }
        return true;
    }

    // ---- persistence ----------------------------------------------------------------------------

    /** Saves in the {@link ModelContainer} (kind {@code perceptron-seg}, version 1) as described on this class. */
    public void save(Path file) {
        ModelContainer.save(file, KIND, null, ModelContainer.Compression.GZIP, this::writeBody);
    }

    private static List<String> sortedWords(Lexicon l) {
        List<String> words = new ArrayList<>(l.size());
        for (int id = 0; id < l.size(); id++) {
            words.add(l.word(id));
        }
        words.sort(null);
        return words;
    }

    private void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(features.chars.length);
        for (char c : features.chars) {
            out.writeChar(c);
        }
        List<String> words = sortedWords(features.dictionary);
        out.writeInt(words.size());
        for (String word : words) {
            out.writeUTF(word);
        }
        writeKeys(out, features.bigramKeys);
        writeKeys(out, features.skipKeys);
        writeKeys(out, features.trigramKeys);
        float scale = scale(weights);
        out.writeFloat(scale);
        out.writeInt(weights.length);
        for (float v : weights) {
            out.writeShort(Math.round(v / scale));
        }
        for (float v : transitions) {
            out.writeFloat(v);
        }
    }

    /** The quantization step of {@code w}: the largest magnitude maps to 32767. */
    static float scale(float[] w) {
        float max = 0;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
        }
        return max == 0 ? 1f : max / 32767f;
    }

    /** {@code w} rounded to the stored 16-bit grid, so a trained model equals its saved and loaded copy. */
    static float[] quantized(float[] w) {
        float scale = scale(w);
        float[] q = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            q[i] = (short) Math.round(w[i] / scale) * scale;
        }
        return q;
    }

    private static void writeKeys(DataOutputStream out, long[] keys) throws IOException {
        out.writeInt(keys.length);
        long prev = -1;
        for (long k : keys) {
            long d = k - prev;
            while ((d & ~0x7FL) != 0) {
                out.writeByte((int) ((d & 0x7F) | 0x80));
                d >>>= 7;
            }
            out.writeByte((int) d);
            prev = k;
        }
    }

    private static long[] readKeys(ModelContainer.Body body, String what) throws IOException {
        DataInputStream in = body.in();
        body.section(what + " keys");
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw body.error(what + " key count " + n + ", expected 0 to " + (1 << 28));
        }
        long[] keys = new long[body.count(n, 1, what + " key")];
        long prev = -1;
        for (int i = 0; i < n; i++) {
            long d = 0;
            int shift = 0;
            int b;
            do {
                b = in.readUnsignedByte();
                d |= (long) (b & 0x7F) << shift;
                shift += 7;
            } while ((b & 0x80) != 0 && shift < 64);
            if (d <= 0) {
                throw body.error(what + " key " + i + " not above the one before, expected ascending keys");
            }
            prev += d;
            keys[i] = prev;
        }
        return keys;
    }

    private static PerceptronSegmenter readBody(ModelContainer.Body body) throws IOException {
        DataInputStream in = body.in();
        body.section("the character table");
        int nc = in.readInt();
        if (nc < 0 || nc >= 0xFFFF - PerceptronFeatures.FIRST_CHAR) {
            throw body.error("character count " + nc + ", expected 0 to " + (0xFFFF - PerceptronFeatures.FIRST_CHAR - 1));
        }
        char[] chars = new char[nc];
        for (int i = 0; i < nc; i++) {
            chars[i] = in.readChar();
            if (i > 0 && chars[i] <= chars[i - 1]) {
                throw body.error("character U+" + Integer.toHexString(chars[i]) + " out of order, expected ascending");
            }
        }
        body.section("the dictionary");
        int nw = in.readInt();
        if (nw < 0) {
            throw body.error("dictionary size " + nw + ", expected >= 0");
        }
        Lexicon.Builder dict = new Lexicon.Builder(body.count(nw, 3, "dictionary word"), true);
        for (int i = 0; i < nw; i++) {
            dict.add(in.readUTF(), 1);
        }
        long[] bigrams = readKeys(body, "bigram");
        long[] skips = readKeys(body, "skip-bigram");
        long[] trigrams = readKeys(body, "trigram");
        PerceptronFeatures features = new PerceptronFeatures(chars, bigrams, skips, trigrams, dict.build("perceptron"));
        body.section("the feature weights");
        float scale = in.readFloat();
        int nwts = in.readInt();
        if (nwts != features.size) {
            throw body.error("weight count " + nwts + ", expected " + features.size + " for this feature index");
        }
        if (!(scale > 0) || Float.isInfinite(scale)) {
            throw body.error("weight scale " + scale + ", expected a positive number");
        }
        float[] w = new float[nwts];
        byte[] raw = new byte[1 << 16];
        for (int i = 0; i < nwts; ) {
            int chunk = Math.min(raw.length / 2, nwts - i);
            in.readFully(raw, 0, 2 * chunk);
            for (int k = 0; k < chunk; k++) {
                w[i + k] = (short) ((raw[2 * k] << 8) | (raw[2 * k + 1] & 0xFF)) * scale;
            }
            i += chunk;
        }
        body.section("the transition weights");
        float[] tr = new float[16];
        for (int i = 0; i < 16; i++) {
            tr[i] = in.readFloat();
        }
        return new PerceptronSegmenter(features, w, tr, false);
    }

    /**
     * Loads a model saved by {@link #save}; Traditional characters are read as written (see {@link
     * #traditionalToSimplified(boolean)}).
     *
     * @throws org.classicnlp.core.ModelFormatException naming the file if it is not such a model or is damaged
     */
    public static PerceptronSegmenter load(Path file) {
        return ModelContainer.load(file, PerceptronSegmenter::readBody, KIND);
    }

    /** Loads from a stream (closed here); {@code source} names it in error messages. */
    public static PerceptronSegmenter load(InputStream in, String source) {
        return ModelContainer.load(in, source, PerceptronSegmenter::readBody, KIND);
    }

    // ---- the standard segmenter's build-time image -----------------------------------------------

    /** Kind of the uncompressed table image the build writes for {@link #standard()}. */
    static final ModelContainer.Kind IMAGE_KIND = new ModelContainer.Kind("perceptron-img", 1);
    /** Classpath resource: the shipped model's tables, raw (written by {@link StandardImage}). */
    static final String STANDARD_TABLES = "/org/classicnlp/segment/perceptron-standard.tables";
    /** Classpath resource: its match dictionary merged with HanLP's core dictionary, a lexicon image. */
    static final String STANDARD_LEXICON = "/org/classicnlp/segment/perceptron-standard.lexicon";

    /**
     * Writes the tables of this model (not its dictionary) uncompressed, fixed-width, so they load with bulk
     * reads: characters, the three key arrays as {@code long}s, the weights as {@code short}s with their
     * scale, the transitions. The weights must lie on the 16-bit grid (as every loaded model's do): checked.
     */
    void saveImage(Path file) {
        float scale = scale(weights);
        short[] q = new short[weights.length];
        for (int i = 0; i < weights.length; i++) {
            q[i] = (short) Math.round(weights[i] / scale);
            if (q[i] * scale != weights[i]) {
                throw new IllegalStateException("weight " + i + " is not on the 16-bit grid of scale " + scale);
            }
        }
        ModelContainer.save(file, IMAGE_KIND, null, ModelContainer.Compression.NONE, out -> {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 2 * features.chars.length
                    + 12 + 8 * (features.bigramKeys.length + features.skipKeys.length + features.trigramKeys.length)
                    + 8 + 2 * q.length + 4 * 16);
            b.putInt(features.chars.length).asCharBuffer().put(features.chars);
            b.position(b.position() + 2 * features.chars.length);
            for (long[] keys : new long[][] {features.bigramKeys, features.skipKeys, features.trigramKeys}) {
                b.putInt(keys.length).asLongBuffer().put(keys);
                b.position(b.position() + 8 * keys.length);
            }
            b.putFloat(scale).putInt(q.length).asShortBuffer().put(q);
            b.position(b.position() + 2 * q.length);
            b.asFloatBuffer().put(transitions);
            out.write(b.array());
        });
    }

    /** Reads an image written by {@link #saveImage} with {@code dictionary} for the match features. */
    static PerceptronSegmenter loadImage(InputStream in, String source,
            java.util.function.Supplier<Lexicon> dictionary, boolean t2s) {
        return ModelContainer.load(in, source, new ModelContainer.BodyReader<PerceptronSegmenter>() {
            @Override
            public PerceptronSegmenter read(ModelContainer.Body body) {
                java.nio.ByteBuffer b = body.buffer();
                body.section("the character table");
                char[] chars = new char[count(body, b.getInt(), 0xFFFF, 2, "character")];
                b.asCharBuffer().get(chars);
                b.position(b.position() + 2 * chars.length);
                long[][] keys = new long[3][];
                for (int k = 0; k < 3; k++) {
                    body.section("the n-gram keys");
                    keys[k] = new long[count(body, b.getInt(), 1 << 28, 8, "key")];
                    b.asLongBuffer().get(keys[k]);
                    b.position(b.position() + 8 * keys[k].length);
                }
                body.section("the feature weights");
                float scale = b.getFloat();
                int n = count(body, b.getInt(), Integer.MAX_VALUE / 4, 2, "weight");
                short[] q = new short[n];
                b.asShortBuffer().get(q);
                b.position(b.position() + 2 * n);
                float[] w = new float[n];
                for (int i = 0; i < n; i++) {
                    w[i] = q[i] * scale;
                }
                body.section("the transition weights");
                float[] tr = new float[16];
                b.asFloatBuffer().get(tr);
                b.position(b.position() + 4 * 16);
                PerceptronFeatures f = new PerceptronFeatures(chars, keys[0], keys[1], keys[2], dictionary.get());
                if (n != f.size) {
                    throw body.error("weight count " + n + ", expected " + f.size + " for this feature index");
                }
                return new PerceptronSegmenter(f, w, tr, t2s);
            }
        }, IMAGE_KIND);
    }

    /** {@code n} checked against {@code max} and against what the rest of the body holds ({@code width} bytes each). */
    private static int count(ModelContainer.Body body, int n, int max, int width, String what) {
        if (n < 0 || n > max) {
            throw body.error(what + " count " + n + ", expected 0 to " + max);
        }
        return body.count(n, width, what);
    }

    private static final class StandardHolder {
        static final PerceptronSegmenter INSTANCE = (PerceptronSegmenter) loadStandard().builtin("standard");
    }

    /**
     * The build writes the merged dictionary and the model's tables as images ({@link StandardImage}), so
     * the start reads them in bulk and merges nothing; without them (classes straight from sources) the
     * merge runs here, as the image builder runs it.
     */
    private static PerceptronSegmenter loadStandard() {
        InputStream tables = PerceptronSegmenter.class.getResourceAsStream(STANDARD_TABLES);
        if (tables == null) {
            return mergeStandard();
        }
        java.util.concurrent.CompletableFuture<Lexicon> dictionary = java.util.concurrent.CompletableFuture
                .supplyAsync(new java.util.function.Supplier<Lexicon>() {
                    @Override
                    public Lexicon get() {
                        return org.classicnlp.lexicon.LexiconLoaders.image(PerceptronSegmenter.class, STANDARD_LEXICON);
                    }
                });
        // The lexicon is needed only at the end: the tables load meanwhile on this thread.
        return loadImage(tables, "classpath:" + STANDARD_TABLES, new java.util.function.Supplier<Lexicon>() {
            @Override
            public Lexicon get() {
                Lexicon merged = dictionary.join();
                return merged != null ? merged : mergeStandard().features.dictionary;
            }
        }, true);
    }

    /** The standard segmenter computed from the shipped model and HanLP's core dictionary (the build's merge). */
    static PerceptronSegmenter mergeStandard() {
        return defaultModel().withDictionary(org.classicnlp.lexicon.LexiconLoaders.hanlpCore());
    }

    /**
     * The standard segmenter: the shipped People's Daily 1998 model ({@link #defaultModel()}) with HanLP's
     * core dictionary added to its match features, reading Traditional characters as Simplified; loaded
     * once and shared. As {@code defaultModel().withDictionary(LexiconLoaders.hanlpCore())}.
     */
    public static PerceptronSegmenter standard() {
        return StandardHolder.INSTANCE;
    }

    private static final class DefaultHolder {
        static final PerceptronSegmenter INSTANCE = (PerceptronSegmenter) loadResource().builtin("perceptron");
    }

    private static PerceptronSegmenter loadResource() {
        InputStream in = PerceptronSegmenter.class.getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new UncheckedIOException(new IOException("classpath resource " + DEFAULT_RESOURCE
                    + " not found (the jar was built without the models/ directory)"));
        }
        return load(in, "classpath:" + DEFAULT_RESOURCE).traditionalToSimplified(true);
    }

    /**
     * The shipped model, trained on People's Daily 1998 January (see {@code models/README.md}), reading
     * Traditional characters as Simplified; loaded once from the classpath and shared.
     */
    public static PerceptronSegmenter defaultModel() {
        return DefaultHolder.INSTANCE;
    }
}
