package org.classicnlp.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.Embedder;
import org.classicnlp.core.Hit;

/**
 * Semantic search: documents embedded by an {@link Embedder} in a cosine {@link VectorIndex}; a query is
 * embedded the same way. The embedder is not saved with the vectors (it is a model of its own): the CLI
 * keeps its name next to the saved index and resolves it again.
 */
public final class SemanticIndex implements TextSearcher {

    private static final int BATCH = 256;

    private final Embedder embedder;
    private final VectorIndex vectors;

    public SemanticIndex(Embedder embedder, VectorIndex vectors) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.vectors = Objects.requireNonNull(vectors, "vectors");
        if (embedder.dimension() != vectors.dimension()) {
            throw new IllegalArgumentException("embedder " + embedder.name() + " gives dimension "
                    + embedder.dimension() + ", the index holds dimension " + vectors.dimension());
        }
    }

    /**
     * Embeds every document of {@code corpus} (in batches, through {@link Embedder#embedAll}) into a new
     * cosine index: exact, or HNSW when {@code hnsw} is not null.
     */
    public static SemanticIndex build(Corpus<Document> corpus, Embedder embedder, VectorIndex.HnswParams hnsw) {
        VectorIndex index = hnsw == null ? VectorIndex.exact(embedder.dimension(), VectorIndex.Metric.COSINE)
                : VectorIndex.hnsw(embedder.dimension(), VectorIndex.Metric.COSINE, hnsw);
        List<Document> batch = new ArrayList<>(BATCH);
        corpus.forEach(d -> {
            batch.add(d);
            if (batch.size() == BATCH) {
                addBatch(index, embedder, batch);
            }
        });
        addBatch(index, embedder, batch);
        return new SemanticIndex(embedder, index);
    }

    private static void addBatch(VectorIndex index, Embedder embedder, List<Document> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int dim = embedder.dimension();
        float[] rows = new float[batch.size() * dim];
        List<String> ids = new ArrayList<>(batch.size());
        var vectors = embedder.embedAll(batch);
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(vectors.get(i).toFloatArray(), 0, rows, i * dim, dim);
            ids.add(batch.get(i).id());
        }
        index.addAll(ids, rows);
        batch.clear();
    }

    public Embedder embedder() {
        return embedder;
    }

    public VectorIndex vectors() {
        return vectors;
    }

    /** The query's embedding as the index compares it. */
    public float[] embedQuery(String query) {
        return embedder.embed(query).toFloatArray();
    }

    /** Hits scored by cosine; a query the embedder maps to the zero vector scores 0 everywhere. */
    @Override
    public List<Hit> search(String query, int k, Predicate<String> filter) {
        return vectors.search(embedQuery(query), k, filter);
    }
}
