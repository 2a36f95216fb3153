package org.classicnlp.tfidf;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.classicnlp.core.BatchExecutor;
import org.classicnlp.core.Document;
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
 * <h2>File format (version 1)</h2>
 * Big-endian, as written by {@link DataOutputStream}; strings are an {@code int} byte length followed by
 * UTF-8 bytes.
 * <pre>
 * magic        8 bytes  "CNLPTFID"
 * version      int      1
 * tokenizer    string   name given to {@link Segmenters#tokenizer(String)} on load
 * lowercase    boolean
 * ngramMin     int
 * ngramMax     int
 * stopWords    int count, then that many strings
 * norm         byte     0 none, 1 l1, 2 l2
 * useIdf, smoothIdf, sublinearTf, textbook   4 booleans
 * documents    long     number of documents fitted
 * terms        int count, then per term: string term, long df, double idf
 * checksum     long     CRC-32 of every byte before it
 * </pre>
 * Loading checks the magic, the version, every length and the checksum, and names the file, the byte
 * offset and what was expected when something is wrong.
 */
public final class TfidfModel implements Embedder {

    static final byte[] MAGIC = "CNLPTFID".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
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

    /** Writes the model in the versioned binary format described in the class comment. */
    public void save(Path file) {
        try (OutputStream raw = Files.newOutputStream(file)) {
            CheckedOutputStream checked = new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            out.write(MAGIC);
            out.writeInt(VERSION);
            writeString(out, analyzer.tokenizerName());
            out.writeBoolean(analyzer.lowercase());
            out.writeInt(analyzer.ngramMin());
            out.writeInt(analyzer.ngramMax());
            out.writeInt(analyzer.stopWords().size());
            for (String w : analyzer.stopWords()) {
                writeString(out, w);
            }
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
            out.flush();
            long crc = checked.getChecksum().getValue();
            out.writeLong(crc);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write TF-IDF model " + file + ": " + e.getMessage(), e);
        }
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
     */
    public static TfidfModel load(Path file, Segmenter segmenter) {
        Reader r = null;
        try (InputStream raw = Files.newInputStream(file)) {
            r = new Reader(file, raw);
            byte[] magic = r.bytes(MAGIC.length, "the magic bytes \"CNLPTFID\"");
            if (!Arrays.equals(magic, MAGIC)) {
                throw r.error(0, "not a ClassicNLP TF-IDF model: expected magic \"CNLPTFID\"");
            }
            int version = r.in.readInt();
            if (version != VERSION) {
                throw r.error(8, "unsupported TF-IDF model version " + version + " (this build reads version "
                        + VERSION + ")");
            }
            String tokenizer = r.string("tokenizer name");
            boolean lowercase = r.in.readBoolean();
            int ngramMin = r.in.readInt();
            int ngramMax = r.in.readInt();
            if (ngramMin < 1 || ngramMax < ngramMin) {
                throw r.error(r.position(), "invalid n-gram range (" + ngramMin + ", " + ngramMax + ")");
            }
            r.section = "the stop words";
            int nStop = r.count("stop-word count");
            List<String> stop = new ArrayList<>(Math.min(nStop, 1 << 16));
            for (int i = 0; i < nStop; i++) {
                stop.add(r.string("stop word " + i));
            }
            r.section = "the weighting settings";
            int normCode = r.in.readByte();
            Norm norm = switch (normCode) {
                case 0 -> Norm.NONE;
                case 1 -> Norm.L1;
                case 2 -> Norm.L2;
                default -> throw r.error(r.position() - 1, "invalid norm code " + normCode + " (expected 0, 1 or 2)");
            };
            Weighting weighting = new Weighting(norm, r.in.readBoolean(), r.in.readBoolean(), r.in.readBoolean(),
                    r.in.readBoolean());
            long documents = r.in.readLong();
            int v = r.count("vocabulary size");
            String[] terms = new String[v];
            long[] df = new long[v];
            double[] idf = new double[v];
            for (int i = 0; i < v; i++) {
                r.section = "term " + i + " of " + v;
                terms[i] = r.string("term " + i + " of " + v);
                df[i] = r.in.readLong();
                idf[i] = r.in.readDouble();
                if (i > 0 && TfidfVectorizer.compareCodePoints(terms[i - 1], terms[i]) >= 0) {
                    throw r.error(r.position(), "terms out of order at term " + i + " ('" + terms[i] + "')");
                }
            }
            r.section = "the checksum";
            long expected = r.checksum();
            long stored = r.in.readLong();
            if (stored != expected) {
                throw r.error(r.position() - 8, "checksum mismatch (file is corrupted)");
            }
            if (r.in.read() != -1) {
                throw r.error(r.position() - 1, "unexpected bytes after the end of the model");
            }
            Segmenter seg = segmenter != null ? segmenter : segmenterByName(file, tokenizer);
            TermAnalyzer analyzer = new TermAnalyzer(tokenizer, seg, lowercase, stop, ngramMin, ngramMax);
            return new TfidfModel(analyzer, weighting, documents, terms, df, idf);
        } catch (EOFException e) {
            long at = r == null ? 0 : r.position();
            throw new IllegalArgumentException("TF-IDF model " + file + " is truncated: the file ends at byte " + at
                    + (e.getMessage() != null ? " (" + e.getMessage() + ")" : "")
                    + " while reading " + (r == null ? "the header" : r.section), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TF-IDF model " + file + ": " + e.getMessage(), e);
        }
    }

    private static Segmenter segmenterByName(Path file, String name) {
        try {
            return Segmenters.tokenizer(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TF-IDF model " + file + " was fitted with the custom tokenizer '"
                    + name + "'; load it with TfidfModel.load(path, segmenter)", e);
        }
    }

    /** Reads with position tracking for error messages. */
    private static final class Reader {
        final Path file;
        final Counting counting;
        final CheckedInputStream checked;
        final DataInputStream in;
        String section = "the header";

        Reader(Path file, InputStream raw) {
            this.file = file;
            this.counting = new Counting(new BufferedInputStream(raw, 1 << 16));
            this.checked = new CheckedInputStream(counting, new CRC32());
            this.in = new DataInputStream(checked);
        }

        long position() {
            return counting.position;
        }

        long checksum() {
            return checked.getChecksum().getValue();
        }

        IllegalArgumentException error(long offset, String message) {
            return new IllegalArgumentException("TF-IDF model " + file + " at byte " + offset + ": " + message);
        }

        byte[] bytes(int n, String what) throws IOException {
            byte[] b = new byte[n];
            try {
                in.readFully(b);
            } catch (EOFException e) {
                throw new EOFException("ended at byte " + position() + " while reading " + what);
            }
            return b;
        }

        int count(String what) throws IOException {
            long at = position();
            int n = in.readInt();
            if (n < 0) {
                throw error(at, "negative " + what + " " + n);
            }
            return n;
        }

        String string(String what) throws IOException {
            long at = position();
            int n;
            try {
                n = in.readInt();
            } catch (EOFException e) {
                throw new EOFException("ended at byte " + at + " while reading the length of " + what);
            }
            if (n < 0 || n > (1 << 24)) {
                throw error(at, "invalid length " + n + " for " + what);
            }
            return new String(bytes(n, what), StandardCharsets.UTF_8);
        }
    }

    private static final class Counting extends FilterInputStream {
        long position;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            position += s;
            return s;
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
