package org.classicnlp.segment;

import org.classicnlp.core.CharClass;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.ModelFormatException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Sentence;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.CharNormalizer;

/**
 * A first-order hidden Markov model over character tags B (begin), M (middle), E (end) and S (single
 * character word): start, transition and emission log-probabilities. Immutable and thread-safe;
 * {@link #train} builds one from a segmented corpus, {@link #save}/{@link #load} store it.
 *
 * <p>Training looks only at runs of Han characters (width-folded, so {@code Ａ} and {@code A} are one
 * symbol): a word that is not all Han, such as a number or punctuation, ends the run, exactly as such
 * atoms end a run when segmenting. Transitions are constrained to the legal ones (B→M/E, M→M/E,
 * E→B/S, S→B/S; a run starts with B or S and ends with E or S).
 *
 * <p>Emissions are add-α smoothed ({@code (count(s,c) + α) / (count(s) + α·V + u(s))}, V = characters
 * seen in training). Characters never seen in training share the mass {@code u(s) = α + N1(s)}, N1(s)
 * being the number of characters seen exactly once in state s (Good–Turing: rare characters predict
 * the behaviour of unseen ones, which mostly occur inside names and transliterations), spread evenly
 * over the CJK ideographs not seen. Transitions and starts get add-one over the legal moves only, so a
 * small corpus never makes a legal move impossible.
 *
 * <p>Body of the model file ({@link ModelContainer} kind {@code hmm}, version 1, gzip): {@code float[4]} log start
 * (B, M, E, S), {@code float[16]} log transitions (from·4+to), {@code int V}, then V records
 * {@code (char c, float[4] log emission)} in ascending char order, then {@code float[4]} log
 * emission of an unseen character.
 */
public final class HmmModel {

    static final int B = 0;
    static final int M = 1;
    static final int E = 2;
    static final int S = 3;
    /** Default add-α constant for emissions. */
    public static final double DEFAULT_SMOOTHING = 0.5;

    private static final float NEG_INF = Float.NEGATIVE_INFINITY;
    /** CJK Unified Ideographs in the basic block: the inventory unseen characters are drawn from. */
    private static final int UNSEEN_TYPES = 20_992;

    private final float[] logStart;
    private final float[] logTrans;
    private final char[] chars;
    /** Row r (4 floats): emission log-probs of symbol r; row 0 is the unseen character. */
    private final float[] logEmit;
    /** char → emission row; 0 for unseen chars. */
    private final char[] row;

    private HmmModel(float[] logStart, float[] logTrans, char[] chars, float[] logEmit) {
        if (chars.length >= 0xFFFF) {
            throw new IllegalArgumentException("too many distinct characters: " + chars.length);
        }
        this.logStart = logStart;
        this.logTrans = logTrans;
        this.chars = chars;
        this.logEmit = logEmit;
        this.row = new char[1 << 16];
        for (int k = 0; k < chars.length; k++) {
            row[chars[k]] = (char) (k + 1);
        }
        // Illegal moves are impossible whatever the counts said.
        logStart[M] = NEG_INF;
        logStart[E] = NEG_INF;
        for (int from = 0; from < 4; from++) {
            for (int to = 0; to < 4; to++) {
                if (!legal(from, to)) {
                    logTrans[from * 4 + to] = NEG_INF;
                }
            }
        }
    }

    static boolean legal(int from, int to) {
        boolean closed = from == E || from == S;
        boolean opens = to == B || to == S;
        return closed == opens;
    }

    /** Trains with the default smoothing. */
    public static HmmModel train(Corpus<Sentence> corpus) {
        return train(corpus, DEFAULT_SMOOTHING);
    }

    /**
     * Trains on a segmented corpus ({@link org.classicnlp.core.Corpora#sighan} or
     * {@link org.classicnlp.core.Corpora#peoplesDaily}) in one pass.
     *
     * @param smoothing add-α constant for emissions, &gt; 0
     */
    public static HmmModel train(Corpus<Sentence> corpus, double smoothing) {
        Counts counts = new Counts();
        corpus.forEach(s -> counts.add(s.tokens()));
        return counts.model(smoothing);
    }

    /** Tag counts of one training pass; also used by {@link HybridModel} so both learn in one pass. */
    static final class Counts {
        final long[] start = new long[4];
        final long[] trans = new long[16];
        final int[] emit = new int[4 << 16];
        long sentences;

        void add(List<Token> words) {
            sentences++;
            int prev = -1;
            for (Token t : words) {
                String w = t.text();
                int len = w.length();
                boolean han = len > 0;
                for (int i = 0; i < len && han; i++) {
                    han = CharClass.of(CharNormalizer.foldWidth(w.charAt(i))) == CharClass.HAN;
                }
                if (!han) {
                    prev = -1;
                    continue;
                }
                for (int i = 0; i < len; i++) {
                    int tag = len == 1 ? S : i == 0 ? B : i == len - 1 ? E : M;
                    char c = CharNormalizer.foldWidth(w.charAt(i));
                    emit[(tag << 16) | c]++;
                    if (prev < 0) {
                        start[tag]++;
                    } else {
                        trans[prev * 4 + tag]++;
                    }
                    prev = tag;
                }
            }
        }

        HmmModel model(double alpha) {
            if (!(alpha > 0)) {
                throw new IllegalArgumentException("smoothing must be > 0, was " + alpha);
            }
            float[] logStart = new float[4];
            long startTotal = Arrays.stream(start).sum();
            if (startTotal == 0) {
                throw new IllegalArgumentException("the training corpus has no word made only of Han characters"
                        + " (words with any other character, such as punctuation attached to a word, are skipped:"
                        + " is the corpus segmented, with words separated by spaces?)");
            }
            logStart[B] = logRatio(start[B] + 1, start[B] + start[S] + 2);
            logStart[S] = logRatio(start[S] + 1, start[B] + start[S] + 2);
            float[] logTrans = new float[16];
            for (int from = 0; from < 4; from++) {
                long total = 0;
                for (int to = 0; to < 4; to++) {
                    total += legal(from, to) ? trans[from * 4 + to] + 1 : 0;
                }
                for (int to = 0; to < 4; to++) {
                    logTrans[from * 4 + to] = legal(from, to) ? logRatio(trans[from * 4 + to] + 1, total) : NEG_INF;
                }
            }
            int v = 0;
            for (int c = 0; c < 1 << 16; c++) {
                if (emit[c] + emit[(1 << 16) | c] + emit[(2 << 16) | c] + emit[(3 << 16) | c] > 0) {
                    v++;
                }
            }
            char[] chars = new char[v];
            for (int c = 0, k = 0; c < 1 << 16; c++) {
                if (emit[c] + emit[(1 << 16) | c] + emit[(2 << 16) | c] + emit[(3 << 16) | c] > 0) {
                    chars[k++] = (char) c;
                }
            }
            float[] logEmit = new float[(v + 1) * 4];
            for (int s = 0; s < 4; s++) {
                long total = 0;
                long hapax = 0;
                for (int c = 0; c < 1 << 16; c++) {
                    int n = emit[(s << 16) | c];
                    total += n;
                    if (n == 1) {
                        hapax++;
                    }
                }
                double unseen = alpha + hapax;
                double denominator = total + alpha * v + unseen;
                logEmit[s] = (float) (Math.log(unseen / denominator) - Math.log(Math.max(1, UNSEEN_TYPES - v)));
                for (int k = 0; k < v; k++) {
                    logEmit[(k + 1) * 4 + s] = (float) Math.log((emit[(s << 16) | chars[k]] + alpha) / denominator);
                }
            }
            return new HmmModel(logStart, logTrans, chars, logEmit);
        }

        private static float logRatio(long n, long total) {
            return org.classicnlp.core.LogProbs.logRatio(n, total);
        }
    }

    /** Number of distinct characters seen in training. */
    public int characters() {
        return chars.length;
    }

    /** Log-probability of emitting {@code c} (width-folded) in state {@code tag} (0 B, 1 M, 2 E, 3 S). */
    public double logEmission(int tag, char c) {
        return logEmit[row[CharNormalizer.foldWidth(c)] * 4 + tag];
    }

    public double logStart(int tag) {
        return logStart[tag];
    }

    public double logTransition(int from, int to) {
        return logTrans[from * 4 + to];
    }

    /** Reusable Viterbi buffers for one thread. */
    static final class Work {
        byte[] back = new byte[256];
        byte[] tags = new byte[64];
        float[] emit = new float[256];

        void ensure(int len) {
            if (back.length < len * 4) {
                back = new byte[Math.max(len * 4, back.length * 2)];
                emit = new float[back.length];
            }
            if (tags.length < len) {
                tags = new byte[Math.max(len, tags.length * 2)];
            }
        }
    }

    /**
     * The most probable tag sequence of the Han characters {@code folded[from, to)} (log-space Viterbi);
     * fills {@code work.tags[0, to - from)}.
     */
    void tag(char[] folded, int from, int to, Work work) {
        int len = to - from;
        work.ensure(len);
        float[] em = work.emit;
        float[] emit = logEmit;
        for (int t = 0; t < len; t++) {
            System.arraycopy(emit, row[folded[from + t]] * 4, em, t * 4, 4);
        }
        em[B] += logStart[B];
        em[S] += logStart[S];
        BmesViterbi.decode(em, logTrans, len, work.back, work.tags);
    }

    /**
     * Segments the Han run {@code folded[from, to)} and appends the word spans to {@code spans}
     * (pairs of offsets) from pair index {@code count}; returns the new count.
     */
    int cut(char[] folded, int from, int to, int[] spans, int count, Work work) {
        tag(folded, from, to, work);
        byte[] tags = work.tags;
        int start = from;
        for (int t = 0; t < to - from; t++) {
            byte tag = tags[t];
            if (tag == E || tag == S) {
                spans[2 * count] = start;
                spans[2 * count + 1] = from + t + 1;
                count++;
                start = from + t + 1;
            }
        }
        return count;
    }

    // ---- persistence ----------------------------------------------------------------------------

    /** Model-file kind of an HMM ({@link ModelContainer}, gzip body). */
    static final ModelContainer.Kind KIND = new ModelContainer.Kind("hmm", 1);

    /** Saves in the {@link ModelContainer} (kind {@code hmm}, version 1) with the body described on this class. */
    public void save(Path file) {
        ModelContainer.save(file, KIND, null, ModelContainer.Compression.GZIP, this::writeBody);
    }

    void writeBody(DataOutputStream out) throws IOException {
        for (float f : logStart) {
            out.writeFloat(f);
        }
        for (float f : logTrans) {
            out.writeFloat(f);
        }
        out.writeInt(chars.length);
        for (int k = 0; k < chars.length; k++) {
            out.writeChar(chars[k]);
            for (int s = 0; s < 4; s++) {
                out.writeFloat(logEmit[(k + 1) * 4 + s]);
            }
        }
        for (int s = 0; s < 4; s++) {
            out.writeFloat(logEmit[s]);
        }
    }

    static HmmModel readBody(ModelContainer.Body body) throws IOException {
        DataInputStream in = body.in();
        body.section("the HMM start and transition log-probabilities");
        float[] logStart = new float[4];
        for (int i = 0; i < 4; i++) {
            logStart[i] = in.readFloat();
        }
        float[] logTrans = new float[16];
        for (int i = 0; i < 16; i++) {
            logTrans[i] = in.readFloat();
        }
        body.section("the HMM character count");
        int v = in.readInt();
        if (v < 0 || v >= 0xFFFF) {
            throw body.error("character count " + v + ", expected 0 to 65534");
        }
        char[] chars = new char[v];
        float[] logEmit = new float[(v + 1) * 4];
        int prev = -1;
        for (int k = 0; k < v; k++) {
            body.section("HMM emission record", k, v);
            chars[k] = in.readChar();
            if (chars[k] <= prev) {
                throw body.error("character U+" + Integer.toHexString(chars[k]) + " out of order, expected ascending chars");
            }
            prev = chars[k];
            for (int s = 0; s < 4; s++) {
                logEmit[(k + 1) * 4 + s] = in.readFloat();
            }
        }
        body.section("the HMM unseen-character emissions");
        for (int s = 0; s < 4; s++) {
            logEmit[s] = in.readFloat();
        }
        return new HmmModel(logStart, logTrans, chars, logEmit);
    }

    /**
     * Loads a model saved by {@link #save} (the HMM of a hybrid model file is accepted too).
     *
     * @throws ModelFormatException naming the file if it is empty, foreign, of another kind or version,
     *                              truncated or damaged
     */
    public static HmmModel load(Path file) {
        return ModelContainer.load(file, HmmModel::readAny, KIND, HybridModel.KIND);
    }

    /** Loads from a stream (closed here); {@code source} names it in error messages. */
    public static HmmModel load(InputStream in, String source) {
        return ModelContainer.load(in, source, HmmModel::readAny, KIND, HybridModel.KIND);
    }

    private static HmmModel readAny(ModelContainer.Body body) throws IOException {
        HmmModel hmm = readBody(body);
        if (body.kind().equals(HybridModel.KIND.tag())) {
            HybridModel.skipWords(body);
        }
        return hmm;
    }

    /** Classpath resource of the shipped default model. */
    static final String DEFAULT_RESOURCE = "/org/classicnlp/models/hmm-pd98-199801.bin";

    private static final class DefaultHolder {
        static final HmmModel INSTANCE = loadResource(DEFAULT_RESOURCE);
    }

    /**
     * The shipped model, trained on People's Daily 1998 January (see {@code models/README.md}); loaded
     * once from the classpath and shared (it is immutable).
     */
    public static HmmModel defaultModel() {
        return DefaultHolder.INSTANCE;
    }

    static HmmModel loadResource(String resource) {
        InputStream in = HmmModel.class.getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("classpath resource " + resource
                    + " not found (the jar was built without the models/ directory)"));
        }
        return load(in, "classpath:" + resource);
    }
}
