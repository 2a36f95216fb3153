package org.classicnlp.word2vec;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.AnalyzerSpec;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.ModelFormatException;
import org.classicnlp.core.FeatureVector;
import org.classicnlp.core.TokenVocabulary;
import org.classicnlp.segment.Segmenter;

/**
 * Smooth inverse frequency embeddings (Arora, Liang &amp; Ma, "A Simple but Tough-to-Beat Baseline for
 * Sentence Embeddings", ICLR 2017): the mean of word vectors weighted by {@code a / (a + p(w))}, then
 * with the projection on the first principal component of the fitting corpus' embeddings removed.
 *
 * <p>{@link #fit} reads the corpus twice: word probabilities {@code p(w)} from its token counts (as the
 * paper estimates them from a corpus), then the weighted means, whose uncentred second-moment matrix
 * ({@code dimension²}, never the documents) gives the component by power iteration (the paper's
 * {@code TruncatedSVD(n_components=1)}, which also does not centre). Immutable and thread-safe.
 */
public final class SifEmbedder implements Embedder, TokenVocabulary, java.io.Serializable {

    /** The paper's recommended smoothing {@code a}. */
    public static final double DEFAULT_A = 1e-3;

    /** Model-file kind of a SIF embedder ({@link ModelContainer}, gzip body). */
    static final ModelContainer.Kind KIND = new ModelContainer.Kind("sif", 1);

    private final WordVectors vectors;
    private final Analyzer analyzer;
    private final Map<String, Double> probability;
    private final double a;
    private final float[] component;
    /** Output components: the vectors' dimension, or fewer after {@link #withDimensions} (then unit length). */
    private final int dimensions;
    /** Where this embedder was loaded from, when it can ship by reference (Java serialisation); else null. */
    private volatile org.classicnlp.core.ModelRef ref;

    private SifEmbedder(WordVectors vectors, Analyzer analyzer, Map<String, Double> probability,
                        double a, float[] component) {
        this(vectors, analyzer, probability, a, component, vectors.dimension());
    }

    private SifEmbedder(WordVectors vectors, Analyzer analyzer, Map<String, Double> probability,
                        double a, float[] component, int dimensions) {
        this.dimensions = dimensions;
        this.vectors = vectors;
        this.analyzer = analyzer;
        this.probability = probability;
        this.a = a;
        this.component = component;
    }

    /** Fits with {@code a = 1e-3}. */
    public static SifEmbedder fit(WordVectors vectors, Analyzer analyzer, Corpus<Document> corpus) {
        return fit(vectors, analyzer, corpus, DEFAULT_A);
    }

    /**
     * @param analyzer turns text into the words looked up in {@code vectors}
     * @param corpus documents to estimate word probabilities and the common component from (the documents
     *               to embed, or a larger corpus of the same kind)
     * @param a      smoothing; smaller values down-weight frequent words more
     */
    public static SifEmbedder fit(WordVectors vectors, Analyzer analyzer, Corpus<Document> corpus, double a) {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(analyzer, "analyzer");
        if (!(a > 0)) {
            throw new IllegalArgumentException("a must be > 0, got " + a);
        }
        Map<String, Long> counts = new HashMap<>();
        long[] total = {0};
        corpus.forEach(d -> {
            for (String w : analyzer.terms(d.text())) {
                counts.merge(w, 1L, Long::sum);
                total[0]++;
            }
        });
        if (total[0] == 0) {
            throw new IllegalArgumentException("SIF corpus has no words");
        }
        Map<String, Double> p = new HashMap<>(counts.size() * 2);
        counts.forEach((w, c) -> p.put(w, c / (double) total[0]));
        int dim = vectors.dimension();
        SifEmbedder weightsOnly = new SifEmbedder(vectors, analyzer, p, a, null);
        double[] moment = new double[dim * dim];
        corpus.forEach(d -> {
            float[] v = weightsOnly.weightedMean(d.text());
            for (int i = 0; i < dim; i++) {
                if (v[i] != 0) {
                    for (int j = 0; j < dim; j++) {
                        moment[i * dim + j] += (double) v[i] * v[j];
                    }
                }
            }
        });
        return new SifEmbedder(vectors, analyzer, p, a, firstComponent(moment, dim));
    }

    /**
     * A SIF embedder without a fitting corpus: {@code p(w)} from the vectors' own counts over
     * {@code corpusTokens} (the training corpus's token count) and the given common component (for the
     * shipped vectors, {@link PackedVectors#sifComponentOf}).
     */
    public static SifEmbedder ofCounts(WordVectors vectors, Analyzer analyzer, long corpusTokens, double a,
            float[] component) {
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(analyzer, "analyzer");
        if (!vectors.hasCounts()) {
            throw new IllegalArgumentException("the word vectors carry no counts; fit SIF on a corpus instead");
        }
        if (corpusTokens <= 0 || !(a > 0) || component.length != vectors.dimension()) {
            throw new IllegalArgumentException("need corpusTokens > 0, a > 0 and a component of dimension "
                    + vectors.dimension() + "; got " + corpusTokens + ", " + a + ", " + component.length);
        }
        Map<String, Double> p = new HashMap<>(vectors.size() * 2);
        for (int i = 0; i < vectors.size(); i++) {
            String w = vectors.word(i);
            p.put(w, vectors.count(w) / (double) corpusTokens);
        }
        return new SifEmbedder(vectors, analyzer, p, a, component.clone());
    }

    /** Leading eigenvector of a symmetric PSD matrix by power iteration (deterministic start). */
    static float[] firstComponent(double[] m, int dim) {
        double[] u = new double[dim];
        for (int i = 0; i < dim; i++) {
            u[i] = 1.0 / Math.sqrt(dim) * (1 + 0.01 * i);
        }
        for (int iter = 0; iter < 1000; iter++) {
            double[] next = new double[dim];
            for (int i = 0; i < dim; i++) {
                double s = 0;
                for (int j = 0; j < dim; j++) {
                    s += m[i * dim + j] * u[j];
                }
                next[i] = s;
            }
            double norm = 0;
            for (double x : next) {
                norm += x * x;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return new float[dim];
            }
            double diff = 0;
            for (int i = 0; i < dim; i++) {
                next[i] /= norm;
                diff += Math.abs(next[i] - u[i]);
            }
            u = next;
            if (diff < 1e-10) {
                break;
            }
        }
        float[] out = new float[dim];
        for (int i = 0; i < dim; i++) {
            out[i] = (float) u[i];
        }
        return out;
    }

    private float[] weightedMean(String text) {
        return weightedMean(TokenVocabulary.known(tokenIds(text)));
    }

    private float[] weightedMean(int[] ids) {
        float[] sum = new float[vectors.dimension()];
        for (int i : ids) {
            addWeighted(i, sum);
        }
        return mean(sum, ids.length);
    }

    private void addWeighted(int i, float[] sum) {
        double pw = probability.getOrDefault(vectors.word(i), 0.0);
        vectors.addTo(i, (float) (a / (a + pw)), sum);
    }

    private static float[] mean(float[] sum, int n) {
        if (n > 0) {
            for (int c = 0; c < sum.length; c++) {
                sum[c] /= n;
            }
        }
        return sum;
    }

    // ------------------------------------------------------------------ save / load

    /** Saves {@code a}, the word probabilities and the common component (not the vectors); see the class comment. */
    public void save(Path file) {
        ModelContainer.save(file, KIND, analyzer.spec(), ModelContainer.Compression.GZIP, out -> {
            out.writeDouble(a);
            out.writeInt(vectors.dimension());
            out.writeInt(vectors.size());
            out.writeLong(fingerprint(vectors));
            for (float f : component) {
                out.writeFloat(f);
            }
            String[] words = probability.keySet().toArray(new String[0]);
            java.util.Arrays.sort(words);
            out.writeInt(words.length);
            for (String w : words) {
                out.writeUTF(w);
                out.writeDouble(probability.get(w));
            }
        });
    }

    /**
     * Loads an embedder saved by {@link #save}, on the word vectors it was fitted on; its analyzer is
     * rebuilt from the stored {@link AnalyzerSpec}.
     *
     * @throws ModelFormatException     naming the file if it is empty, foreign, of another kind or version,
     *                                  truncated or damaged
     * @throws IllegalArgumentException if {@code vectors} are not the vectors it was fitted on, or it was
     *                                  fitted with a segmenter object (use {@link #load(Path, WordVectors, Segmenter)})
     */
    public static SifEmbedder load(Path file, WordVectors vectors) {
        return load(file, vectors, null);
    }

    /** As {@link #load(Path, WordVectors)}, with {@code segmenter} (when not null) instead of the stored name. */
    public static SifEmbedder load(Path file, WordVectors vectors, Segmenter segmenter) {
        return ModelContainer.load(file, body -> readBody(body, vectors, segmenter), KIND);
    }

    /** As {@link #load(Path, WordVectors, Segmenter)}, from a stream (closed here) named {@code source}. */
    public static SifEmbedder load(InputStream in, String source, WordVectors vectors, Segmenter segmenter) {
        return ModelContainer.load(in, source, body -> readBody(body, vectors, segmenter), KIND);
    }

    /**
     * The embedder saved at {@code ref}, on {@code vectors}, loaded once per JVM for that content and those
     * vectors ({@link org.classicnlp.core.ModelCache}, kind {@code "sif"}); it serialises as the reference and
     * the vectors (which ship by their own reference), never as its word probabilities.
     */
    public static SifEmbedder load(org.classicnlp.core.ModelRef ref, WordVectors vectors) {
        return org.classicnlp.core.ModelCache.get("sif", ref.sha256() + "/vectors@" + System.identityHashCode(vectors),
                () -> {
                    SifEmbedder e = load(new java.io.ByteArrayInputStream(ref.bytes()), ref.name(), vectors, null);
                    e.ref = ref;
                    return e;
                });
    }

    /** Serialised as its {@link org.classicnlp.core.ModelRef} and its vectors. */
    private Object writeReplace() throws java.io.ObjectStreamException {
        org.classicnlp.core.ModelRef r = ref;
        WordVectors v = vectors;
        return org.classicnlp.core.ModelCache.proxyOf("SifEmbedder", r, () -> load(r, v));
    }

    private static SifEmbedder readBody(ModelContainer.Body body, WordVectors vectors, Segmenter segmenter)
            throws IOException {
        Objects.requireNonNull(vectors, "vectors");
        String source = body.source();
        AnalyzerSpec spec = body.spec().orElseThrow(() -> new ModelFormatException(source,
                "the sif header has no analyzer spec (flags byte), expected the analysis the model was fitted with"));
        DataInputStream in = body.in();
        body.section("the smoothing a");
        double a = in.readDouble();
        body.check(a > 0, "a = " + a + ", expected > 0");
        body.section("the vectors' shape and fingerprint");
        int dim = in.readInt();
        int size = in.readInt();
        long fingerprint = in.readLong();
        body.check(dim > 0 && size >= 0, "shape " + size + " × " + dim + ", expected words >= 0 and dimension > 0");
        if (dim != vectors.dimension() || size != vectors.size() || fingerprint != fingerprint(vectors)) {
            throw new IllegalArgumentException("SIF model " + source + " was fitted on other word vectors ("
                    + size + " words × " + dim + String.format(", fingerprint %08x", fingerprint) + "), these are "
                    + vectors.size() + " × " + vectors.dimension() + String.format(", fingerprint %08x", fingerprint(vectors))
                    + "; load it with the vectors it was fitted on");
        }
        body.section("the common component");
        float[] component = new float[dim];
        for (int c = 0; c < dim; c++) {
            component[c] = in.readFloat();
        }
        body.section("the word count");
        int n = in.readInt();
        body.check(n >= 0 && n < 100_000_000, "word count " + n + ", expected 0 to 99,999,999");
        Map<String, Double> p = new HashMap<>(Math.min(n, 1 << 20) * 2);
        String prev = null;
        for (int i = 0; i < n; i++) {
            body.section("word probability", i, n);
            String w = in.readUTF();
            double pw = in.readDouble();
            if (prev != null && prev.compareTo(w) >= 0) {
                throw body.error("word '" + w + "' out of order, expected sorted words");
            }
            if (!(pw > 0 && pw <= 1)) {
                throw body.error("p('" + w + "') = " + pw + ", expected 0 < p <= 1");
            }
            p.put(w, pw);
            prev = w;
        }
        Analyzer analyzer;
        if (segmenter != null) {
            analyzer = Analyzer.of(spec, segmenter);
        } else {
            try {
                analyzer = Analyzer.of(spec);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("SIF model " + source + ": " + e.getMessage()
                        + "; load it with SifEmbedder.load(path, vectors, segmenter)", e);
            }
        }
        return new SifEmbedder(vectors, analyzer, p, a, component);
    }

    /** CRC-32 of the words (UTF-8, each followed by a 0 byte) and the raw float bits, in order. */
    static long fingerprint(WordVectors vectors) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < vectors.size(); i++) {
            crc.update(vectors.word(i).getBytes(StandardCharsets.UTF_8));
            crc.update(0);
        }
        float[] m = vectors.rawMatrix();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(1 << 16);
        for (float f : m) {
            if (!buf.hasRemaining()) {
                crc.update(buf.flip());
                buf.clear();
            }
            buf.putFloat(f);
        }
        crc.update(buf.flip());
        return crc.getValue();
    }

    @Override
    public FeatureVector embed(Document document) {
        return removeComponent(weightedMean(document.text()));
    }

    @Override
    public FeatureVector embedTokenIds(int[] ids) {
        checkIds(ids);
        return removeComponent(weightedMean(ids));
    }

    /** Keeps the first {@code dimensions} components of each embedding and scales it to unit length. */
    @Override
    public SifEmbedder withDimensions(int dimensions) {
        MeanEmbedder.checkDimensions(dimensions, vectors.dimension());
        return dimensions == this.dimensions ? this
                : new SifEmbedder(vectors, analyzer, probability, a, component, dimensions);
    }

    @Override
    public int vocabularySize() {
        return vectors.size();
    }

    @Override
    public String term(int id) {
        return vectors.word(id);
    }

    @Override
    public int[] tokenIds(String text) {
        return MeanEmbedder.tokenIds(vectors, analyzer, text);
    }

    private FeatureVector removeComponent(float[] v) {
        double proj = 0;
        for (int c = 0; c < v.length; c++) {
            proj += (double) v[c] * component[c];
        }
        for (int c = 0; c < v.length; c++) {
            v[c] -= (float) (proj * component[c]);
        }
        return MeanEmbedder.reduce(v, dimensions);
    }

    /** The removed common direction (unit length, or zeros when the corpus gave none). */
    public DenseVector commonComponent() {
        return new DenseVector(component);
    }

    /** The probability of a term (a normalised form, as the analyzer gives it) in the fitting corpus; 0 if unseen. */
    public double probability(String term) {
        return probability.getOrDefault(term, 0.0);
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    @Override
    public int dimension() {
        return dimensions;
    }

    @Override
    public String name() {
        return "w2v-sif";
    }
}
