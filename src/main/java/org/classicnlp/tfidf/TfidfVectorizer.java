package org.classicnlp.tfidf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.BatchExecutor;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.Threads;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns a {@link TfidfModel} from a corpus, with scikit-learn's {@code TfidfVectorizer} parameters,
 * meanings and defaults, so that {@code fit} + {@link TfidfModel#transform} give scikit-learn's matrix
 * (to within 1e-9; the test suite compares against fixtures made by scikit-learn 1.2):
 *
 * <table>
 * <caption>Parameters</caption>
 * <tr><th>builder method</th><th>scikit-learn</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@link Builder#norm}</td><td>{@code norm}</td><td>L2</td><td>row normalization after idf</td></tr>
 * <tr><td>{@link Builder#useIdf}</td><td>{@code use_idf}</td><td>true</td><td>multiply by idf</td></tr>
 * <tr><td>{@link Builder#smoothIdf}</td><td>{@code smooth_idf}</td><td>true</td>
 *     <td>idf = ln((1+n)/(1+df)) + 1, else ln(n/df) + 1</td></tr>
 * <tr><td>{@link Builder#sublinearTf}</td><td>{@code sublinear_tf}</td><td>false</td><td>tf = 1 + ln(count)</td></tr>
 * <tr><td>{@link Builder#minDf(int)} / {@link Builder#minDf(double)}</td><td>{@code min_df}</td><td>1</td>
 *     <td>drop terms in fewer documents than a count (int) or a proportion (double) of the corpus</td></tr>
 * <tr><td>{@link Builder#maxDf(int)} / {@link Builder#maxDf(double)}</td><td>{@code max_df}</td><td>1.0</td>
 *     <td>drop terms in more documents than a count (int) or a proportion (double)</td></tr>
 * <tr><td>{@link Builder#maxFeatures}</td><td>{@code max_features}</td><td>none</td>
 *     <td>keep the terms most frequent in the corpus (after min/max df); ties broken exactly as
 *     scikit-learn's unstable NumPy argsort breaks them ({@link NumpyArgsort})</td></tr>
 * <tr><td>{@link Builder#ngramRange}</td><td>{@code ngram_range}</td><td>(1, 1)</td><td>word n-grams, joined by a space</td></tr>
 * <tr><td>{@link Builder#lowercase}</td><td>{@code lowercase}</td><td>true</td><td>lowercase before tokenizing</td></tr>
 * <tr><td>{@link Builder#stopWords}</td><td>{@code stop_words}</td><td>none</td>
 *     <td>tokens dropped before n-grams ({@link StopWords} has bundled lists)</td></tr>
 * <tr><td>{@link Builder#tokenizer}</td><td>{@code analyzer}/{@code tokenizer}</td><td>{@code default}</td>
 *     <td>{@code default} (the project's best Chinese/mixed segmenter, {@link Segmenters#standard()}),
 *     {@code whitespace} (pre-tokenized text; equals {@code token_pattern=r"(?u)\S+"}), {@code english},
 *     or any {@link Segmenter}</td></tr>
 * </table>
 *
 * <p>The vocabulary is ordered as scikit-learn orders {@code get_feature_names_out()}: by Unicode code
 * point (Python string order), not by Java's UTF-16 {@code compareTo}, which differs for characters
 * outside the Basic Multilingual Plane.
 *
 * <p>{@link Builder#textbook()} is the definition found in many textbooks: tf = count / number of terms in
 * the document, idf = log10(N / df), no normalization. Terms in every document get idf 0 and thus
 * disappear from the vectors.
 *
 * <p>{@link #fit(Corpus)} streams the corpus once, counting document frequencies only; memory grows with
 * the vocabulary, not with the corpus. Documents are analyzed in batches (on worker threads with
 * {@link Builder#threads} above 1) into small batch-local counts that are merged in input order, so the
 * model never depends on the thread count. {@link #fitTransform} also keeps each document's term counts
 * from the first pass while they fit a memory budget, so that vectors for the fitted corpus need no second
 * reading or analysis.
 */
public final class TfidfVectorizer {

    private static final Logger LOG = LoggerFactory.getLogger(TfidfVectorizer.class);

    private final TermAnalyzer analyzer;
    private final Weighting weighting;
    private final Number minDf;
    private final Number maxDf;
    private final int maxFeatures;
    private final int threads;

    private TfidfVectorizer(Builder b) {
        this.analyzer = b.analyzer != null ? new TermAnalyzer(b.analyzer, b.ngramMin, b.ngramMax)
                : new TermAnalyzer(b.tokenizerName, b.segmenter, b.lowercase, b.stopWords, b.ngramMin, b.ngramMax);
        this.weighting = new Weighting(b.norm, b.useIdf, b.smoothIdf, b.sublinearTf, b.textbook);
        this.minDf = b.minDf;
        this.maxDf = b.maxDf;
        this.maxFeatures = b.maxFeatures;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The analyzer the fitted model will use. */
    public TermAnalyzer analyzer() {
        return analyzer;
    }

    /** Learns the vocabulary and idf from one streaming pass over {@code corpus}. */
    public TfidfModel fit(Corpus<Document> corpus) {
        return fit(corpus, n -> { });
    }

    /** As {@link #fit(Corpus)}, passing {@code progress} the number of documents in each finished batch. */
    public TfidfModel fit(Corpus<Document> corpus, LongConsumer progress) {
        try (Stream<Document> docs = corpus.stream()) {
            return fit(docs, progress);
        }
    }

    /**
     * As {@link #fit(Corpus)}, telling {@code listener} after each finished batch how many documents have
     * been counted: stage {@code "count"}, total {@code -1} (unknown).
     */
    public TfidfModel fit(Corpus<Document> corpus, ProgressListener listener) {
        long[] done = {0};
        return fit(corpus, n -> listener.progress("count", done[0] += n, -1));
    }

    /** As {@link #fit(Corpus)} over a single-use stream (the caller closes it). */
    public TfidfModel fit(Stream<Document> documents, LongConsumer progress) {
        return count(documents, progress, null, 0).model;
    }

    /**
     * Receives the vectors of a batch of consecutive documents; called on worker threads. The rows are
     * valid only during the call.
     */
    @FunctionalInterface
    public interface VectorBatchWork<R> {
        R apply(SparseRows rows);
    }

    /**
     * Fits on {@code corpus}, then hands the vector of every document, batch by batch in input order, to
     * {@code work} (on worker threads) and its results to {@code results} (on the calling thread, in input
     * order). Equals {@code fit} followed by {@link TfidfModel#transform} on every document. The first
     * pass keeps each document's term counts while they fit in {@code cacheBytes}, so the second pass
     * needs neither reading nor analysis; beyond that budget the cache is dropped and the corpus is read
     * again (memory stays bounded either way). {@code onFitted} receives the model between the passes.
     */
    public <R> TfidfModel fitTransform(Corpus<Document> corpus, long cacheBytes, LongConsumer fitProgress,
            Consumer<TfidfModel> onFitted, VectorBatchWork<R> work, Consumer<R> results) {
        List<CountedBatch> cache = new ArrayList<>();
        Fitted fitted;
        try (Stream<Document> docs = corpus.stream()) {
            fitted = count(docs, fitProgress, cache, cacheBytes);
        }
        TfidfModel model = fitted.model;
        onFitted.accept(model);
        if (fitted.cached) {
            int[] toIndex = fitted.toIndex;
            Iterator<CountedBatch> it = new Iterator<>() {
                int next;

                @Override
                public boolean hasNext() {
                    return next < cache.size();
                }

                @Override
                public CountedBatch next() {
                    CountedBatch b = cache.get(next);
                    cache.set(next++, null); // release as we go
                    return b;
                }
            };
            ThreadLocal<RowsScratch> scratch = ThreadLocal.withInitial(() -> new RowsScratch(model.dimension()));
            BatchExecutor.run(it, threads, b -> work.apply(vectors(model, toIndex, b, scratch.get())), results);
        } else {
            cache.clear();
            try (Stream<Document> docs = corpus.stream()) {
                model.transformAll(docs, threads, work, results);
            }
        }
        return model;
    }

    /** Per-thread buffers for the vectors of cached batches. */
    private static final class RowsScratch {
        final SparseRows rows;
        long[] packed = new long[64];

        RowsScratch(int dimension) {
            rows = new SparseRows(dimension);
        }
    }

    /** The vectors of a cached batch, computed exactly as {@link TfidfModel#transform} computes them. */
    private static SparseRows vectors(TfidfModel model, int[] toIndex, CountedBatch b, RowsScratch s) {
        SparseRows rows = s.rows;
        rows.clear();
        for (int d = 0; d < b.size; d++) {
            int from = b.starts[d];
            int to = b.starts[d + 1];
            if (s.packed.length < to - from) {
                s.packed = new long[Math.max(to - from, s.packed.length * 2)];
            }
            long[] packed = s.packed;
            int n = 0;
            for (int k = from; k < to; k++) {
                int j = toIndex[b.termId(k)];
                if (j >= 0) {
                    packed[n++] = ((long) j << 32) | b.count(k);
                }
            }
            Arrays.sort(packed, 0, n);
            int at = rows.reserve(n);
            int[] ix = rows.indices();
            double[] val = rows.values();
            for (int k = 0; k < n; k++) {
                int j = (int) (packed[k] >>> 32);
                ix[at + k] = j;
                val[at + k] = model.weight((int) packed[k], b.lengths[d]) * model.idfAt(j);
            }
            rows.endRow(b.ids[d], model.normalize(ix, val, at, n));
        }
        return rows;
    }

    /**
     * The model {@link #fit} gives for a corpus of {@code documentCount} documents in which {@code terms[i]} (as
     * {@link #analyzer()} makes terms) occurs in {@code df[i]} documents, {@code tf[i]} times in all: how a
     * distributed job fits once it has summed the counts of its partitions ({@code
     * org.classicnlp.spark.KeywordsJob}). Terms in any order, each once; {@code tf} may be null unless
     * {@code maxFeatures} is set. min_df, max_df and max_features apply as in {@link #fit}.
     */
    public TfidfModel fitCounts(long documentCount, List<String> terms, long[] df, long[] tf) {
        if (df.length != terms.size() || (tf != null && tf.length != terms.size())) {
            throw new IllegalArgumentException("counts for " + df.length + " terms, " + terms.size() + " terms given");
        }
        if (maxFeatures > 0 && tf == null) {
            throw new IllegalArgumentException("maxFeatures needs the total count (tf) of every term");
        }
        DocumentFrequencies counts = new DocumentFrequencies(maxFeatures > 0);
        for (int i = 0; i < df.length; i++) {
            if (df[i] < 1 || df[i] > documentCount || df[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("term '" + terms.get(i) + "': document frequency " + df[i]
                        + ", expected 1 to " + Math.min(documentCount, Integer.MAX_VALUE));
            }
            int g = counts.table.add(terms.get(i));
            if (g != counts.size() - 1) {
                throw new IllegalArgumentException("term '" + terms.get(i) + "' given twice");
            }
            if (g >= counts.df.length) {
                counts.df = Arrays.copyOf(counts.df, counts.df.length * 2);
                if (counts.tf != null) {
                    counts.tf = Arrays.copyOf(counts.tf, counts.df.length);
                }
            }
            counts.df[g] = (int) df[i];
            if (counts.tf != null) {
                counts.tf[g] = tf[i];
            }
        }
        counts.documents = documentCount;
        return finish(counts).model;
    }

    private record Fitted(TfidfModel model, int[] toIndex, boolean cached) {
    }

    /** Pass one: counts on worker threads, merges in order; keeps merged batches in {@code cache} if given. */
    private Fitted count(Stream<Document> documents, LongConsumer progress, List<CountedBatch> cache, long cacheBytes) {
        DocumentFrequencies total = new DocumentFrequencies(maxFeatures > 0);
        ThreadLocal<TermAnalyzer.Scratch> scratch = ThreadLocal.withInitial(TermAnalyzer.Scratch::new);
        CountedBatch.Pool pool = new CountedBatch.Pool();
        long[] cached = {0};
        boolean[] caching = {cache != null};
        BatchExecutor.runDocuments(documents, threads, batch -> CountedBatch.count(batch, analyzer, scratch.get(), pool), b -> {
            total.add(b);
            b.release(caching[0], pool);
            if (caching[0]) {
                cached[0] += b.retainedBytes();
                if (cached[0] > cacheBytes) {
                    LOG.debug("term-count cache over its budget of {} bytes: the second pass reads the corpus again",
                            cacheBytes);
                    caching[0] = false;
                    cache.clear();
                } else {
                    cache.add(b);
                }
            }
            progress.accept(b.size);
        });
        Fitted f = finish(total);
        return new Fitted(f.model, f.toIndex, caching[0]);
    }

    /** The model of the counts; uses up {@code counts} (its term table becomes the model's vocabulary). */
    private Fitted finish(DocumentFrequencies counts) {
        long nDoc = counts.documents;
        int v = counts.size();
        if (v == 0) {
            throw new IllegalArgumentException("empty vocabulary; perhaps the documents only contain stop words");
        }
        double maxDocCount = maxDf instanceof Integer i ? i : maxDf.doubleValue() * nDoc;
        double minDocCount = minDf instanceof Integer i ? i : minDf.doubleValue() * nDoc;
        if (maxDocCount < minDocCount) {
            throw new IllegalArgumentException("max_df corresponds to < documents than min_df");
        }
        TermTable table = counts.table;
        int[] order = table.idsInCodePointOrder(); // sorted position -> id in the counts
        // mask in sorted order, as scikit-learn's _limit_features sees it; kept holds sorted positions
        int[] kept = new int[v];
        int nKept = 0;
        for (int k = 0; k < v; k++) {
            int df = counts.df[order[k]];
            if (df <= maxDocCount && df >= minDocCount) {
                kept[nKept++] = k;
            }
        }
        if (maxFeatures > 0 && nKept > maxFeatures) {
            long[] negTf = new long[nKept];
            for (int k = 0; k < nKept; k++) {
                negTf[k] = -counts.tf[order[kept[k]]];
            }
            int[] idx = NumpyArgsort.argsort(negTf);
            boolean[] select = new boolean[nKept];
            for (int k = 0; k < maxFeatures; k++) {
                select[idx[k]] = true;
            }
            int m = 0;
            for (int k = 0; k < nKept; k++) {
                if (select[k]) {
                    kept[m++] = kept[k];
                }
            }
            nKept = m;
        }
        if (nKept == 0) {
            throw new IllegalArgumentException("After pruning, no terms remain. Try a lower min_df or a higher max_df.");
        }
        int[] keptIds = new int[nKept];
        long[] df = new long[nKept];
        for (int k = 0; k < nKept; k++) {
            keptIds[k] = order[kept[k]];
            df[k] = counts.df[keptIds[k]];
        }
        table.retainInOrder(keptIds, nKept); // the counts are spent: their table becomes the vocabulary
        LOG.debug("fitted {} documents, {} terms seen, {} kept", nDoc, v, nKept);
        int[] toIndex = new int[v];
        Arrays.fill(toIndex, -1);
        for (int k = 0; k < nKept; k++) {
            toIndex[order[kept[k]]] = k;
        }
        return new Fitted(new TfidfModel(analyzer, weighting, nDoc, table, df, null), toIndex, false);
    }

    /** Compares by Unicode code point, as Python orders strings. */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    }

    /** Maps UTF-16 units so that surrogates (code points above U+FFFF) sort after U+E000..U+FFFF. */
    static int codePointRank(char c) {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        if (c >= 0xD800) {
            return c + 0x2000;
        }
        return c;
    }

    /** Builder with scikit-learn's names and defaults; see the class comment for each parameter. */
    public static final class Builder {
        private Norm norm = Norm.L2;
        private boolean useIdf = true;
        private boolean smoothIdf = true;
        private boolean sublinearTf;
        private boolean textbook;
        private Number minDf = 1;
        private Number maxDf = 1.0;
        private int maxFeatures;
        private int ngramMin = 1;
        private int ngramMax = 1;
        private boolean lowercase = true;
        private Collection<String> stopWords = List.of();
        private String tokenizerName = "default";
        private Segmenter segmenter;
        private Analyzer analyzer;
        private int threads = Threads.defaultCount();

        private Builder() {
        }

        public Builder norm(Norm norm) {
            this.norm = Objects.requireNonNull(norm, "norm");
            return this;
        }

        public Builder useIdf(boolean useIdf) {
            this.useIdf = useIdf;
            return this;
        }

        public Builder smoothIdf(boolean smoothIdf) {
            this.smoothIdf = smoothIdf;
            return this;
        }

        public Builder sublinearTf(boolean sublinearTf) {
            this.sublinearTf = sublinearTf;
            return this;
        }

        /**
         * The textbook definition: tf = count / document length (number of terms the analyzer produced),
         * idf = log10(N / df) (no smoothing, no +1), no normalization. Other weighting settings are reset.
         */
        public Builder textbook() {
            this.textbook = true;
            this.norm = Norm.NONE;
            this.useIdf = true;
            this.smoothIdf = false;
            this.sublinearTf = false;
            return this;
        }

        /** Minimum document count (an absolute number of documents, >= 0). */
        public Builder minDf(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("minDf count must be >= 0, got " + count);
            }
            this.minDf = count;
            return this;
        }

        /** Minimum document frequency as a proportion of the corpus, in [0, 1]. */
        public Builder minDf(double proportion) {
            this.minDf = proportion(proportion, "minDf");
            return this;
        }

        /** Maximum document count (an absolute number of documents, >= 0). */
        public Builder maxDf(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("maxDf count must be >= 0, got " + count);
            }
            this.maxDf = count;
            return this;
        }

        /** Maximum document frequency as a proportion of the corpus, in [0, 1]. */
        public Builder maxDf(double proportion) {
            this.maxDf = proportion(proportion, "maxDf");
            return this;
        }

        /** Keep at most this many terms, the most frequent in the corpus; 0 means no limit. */
        public Builder maxFeatures(int maxFeatures) {
            if (maxFeatures < 0) {
                throw new IllegalArgumentException("maxFeatures must be >= 1 (or 0 for no limit), got " + maxFeatures);
            }
            this.maxFeatures = maxFeatures;
            return this;
        }

        public Builder ngramRange(int min, int max) {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("invalid ngramRange (" + min + ", " + max + "): need 1 <= min <= max");
            }
            this.ngramMin = min;
            this.ngramMax = max;
            return this;
        }

        public Builder lowercase(boolean lowercase) {
            this.lowercase = lowercase;
            return this;
        }

        public Builder stopWords(Collection<String> stopWords) {
            this.stopWords = List.copyOf(stopWords);
            return this;
        }

        /** A tokenizer by name: {@code default}, {@code whitespace} or {@code english}. */
        public Builder tokenizer(String name) {
            if (!List.of("default", "whitespace", "english").contains(name)) {
                throw new IllegalArgumentException("unknown tokenizer '" + name
                        + "'; expected default, whitespace or english (or use segmenter(name, segmenter))");
            }
            this.tokenizerName = name;
            this.segmenter = null;
            this.analyzer = null;
            return this;
        }

        /**
         * A custom segmenter; {@code name} is saved with the model ({@link TfidfModel#load(java.nio.file.Path,
         * Segmenter)} takes the segmenter again when loading).
         */
        public Builder segmenter(String name, Segmenter segmenter) {
            this.tokenizerName = Objects.requireNonNull(name, "name");
            this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
            this.analyzer = null;
            return this;
        }

        /**
         * The analysis chain (segmenter, normalisers, stop words) as one object, the same an embedder or
         * Word2Vec takes, so they all see the same terms. It replaces {@link #tokenizer}, {@link #lowercase}
         * and {@link #stopWords}, which are shortcuts that describe an analyzer.
         */
        public Builder analyzer(Analyzer analyzer) {
            this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
            return this;
        }

        /** Worker threads for fitting (default {@link Threads#defaultCount()}); the model does not depend on it. */
        public Builder threads(int threads) {
            this.threads = Threads.require(threads);
            return this;
        }

        public TfidfVectorizer build() {
            return new TfidfVectorizer(this);
        }

        private static double proportion(double p, String name) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException(name + " proportion must be in [0.0, 1.0], got " + p
                        + " (pass an int for a document count)");
            }
            return p;
        }
    }
}
