package org.classicnlp.tfidf;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.AnalyzerSpec;
import org.classicnlp.core.BatchExecutor;
import org.classicnlp.core.Document;
import org.classicnlp.core.ModelCache;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.core.ModelRef;
import org.classicnlp.core.ModelFormatException;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.SparseVector;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;

/**
 * A fitted TF-IDF model: the analyzer, the vocabulary (sorted by Unicode code point, as scikit-learn
 * sorts it; index i is dimension i), the document frequency and idf of every term, and the weighting.
 * Immutable and thread-safe: many threads may transform at once.
 *
 * <p>Weights are computed in scikit-learn's order of operations, in {@code double}: tf (count, or
 * 1 + ln(count) with sublinear tf, or count / document length for the textbook scheme), times idf, then
 * the row norm (L2: sum of squares in index order, square root, divide; L1: sum of absolute values,
 * divide). Entries that come out exactly 0 (possible only with the textbook idf) are not stored.
 * Logarithms use {@link StrictMath}, so a model gives bit-identical vectors on every JVM.
 *
 * <h2>File format</h2>
 * A {@link ModelContainer} of kind {@code tfidf}, version 1, gzip body. The header's {@link AnalyzerSpec}
 * holds the analysis: the tokenizer name given to {@link Segmenters#tokenizer(String)} on load,
 * {@code ["lowercase"]} as normaliser when the text is lowercased, and the stop words. Body, big-endian
 * ({@link DataOutputStream}), strings as an {@code int} byte length and UTF-8 bytes:
 * <pre>
 * ngramMin     int
 * ngramMax     int
 * norm         byte     0 none, 1 l1, 2 l2
 * useIdf, smoothIdf, sublinearTf, textbook   4 booleans
 * documents    long     number of documents fitted
 * terms        int count, then per term: string term, long df, double idf
 * </pre>
 * The container checks kind, version, length and checksum; errors name the file, the byte or term and
 * what was expected. Files of the format before the container ({@code CNLPTFID}) are not read: fit again.
 */
public final class TfidfModel implements Embedder, java.io.Serializable {

    private static final int LOG_TABLE = 4096;

    private final TermAnalyzer analyzer;
    private final Weighting weighting;
    private final long documentCount;
    private final int size;
    private final long[] df;
    private final double[] idf;
    private final TermTable index;
    private final double medianIdf;
    private final double[] sublinear;
    private final ThreadLocal<Work> work;
    /** Where this model was loaded from, when it can ship by reference (Java serialisation); else null. */
    private volatile ModelRef ref;

    TfidfModel(TermAnalyzer analyzer, Weighting weighting, long documentCount, String[] terms, long[] df,
            double[] idf) {
        this(analyzer, weighting, documentCount, tableOf(terms), df, idf);
    }

    private static TermTable tableOf(String[] terms) {
        TermTable t = new TermTable(terms.length);
        for (String term : terms) {
            t.add(term);
        }
        if (t.size() != terms.length) {
            throw new IllegalArgumentException("duplicate terms in the vocabulary");
        }
        return t;
    }

    /** @param terms the vocabulary: id i is vector index i */
    TfidfModel(TermAnalyzer analyzer, Weighting weighting, long documentCount, TermTable terms, long[] df,
            double[] idf) {
        this.analyzer = analyzer;
        this.weighting = weighting;
        this.documentCount = documentCount;
        this.size = terms.size();
        this.df = df;
        if (idf == null) {
            idf = new double[size];
            for (int i = 0; i < size; i++) {
                idf[i] = weighting.idf(documentCount, df[i]);
            }
        }
        this.idf = idf;
        this.index = terms;
        double[] sorted = idf.clone();
        Arrays.sort(sorted);
        // jieba's choice: the element at position n/2 of the sorted idf values
        this.medianIdf = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        this.sublinear = new double[LOG_TABLE];
        for (int k = 1; k < LOG_TABLE; k++) {
            sublinear[k] = StrictMath.log(k) + 1;
        }
        this.work = ThreadLocal.withInitial(() -> new Work(size));
    }

    /** The analyzer that turns text into terms. */
    public TermAnalyzer analyzer() {
        return analyzer;
    }

    public Norm norm() {
        return weighting.norm();
    }

    public boolean useIdf() {
        return weighting.useIdf();
    }

    public boolean smoothIdf() {
        return weighting.smoothIdf();
    }

    public boolean sublinearTf() {
        return weighting.sublinearTf();
    }

    /** Whether this is the textbook scheme (tf = count / length, idf = log10(N/df), no norm). */
    public boolean textbook() {
        return weighting.textbook();
    }

    /** Number of documents the model was fitted on. */
    public long documentCount() {
        return documentCount;
    }

    /** The vocabulary in index order (sorted by Unicode code point); a new list each call. */
    public List<String> vocabulary() {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = index.term(i);
        }
        return List.of(out);
    }

    /** The term at a vector index (a new String each call). */
    public String term(int index) {
        return this.index.term(index);
    }

    /** The vector index of {@code term}, or -1 when it is not in the vocabulary. */
    public int indexOf(String term) {
        return index.find(term);
    }

    /** The idf of {@code term}, empty when it is not in the vocabulary. */
    public OptionalDouble idf(String term) {
        int i = index.find(term);
        return i < 0 ? OptionalDouble.empty() : OptionalDouble.of(idf[i]);
    }

    /** The idf at a vector index. */
    public double idfAt(int index) {
        return idf[index];
    }

    /** The number of fitted documents containing {@code term} (0 when not in the vocabulary). */
    public long documentFrequency(String term) {
        int i = index.find(term);
        return i < 0 ? 0 : df[i];
    }

    /**
     * The median idf (the element at position n/2 of the sorted idf values, as jieba computes it): the idf
     * that keyword extraction gives to a term the model has never seen.
     */
    public double medianIdf() {
        return medianIdf;
    }

    /** The TF-IDF vector of a document. */
    public SparseVector transform(Document document) {
        return transform(document.text());
    }

    /** The TF-IDF vector of a text. */
    public SparseVector transform(String text) {
        Work w = work.get();
        int n = weigh(text, w);
        return SparseVector.ofSorted(size, Arrays.copyOf(w.indices, n), Arrays.copyOf(w.values, n));
    }

    /**
     * The vectors of a stream of documents, batch by batch (batches as {@link org.classicnlp.core.BatchExecutor} forms them):
     * {@code work} gets each batch's rows, on worker threads when {@code threads} is above 1, and its
     * results reach {@code results} on the calling thread in input order. The rows equal
     * {@link #transform(Document)} of each document.
     */
    public <R> void transformAll(Stream<Document> documents, int threads, TfidfVectorizer.VectorBatchWork<R> work,
            Consumer<R> results) {
        ThreadLocal<SparseRows> rows = ThreadLocal.withInitial(() -> new SparseRows(size));
        BatchExecutor.runDocuments(documents, threads, batch -> {
            Work w = this.work.get();
            SparseRows r = rows.get();
            r.clear();
            for (Document d : batch) {
                int n = weigh(d.text(), w);
                int at = r.reserve(n);
                System.arraycopy(w.indices, 0, r.indices(), at, n);
                System.arraycopy(w.values, 0, r.values(), at, n);
                r.endRow(d.id(), n);
            }
            return work.apply(r);
        }, results);
    }

    @Override
    public SparseVector embed(Document document) {
        return transform(document);
    }

    @Override
    public int dimension() {
        return size;
    }

    @Override
    public String name() {
        return "tfidf";
    }

    /** Per-thread buffers for {@link #weigh}. */
    static final class Work implements TermAnalyzer.TermConsumer {
        final TermAnalyzer.Scratch scratch = new TermAnalyzer.Scratch();
        final int[] counts;
        int[] indices = new int[256];
        double[] values = new double[256];
        int touched;
        private TermTable index;

        Work(int vocabulary) {
            counts = new int[vocabulary];
        }

        @Override
        public void accept(char[] buf, int off, int len) {
            int id = index.find(buf, off, len);
            if (id >= 0 && counts[id]++ == 0) {
                touch(id);
            }
        }

        void touch(int id) {
            if (touched == indices.length) {
                indices = Arrays.copyOf(indices, touched * 2);
                values = Arrays.copyOf(values, touched * 2);
            }
            indices[touched++] = id;
        }
    }

    TermTable index() {
        return index;
    }

    /** Appends the UTF-8 bytes of the term at {@code index} to {@code out} at {@code pos}; returns the new position. */
    public int termUtf8(int index, byte[] out, int pos) {
        return this.index.utf8(index, out, pos);
    }

    /** Upper bound of the UTF-8 length of the term at {@code index}. */
    public int termUtf8Bound(int index) {
        return 3 * this.index.termLength(index);
    }

    /** A fresh set of per-thread buffers (for batch jobs that manage their own threads). */
    Work newWork() {
        return new Work(size);
    }

    /**
     * Weighs {@code text} into {@code w.indices}/{@code w.values} (sorted by index) and returns the number
     * of entries.
     */
    int weigh(String text, Work w) {
        w.index = index;
        w.touched = 0;
        int length = analyzer.analyze(text, w.scratch, w);
        int n = w.touched;
        int[] ix = w.indices;
        Arrays.sort(ix, 0, n);
        double[] val = w.values;
        int[] counts = w.counts;
        for (int k = 0; k < n; k++) {
            int j = ix[k];
            int c = counts[j];
            counts[j] = 0;
            val[k] = weight(c, length) * idf[j];
        }
        return normalize(ix, val, 0, n);
    }

    /** tf of a term counted {@code c} times in a document of {@code length} terms. */
    double weight(int c, int length) {
        if (weighting.textbook()) {
            return (double) c / length;
        }
        if (weighting.sublinearTf()) {
            return c < LOG_TABLE ? sublinear[c] : StrictMath.log(c) + 1;
        }
        return c;
    }

    /**
     * Applies the norm in place to the {@code n} entries from {@code from}, dropping exact zeros (the kept
     * entries move to the front); returns the new entry count.
     */
    int normalize(int[] ix, double[] val, int from, int n) {
        weighting.norm().applyInPlace(val, from, from + n);
        int m = from;
        for (int k = from, end = from + n; k < end; k++) {
            if (val[k] != 0) {
                ix[m] = ix[k];
                val[m] = val[k];
                m++;
            }
        }
        return m - from;
    }

    // ------------------------------------------------------------------ save / load

    /** Model-file kind of a TF-IDF model ({@link ModelContainer}, gzip body). */
    static final ModelContainer.Kind KIND = new ModelContainer.Kind("tfidf", 1);

    /** Writes the model in the {@link ModelContainer} format described in the class comment. */
    public void save(Path file) {
        ModelContainer.save(file, KIND, specOf(analyzer), ModelContainer.Compression.GZIP, this::writeBody);
    }

    private void writeBody(DataOutputStream out) throws IOException {
        out.writeInt(analyzer.ngramMin());
        out.writeInt(analyzer.ngramMax());
        out.writeByte(switch (weighting.norm()) {
            case NONE -> 0;
            case L1 -> 1;
            case L2 -> 2;
        });
        out.writeBoolean(weighting.useIdf());
        out.writeBoolean(weighting.smoothIdf());
        out.writeBoolean(weighting.sublinearTf());
        out.writeBoolean(weighting.textbook());
        out.writeLong(documentCount);
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            writeString(out, index.term(i));
            out.writeLong(df[i]);
            out.writeDouble(idf[i]);
        }
    }

    /** Writes the model file's bytes to {@code out} (left open): for a broadcast, or a {@link ModelRef#bytes}. */
    public void save(java.io.OutputStream out) {
        try {
            ModelContainer.write(out, KIND, specOf(analyzer), ModelContainer.Compression.GZIP, this::writeBody);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the TF-IDF model: " + e.getMessage(), e);
        }
    }

    /**
     * The model saved at {@code ref}, loaded once per JVM for its content hash ({@link ModelCache}, kind
     * {@code "tfidf"}); the model serialises as that reference, so it ships to Spark executors without its
     * vocabulary. Its tokenizer is found by name, as {@link #load(Path)} finds it.
     */
    public static TfidfModel load(ModelRef ref) {
        return ModelCache.get("tfidf", ref, (in, source) -> {
            TfidfModel m = load(in, source);
            m.ref = ref;
            return m;
        });
    }

    /** The reference this model was loaded through ({@link #load(ModelRef)}), if any. */
    public java.util.Optional<ModelRef> ref() {
        return java.util.Optional.ofNullable(ref);
    }

    /** Serialised as its {@link ModelRef}: the receiving JVM loads the model once. */
    private Object writeReplace() throws java.io.ObjectStreamException {
        ModelRef r = ref;
        return ModelCache.proxyOf("TfidfModel", r, () -> load(r));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Loads a model saved by {@link #save}; its tokenizer is found again by name. */
    public static TfidfModel load(Path file) {
        return load(file, null);
    }

    /**
     * Loads a model saved by {@link #save}, using {@code segmenter} (when not null) instead of looking the
     * saved tokenizer name up in {@link Segmenters#tokenizer(String)}.
     *
     * @throws ModelFormatException naming the file if it is empty, foreign, of another kind or version,
     *                              truncated or damaged
     */
    public static TfidfModel load(Path file, Segmenter segmenter) {
        return ModelContainer.load(file, body -> readBody(body, segmenter), KIND);
    }

    /** Loads from a stream (closed here); {@code source} names it in error messages. */
    public static TfidfModel load(InputStream in, String source) {
        return load(in, source, null);
    }

    /** As {@link #load(Path, Segmenter)}, from a stream (closed here) named {@code source}. */
    public static TfidfModel load(InputStream in, String source, Segmenter segmenter) {
        return ModelContainer.load(in, source, body -> readBody(body, segmenter), KIND);
    }

    private static TfidfModel readBody(ModelContainer.Body body, Segmenter segmenter) throws IOException {
        AnalyzerSpec spec = body.spec().orElseThrow(() -> new ModelFormatException(body.source(),
                "the tfidf header has no analyzer spec (flags byte), expected the analysis the model was fitted with"));
        DataInputStream in = body.in();
        body.section("the n-gram range");
        int ngramMin = in.readInt();
        int ngramMax = in.readInt();
        body.check(ngramMin >= 1 && ngramMax >= ngramMin, "n-gram range (" + ngramMin + ", " + ngramMax
                + "), expected 1 <= min <= max");
        body.section("the weighting settings");
        int normCode = in.readByte();
        Norm norm = switch (normCode) {
            case 0 -> Norm.NONE;
            case 1 -> Norm.L1;
            case 2 -> Norm.L2;
            default -> throw body.error("norm code " + normCode + ", expected 0 (none), 1 (l1) or 2 (l2)");
        };
        Weighting weighting = new Weighting(norm, in.readBoolean(), in.readBoolean(), in.readBoolean(),
                in.readBoolean());
        long documents = in.readLong();
        body.section("the vocabulary size");
        int v = in.readInt();
        body.check(v >= 0, "vocabulary size " + v + ", expected >= 0");
        body.count(v, 20, "term record");   // 4-byte length, 8-byte df, 8-byte idf
        String[] terms = new String[Math.min(v, 1 << 20)];
        long[] df = new long[terms.length];
        double[] idf = new double[terms.length];
        for (int i = 0; i < v; i++) {
            body.section("term", i, v);
            if (i == terms.length) {
                int cap = (int) Math.min(v, 2L * terms.length);
                terms = Arrays.copyOf(terms, cap);
                df = Arrays.copyOf(df, cap);
                idf = Arrays.copyOf(idf, cap);
            }
            int n = in.readInt();
            if (n < 0 || n > 1 << 24) {
                throw body.error("term length " + n + ", expected 0 to " + (1 << 24));
            }
            body.count(n, 1, "term byte");
            byte[] utf8 = new byte[n];
            in.readFully(utf8);
            terms[i] = new String(utf8, StandardCharsets.UTF_8);
            df[i] = in.readLong();
            idf[i] = in.readDouble();
            if (i > 0 && TfidfVectorizer.compareCodePoints(terms[i - 1], terms[i]) >= 0) {
                throw body.error("term '" + terms[i] + "' out of order, expected terms sorted by code point");
            }
        }
        TermAnalyzer analyzer = analyzerOf(spec, ngramMin, ngramMax, segmenter, body.source());
        return new TfidfModel(analyzer, weighting, documents, terms, df, idf);
    }

    /** The analysis stored in the file: the analyzer's spec (the n-gram range goes in the body). */
    static AnalyzerSpec specOf(TermAnalyzer a) {
        return a.analyzer().spec();
    }

    /** The {@link TermAnalyzer} a stored spec describes, over {@code segmenter} when given. */
    static TermAnalyzer analyzerOf(AnalyzerSpec spec, int ngramMin, int ngramMax, Segmenter segmenter,
            String source) {
        if (segmenter != null) {
            return new TermAnalyzer(Analyzer.of(spec, segmenter), ngramMin, ngramMax);
        }
        try {
            return new TermAnalyzer(Analyzer.of(spec), ngramMin, ngramMax);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TF-IDF model " + source + " was fitted with the custom tokenizer '"
                    + spec.segmenter() + "'; load it with TfidfModel.load(path, segmenter)", e);
        }
    }

    @Override
    public String toString() {
        return "TfidfModel(" + size + " terms, " + documentCount + " documents, norm=" + weighting.norm()
                + ", useIdf=" + weighting.useIdf() + ", smoothIdf=" + weighting.smoothIdf() + ", sublinearTf="
                + weighting.sublinearTf() + (weighting.textbook() ? ", textbook" : "") + ", tokenizer="
                + analyzer.tokenizerName() + ")";
    }
}
