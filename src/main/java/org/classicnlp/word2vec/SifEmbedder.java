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
import org.classicnlp.core.AnalyzerSpec;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.DenseVector;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.ModelFormatException;
import org.classicnlp.core.Vector;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;

/**
 * Smooth inverse frequency embeddings (Arora, Liang &amp; Ma, "A Simple but Tough-to-Beat Baseline for
 * Sentence Embeddings", ICLR 2017): the mean of word vectors weighted by {@code a / (a + p(w))}, then
 * with the projection on the first principal component of the fitting corpus' embeddings removed.
 *
 * <p>{@link #fit} reads the corpus twice: word probabilities {@code p(w)} from its token counts (as the
 * paper estimates them from a corpus), then the weighted means, whose uncentred second-moment matrix
 * ({@code dimension²}, never the documents) gives the component by power iteration (the paper's
 * {@code TruncatedSVD(n_components=1)}, which also does not centre). Immutable and thread-safe.
 *
 * <h2>File format</h2>
 * {@link #save} writes a {@link ModelContainer} of kind {@code sif}, version 1, gzip body, whose header
 * {@link AnalyzerSpec} names the segmenter ({@link Segmenters#tokenizer(String)}; {@value #CUSTOM} when
 * fitted with a segmenter object) and holds {@code ["lowercase"]} when words are lowercased. The word
 * vectors are not stored (they live in their own word2vec file): {@link #load(Path, WordVectors)} takes
 * them and checks they are the ones fitted on by a fingerprint. Body, big-endian: {@code double a},
 * {@code int} dimension, {@code int} vocabulary size, {@code long} fingerprint (CRC-32 of the words' UTF-8
 * bytes and the vectors' float bits, in order), {@code float[dimension]} common component, {@code int}
 * count N, then N records (UTF word, {@code double p(w)}) sorted by word.
 */
public final class SifEmbedder implements Embedder {

    /** The paper's recommended smoothing {@code a}. */
    public static final double DEFAULT_A = 1e-3;

    /** Segmenter name stored when {@link #fit} got a segmenter object rather than a name. */
    public static final String CUSTOM = "custom";
    /** Model-file kind of a SIF embedder ({@link ModelContainer}, gzip body). */
    static final ModelContainer.Kind KIND = new ModelContainer.Kind("sif", 1);

    private final WordVectors vectors;
    private final AnalyzerSpec spec;
    private final Segmenter segmenter;
    private final boolean lowercase;
    private final Map<String, Double> probability;
    private final double a;
    private final float[] component;

    private SifEmbedder(WordVectors vectors, AnalyzerSpec spec, Segmenter segmenter, boolean lowercase,
                        Map<String, Double> probability, double a, float[] component) {
        this.vectors = vectors;
        this.spec = spec;
        this.segmenter = segmenter;
        this.lowercase = lowercase;
        this.probability = probability;
        this.a = a;
        this.component = component;
    }

    /** Fits with {@code a = 1e-3}. */
    public static SifEmbedder fit(WordVectors vectors, Segmenter segmenter, boolean lowercase,
                                  Corpus<Document> corpus) {
        return fit(vectors, segmenter, lowercase, corpus, DEFAULT_A);
    }

    /**
     * @param corpus documents to estimate word probabilities and the common component from (the documents
     *               to embed, or a larger corpus of the same kind)
     * @param a      smoothing; smaller values down-weight frequent words more
     */
    public static SifEmbedder fit(WordVectors vectors, Segmenter segmenter, boolean lowercase,
                                  Corpus<Document> corpus, double a) {
        return fit(vectors, spec(CUSTOM, lowercase), segmenter, corpus, a);
    }

    /**
     * Fits with the analysis described by {@code analysis}: its segmenter is found by name
     * ({@link Segmenters#tokenizer(String)}: {@code default}, {@code whitespace}, {@code english}) and
     * {@code lowercase} is the one normaliser applied, so a saved model reloads without further arguments.
     */
    public static SifEmbedder fit(WordVectors vectors, AnalyzerSpec analysis, Corpus<Document> corpus, double a) {
        checkSupported(analysis, null);
        return fit(vectors, analysis, Segmenters.tokenizer(analysis.segmenter()), corpus, a);
    }

    private static SifEmbedder fit(WordVectors vectors, AnalyzerSpec spec, Segmenter segmenter,
                                   Corpus<Document> corpus, double a) {
        boolean lowercase = spec.lowercases();
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(segmenter, "segmenter");
        if (!(a > 0)) {
            throw new IllegalArgumentException("a must be > 0, got " + a);
        }
        Map<String, Long> counts = new HashMap<>();
        long[] total = {0};
        corpus.forEach(d -> {
            for (String w : MeanEmbedder.words(segmenter, lowercase, d.text())) {
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
        SifEmbedder weightsOnly = new SifEmbedder(vectors, spec, segmenter, lowercase, p, a, null);
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
        return new SifEmbedder(vectors, spec, segmenter, lowercase, p, a, firstComponent(moment, dim));
    }

    /** The analysis as stored: the segmenter name and {@code ["lowercase"]} when words are lowercased. */
    private static AnalyzerSpec spec(String segmenter, boolean lowercase) {
        return AnalyzerSpec.of(segmenter).withNormalizers(lowercase ? List.of("lowercase") : List.of());
    }

    /**
     * Until the embedders run on {@code core.Analyzer}, SIF applies a segmenter and optional lowercasing
     * only; anything more in a spec is refused (misuse at fit, a foreign file at load).
     */
    private static void checkSupported(AnalyzerSpec spec, String source) {
        List<String> other = new ArrayList<>(spec.normalizers());
        other.remove("lowercase");
        if (other.isEmpty() && spec.stopWords().isEmpty() && spec.minLength() == 0 && !spec.dropSymbols()
                && spec.tags().isEmpty()) {
            return;
        }
        String message = "the analyzer spec " + spec + " asks for more than SifEmbedder applies (a segmenter and"
                + " lowercase)";
        throw source == null ? new IllegalArgumentException(message) : new ModelFormatException(source, message);
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
        float[] sum = new float[vectors.dimension()];
        List<String> words = MeanEmbedder.words(segmenter, lowercase, text);
        int n = 0;
        for (String w : words) {
            int i = vectors.indexOf(w);
            if (i < 0) {
                continue;
            }
            double pw = probability.getOrDefault(w, 0.0);
            vectors.addTo(i, (float) (a / (a + pw)), sum);
            n++;
        }
        if (n > 0) {
            for (int c = 0; c < sum.length; c++) {
                sum[c] /= n;
            }
        }
        return sum;
    }

    // ------------------------------------------------------------------ save / load

    /** The analysis this embedder was fitted with (segmenter name, normalisers), as stored by {@link #save}. */
    public AnalyzerSpec analyzerSpec() {
        return spec;
    }

    /** Saves {@code a}, the word probabilities and the common component (not the vectors); see the class comment. */
    public void save(Path file) {
        ModelContainer.save(file, KIND, spec, ModelContainer.Compression.GZIP, out -> {
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
     * Loads an embedder saved by {@link #save}, on the word vectors it was fitted on; its segmenter is
     * found again by name.
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

    private static SifEmbedder readBody(ModelContainer.Body body, WordVectors vectors, Segmenter segmenter)
            throws IOException {
        Objects.requireNonNull(vectors, "vectors");
        String source = body.source();
        AnalyzerSpec spec = body.spec().orElseThrow(() -> new ModelFormatException(source,
                "the sif header has no analyzer spec (flags byte), expected the analysis the model was fitted with"));
        checkSupported(spec, source);
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
        Segmenter seg = segmenter;
        if (seg == null) {
            if (spec.segmenter().equals(CUSTOM)) {
                throw new IllegalArgumentException("SIF model " + source + " was fitted with a custom segmenter;"
                        + " load it with SifEmbedder.load(path, vectors, segmenter)");
            }
            try {
                seg = Segmenters.tokenizer(spec.segmenter());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("SIF model " + source + " names the segmenter '" + spec.segmenter()
                        + "', which this build does not know; load it with SifEmbedder.load(path, vectors, segmenter)", e);
            }
        }
        return new SifEmbedder(vectors, spec, seg, spec.lowercases(), p, a, component);
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
    public Vector embed(Document document) {
        float[] v = weightedMean(document.text());
        double proj = 0;
        for (int c = 0; c < v.length; c++) {
            proj += (double) v[c] * component[c];
        }
        for (int c = 0; c < v.length; c++) {
            v[c] -= (float) (proj * component[c]);
        }
        return new DenseVector(v);
    }

    /** The removed common direction (unit length, or zeros when the corpus gave none). */
    public DenseVector commonComponent() {
        return new DenseVector(component);
    }

    /** The word probability estimated from the fitting corpus (0 for unseen words). */
    public double probability(String word) {
        return probability.getOrDefault(lowercase ? word.toLowerCase(java.util.Locale.ROOT) : word, 0.0);
    }

    @Override
    public int dimension() {
        return vectors.dimension();
    }

    @Override
    public String name() {
        return "w2v-sif";
    }
}
