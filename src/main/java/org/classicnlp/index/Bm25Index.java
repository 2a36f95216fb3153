package org.classicnlp.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.Hit;
import org.classicnlp.core.ModelContainer;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.core.TopK;
import org.classicnlp.segment.Segmenter;

/**
 * Okapi BM25 over analysed terms, with Lucene's definition ({@code BM25Similarity}, Lucene 8 and later) and
 * defaults {@code k1 = 1.2}, {@code b = 0.75}:
 *
 * <pre>
 * score(q, d) = Σ over query terms t (repeats count again) of  idf(t) · tf / (tf + k1 · (1 − b + b · |d| / avgdl))
 * idf(t)      = ln(1 + (N − df + 0.5) / (df + 0.5))
 * </pre>
 *
 * with {@code tf} the count of t in d, {@code |d|} the number of analysed terms of d, {@code avgdl} their
 * mean over the N documents and {@code df} the number of documents holding t. Lucene drops the classic
 * {@code (k1 + 1)} factor of the numerator (it does not change a ranking); so do we. One difference: Lucene
 * stores {@code |d|} lossily in one byte, we keep it exact, so scores agree with Lucene's to the length
 * quantisation. An immutable, thread-safe model; saved in the core container, kind {@code bm25}.
 */
public final class Bm25Index implements TextSearcher {

    public static final double DEFAULT_K1 = 1.2;
    public static final double DEFAULT_B = 0.75;
    static final ModelContainer.Kind KIND = new ModelContainer.Kind("bm25", 1);

    private final Analyzer analyzer;
    private final double k1;
    private final double b;
    private final String[] docIds;
    private final int[] docLengths;
    private final double avgdl;
    private final Map<String, Integer> termIds;
    private final int[][] postingDocs;
    private final int[][] postingFreqs;

    private Bm25Index(Analyzer analyzer, double k1, double b, String[] docIds, int[] docLengths,
            Map<String, Integer> termIds, int[][] postingDocs, int[][] postingFreqs) {
        this.analyzer = analyzer;
        this.k1 = k1;
        this.b = b;
        this.docIds = docIds;
        this.docLengths = docLengths;
        long total = 0;
        for (int len : docLengths) {
            total += len;
        }
        this.avgdl = docLengths.length == 0 ? 0 : (double) total / docLengths.length;
        this.termIds = termIds;
        this.postingDocs = postingDocs;
        this.postingFreqs = postingFreqs;
    }

    /**
     * The analyzer BM25 uses unless told otherwise: {@link Analyzer#standard()} (Chinese and English
     * segmentation, width and Traditional→Simplified folding, lowercase) with punctuation and symbol tokens
     * dropped, so a shared "？" does not count as a match.
     */
    public static Analyzer defaultAnalyzer() {
        return DefaultAnalyzerHolder.INSTANCE;
    }

    private static final class DefaultAnalyzerHolder {
        static final Analyzer INSTANCE = Analyzer.builder(Analyzer.standardSpec()).dropSymbols(true).build();
    }

    /** An index of {@code corpus} with Lucene's defaults. */
    public static Bm25Index fit(Corpus<Document> corpus, Analyzer analyzer) {
        return fit(corpus, analyzer, DEFAULT_K1, DEFAULT_B);
    }

    /**
     * An index of {@code corpus}, its documents analysed by {@code analyzer} (queries are analysed the
     * same way).
     *
     * @param k1 term-frequency saturation, {@code >= 0}
     * @param b  length normalisation, in [0, 1]
     */
    public static Bm25Index fit(Corpus<Document> corpus, Analyzer analyzer, double k1, double b) {
        Objects.requireNonNull(analyzer, "analyzer");
        if (!(k1 >= 0) || !(b >= 0 && b <= 1)) {
            throw new IllegalArgumentException("need k1 >= 0 and 0 <= b <= 1, got k1=" + k1 + ", b=" + b);
        }
        List<String> ids = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        Map<String, Integer> termIds = new HashMap<>();
        List<int[]> docs = new ArrayList<>();   // per term: growing doc list, [0] = size
        List<int[]> freqs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        corpus.forEach(d -> {
            if (seen.putIfAbsent(d.id(), ids.size()) != null) {
                throw new IllegalArgumentException("document id '" + d.id() + "' occurs twice");
            }
            int doc = ids.size();
            ids.add(d.id());
            List<String> terms = analyzer.terms(d.text());
            lengths.add(terms.size());
            Map<String, Integer> counts = new HashMap<>();
            for (String t : terms) {
                counts.merge(t, 1, Integer::sum);
            }
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                int t = termIds.computeIfAbsent(e.getKey(), k -> {
                    docs.add(new int[] {0, 0, 0, 0});
                    freqs.add(new int[4]);
                    return docs.size() - 1;
                });
                int[] dl = docs.get(t);
                int n = dl[0] + 1;
                if (n >= dl.length) {
                    dl = Arrays.copyOf(dl, dl.length * 2);
                    docs.set(t, dl);
                    freqs.set(t, Arrays.copyOf(freqs.get(t), dl.length));
                }
                dl[n] = doc;
                freqs.get(t)[n] = e.getValue();
                dl[0] = n;
            }
        });
        int[][] pd = new int[docs.size()][];
        int[][] pf = new int[docs.size()][];
        for (int t = 0; t < pd.length; t++) {
            int n = docs.get(t)[0];
            pd[t] = Arrays.copyOfRange(docs.get(t), 1, n + 1);
            pf[t] = Arrays.copyOfRange(freqs.get(t), 1, n + 1);
        }
        return new Bm25Index(analyzer, k1, b, ids.toArray(new String[0]),
                lengths.stream().mapToInt(Integer::intValue).toArray(), termIds, pd, pf);
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    public double k1() {
        return k1;
    }

    public double b() {
        return b;
    }

    /** Number of documents. */
    public int size() {
        return docIds.length;
    }

    public String id(int doc) {
        return docIds[doc];
    }

    /** Lucene's BM25 idf of a term (for a term in no document: {@code ln(1 + (N + 0.5) / 0.5)}). */
    public double idf(String term) {
        Integer t = termIds.get(term);
        int df = t == null ? 0 : postingDocs[t].length;
        return Math.log(1 + (docIds.length - df + 0.5) / (df + 0.5));
    }

    /** The BM25 score of every document for {@code query} (index = document number, 0 = no query term). */
    public float[] scores(String query) {
        float[] acc = new float[docIds.length];
        for (String term : analyzer.terms(query)) {
            Integer t = termIds.get(term);
            if (t == null) {
                continue;
            }
            int[] pd = postingDocs[t];
            int[] pf = postingFreqs[t];
            double idf = Math.log(1 + (docIds.length - pd.length + 0.5) / (pd.length + 0.5));
            for (int i = 0; i < pd.length; i++) {
                double tf = pf[i];
                double norm = k1 * (1 - b + b * docLengths[pd[i]] / avgdl);
                acc[pd[i]] += (float) (idf * tf / (tf + norm));
            }
        }
        return acc;
    }

    /** The {@code k} best documents for {@code query}; documents sharing no term with it are not hits. */
    @Override
    public List<Hit> search(String query, int k) {
        return search(query, k, null);
    }

    /** As {@link #search(String, int)}, only documents whose id passes {@code filter} (null: all). */
    @Override
    public List<Hit> search(String query, int k, Predicate<String> filter) {
        float[] s = scores(query);
        TopK top = new TopK(k);
        for (int d = 0; d < s.length; d++) {
            if (s[d] > 0 && top.accepts(s[d]) && (filter == null || filter.test(docIds[d]))) {
                top.add(d, s[d]);
            }
        }
        List<Hit> out = new ArrayList<>(top.size());
        for (TopK.Hit h : top.best()) {
            out.add(new Hit(docIds[h.id()], h.score()));
        }
        return out;
    }

    /**
     * Saves the index with its analyzer's spec. Body: double k1, double b, int N, N × (UTF id, int length),
     * int terms, per term UTF term, int df, df × (int doc, int tf).
     */
    public void save(Path file) {
        ModelContainer.save(file, KIND, analyzer.spec(), ModelContainer.Compression.GZIP, out -> {
            out.writeDouble(k1);
            out.writeDouble(b);
            out.writeInt(docIds.length);
            for (int d = 0; d < docIds.length; d++) {
                out.writeUTF(docIds[d]);
                out.writeInt(docLengths[d]);
            }
            String[] terms = new String[termIds.size()];
            termIds.forEach((term, t) -> terms[t] = term);
            out.writeInt(terms.length);
            for (int t = 0; t < terms.length; t++) {
                out.writeUTF(terms[t]);
                out.writeInt(postingDocs[t].length);
                for (int i = 0; i < postingDocs[t].length; i++) {
                    out.writeInt(postingDocs[t][i]);
                    out.writeInt(postingFreqs[t][i]);
                }
            }
        });
    }

    /** Reads an index saved by {@link #save}, with the built-in segmenter its spec names. */
    public static Bm25Index load(Path file) {
        return load(file, null);
    }

    /** As {@link #load(Path)}, with a custom segmenter (null: the built-in one the spec names). */
    public static Bm25Index load(Path file, Segmenter segmenter) {
        return ModelContainer.load(file, body -> read(body, segmenter), KIND);
    }

    private static Bm25Index read(ModelContainer.Body body, Segmenter segmenter) throws IOException {
        var spec = body.spec().orElseThrow(() -> body.error("missing analyzer spec"));
        Analyzer analyzer;
        try {
            analyzer = segmenter == null ? Analyzer.of(spec) : Analyzer.of(spec, segmenter);
        } catch (IllegalArgumentException e) {
            throw body.error("the analyzer spec: " + e.getMessage());
        }
        var in = body.in();
        double k1 = in.readDouble();
        double b = in.readDouble();
        body.check(k1 >= 0 && b >= 0 && b <= 1, "invalid k1/b " + k1 + "/" + b);
        int n = in.readInt();
        body.check(n >= 0, "invalid document count " + n);
        body.section("documents");
        body.count(n, 6, "document");   // its id's UTF length and its length
        String[] ids = new String[n];
        int[] lengths = new int[n];
        for (int d = 0; d < n; d++) {
            ids[d] = in.readUTF();
            lengths[d] = in.readInt();
        }
        body.section("postings");
        int terms = in.readInt();
        body.check(terms >= 0, "invalid term count " + terms);
        body.count(terms, 14, "term");   // UTF length, df, one posting
        Map<String, Integer> termIds = new HashMap<>(terms * 2);
        int[][] pd = new int[terms][];
        int[][] pf = new int[terms][];
        for (int t = 0; t < terms; t++) {
            termIds.put(in.readUTF(), t);
            int df = in.readInt();
            body.check(df >= 1 && df <= n, "invalid document frequency " + df + " of term " + t);
            pd[t] = new int[df];
            pf[t] = new int[df];
            for (int i = 0; i < df; i++) {
                pd[t][i] = in.readInt();
                pf[t][i] = in.readInt();
                body.check(pd[t][i] >= 0 && pd[t][i] < n && pf[t][i] > 0, "invalid posting of term " + t);
            }
        }
        return new Bm25Index(analyzer, k1, b, ids, lengths, termIds, pd, pf);
    }
}
