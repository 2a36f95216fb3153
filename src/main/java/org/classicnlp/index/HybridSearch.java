package org.classicnlp.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.classicnlp.core.Hit;

/**
 * Hybrid ranking: {@code score = w · cosine + (1 − w) · bm25 / max bm25}, the BM25 score divided by the best
 * BM25 score of the query's candidates so both parts lie in comparable ranges. Candidates are the union of
 * the best {@code max(k, pool)} documents of each ranking; each candidate gets both scores exactly. The two
 * indexes must hold the same document ids.
 */
public final class HybridSearch implements TextSearcher {

    public static final int DEFAULT_POOL = 100;

    private final Bm25Index bm25;
    private final SemanticIndex dense;
    private final double denseWeight;
    private final int pool;
    private final Map<String, Integer> docOf;

    /** @param denseWeight w in [0, 1]: 0 is BM25 alone, 1 the embedder alone */
    public HybridSearch(Bm25Index bm25, SemanticIndex dense, double denseWeight) {
        this(bm25, dense, denseWeight, DEFAULT_POOL);
    }

    public HybridSearch(Bm25Index bm25, SemanticIndex dense, double denseWeight, int pool) {
        if (!(denseWeight >= 0 && denseWeight <= 1) || pool < 1) {
            throw new IllegalArgumentException("need 0 <= denseWeight <= 1 and pool >= 1, got " + denseWeight
                    + ", " + pool);
        }
        if (bm25.size() != dense.vectors().size()) {
            throw new IllegalArgumentException("BM25 holds " + bm25.size() + " documents, the vector index "
                    + dense.vectors().size());
        }
        this.bm25 = bm25;
        this.dense = dense;
        this.denseWeight = denseWeight;
        this.pool = pool;
        this.docOf = new java.util.HashMap<>(bm25.size() * 2);
        for (int d = 0; d < bm25.size(); d++) {
            docOf.put(bm25.id(d), d);
        }
    }

    @Override
    public List<Hit> search(String query, int k, Predicate<String> filter) {
        int n = Math.max(k, pool);
        float[] q = dense.embedQuery(query);
        float[] sparse = bm25.scores(query);
        Map<String, Integer> bm25Doc = new LinkedHashMap<>();
        for (Hit h : bm25.search(query, n, filter)) {
            bm25Doc.put(h.id(), docOf.get(h.id()));
        }
        for (Hit h : dense.vectors().search(q, n, filter)) {
            Integer d = docOf.get(h.id());
            if (d == null) {
                throw new IllegalStateException("document '" + h.id() + "' is in the vector index, not in BM25");
            }
            bm25Doc.putIfAbsent(h.id(), d);
        }
        double max = 0;
        for (int d : bm25Doc.values()) {
            max = Math.max(max, sparse[d]);
        }
        List<Hit> out = new ArrayList<>(bm25Doc.size());
        for (Map.Entry<String, Integer> e : bm25Doc.entrySet()) {
            int row = dense.vectors().row(e.getKey());
            if (row < 0) {
                throw new IllegalStateException("document '" + e.getKey() + "' is in only one of the two indexes");
            }
            double s = denseWeight * dense.vectors().score(q, row)
                    + (1 - denseWeight) * (max > 0 ? sparse[e.getValue()] / max : 0);
            out.add(new Hit(e.getKey(), s));
        }
        out.sort(Comparator.comparingDouble(Hit::score).reversed());
        return out.subList(0, Math.min(k, out.size()));
    }
}
