package org.classicnlp.tfidf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
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
 * the vocabulary, not with the corpus. With {@link Builder#threads} above 1 the documents are analyzed
 * on worker threads; the result does not depend on the thread count.
 */
public final class TfidfVectorizer {

    private static final Logger LOG = LoggerFactory.getLogger(TfidfVectorizer.class);
    /** A worker's private counts are merged into the shared ones when they exceed this many terms. */
    private static final int FLUSH_TERMS = 1 << 16;

    private final TermAnalyzer analyzer;
    private final Weighting weighting;
    private final Number minDf;
    private final Number maxDf;
    private final int maxFeatures;
    private final int threads;

    private TfidfVectorizer(Builder b) {
        Segmenter seg = b.segmenter != null ? b.segmenter : Segmenters.tokenizer(b.tokenizerName);
        this.analyzer = new TermAnalyzer(b.tokenizerName, seg, b.lowercase, b.stopWords, b.ngramMin, b.ngramMax);
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

    /** As {@link #fit(Corpus)} over a single-use stream (the caller closes it). */
    public TfidfModel fit(Stream<Document> documents, LongConsumer progress) {
        DocumentFrequencies total = new DocumentFrequencies(1 << 14);
        List<DocumentFrequencies> locals = new ArrayList<>();
        ThreadLocal<DocumentFrequencies> local = ThreadLocal.withInitial(() -> {
            DocumentFrequencies d = new DocumentFrequencies(1 << 14);
            synchronized (locals) {
                locals.add(d);
            }
            return d;
        });
        ThreadLocal<TermAnalyzer.Scratch> scratch = ThreadLocal.withInitial(TermAnalyzer.Scratch::new);
        BatchRunner.run(documents, threads, batch -> {
            DocumentFrequencies counts = local.get();
            TermAnalyzer.Scratch s = scratch.get();
            for (Document d : batch) {
                counts.addDocument(analyzer, d.text(), s);
            }
            if (counts.size() > FLUSH_TERMS) {
                synchronized (total) {
                    counts.mergeInto(total);
                }
            }
            return batch.size();
        }, (Integer done) -> progress.accept(done));
        synchronized (locals) {
            for (DocumentFrequencies d : locals) {
                d.mergeInto(total);
            }
        }
        return finish(total);
    }

    private TfidfModel finish(DocumentFrequencies counts) {
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
        String[] sortedTerms = new String[v];
        boolean surrogates = false;
        for (int i = 0; i < v; i++) {
            String t = table.term(i);
            sortedTerms[i] = t;
            surrogates |= hasSurrogate(t);
        }
        // UTF-16 order equals code-point order unless a term has a surrogate: then compare code points
        if (surrogates) {
            Arrays.sort(sortedTerms, TfidfVectorizer::compareCodePoints);
        } else {
            Arrays.sort(sortedTerms);
        }
        int[] order = new int[v];
        for (int k = 0; k < v; k++) {
            order[k] = table.find(sortedTerms[k]);
        }
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
        String[] terms = new String[nKept];
        long[] df = new long[nKept];
        for (int k = 0; k < nKept; k++) {
            terms[k] = sortedTerms[kept[k]];
            df[k] = counts.df[order[kept[k]]];
        }
        LOG.debug("fitted {} documents, {} terms seen, {} kept", nDoc, v, nKept);
        return new TfidfModel(analyzer, weighting, nDoc, terms, df, null);
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return true;
            }
        }
        return false;
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
    private static int codePointRank(char c) {
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
        private int threads = 1;

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
            return this;
        }

        /**
         * A custom segmenter; {@code name} is saved with the model ({@link TfidfModel#load(java.nio.file.Path,
         * Segmenter)} takes the segmenter again when loading).
         */
        public Builder segmenter(String name, Segmenter segmenter) {
            this.tokenizerName = Objects.requireNonNull(name, "name");
            this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
            return this;
        }

        /** Worker threads for fitting (default 1); the model does not depend on it. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            this.threads = threads;
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
