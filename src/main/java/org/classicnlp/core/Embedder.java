package org.classicnlp.core;

import java.util.List;

/**
 * Turns a document into a vector of a fixed dimension. The seam where local models (TF-IDF, averaged
 * word vectors) and hosted embeddings are interchangeable. Implementations are thread-safe.
 */
public interface Embedder {

    FeatureVector embed(Document document);

    /** Embeds one text (a document with an empty id). */
    default FeatureVector embed(String text) {
        return embed(new Document("", text));
    }

    /**
     * Embeds several documents, in order; hosted implementations override this to batch requests.
     */
    default List<FeatureVector> embedAll(List<Document> documents) {
        return documents.stream().map(this::embed).toList();
    }

    /** Embeds several texts, in order (see {@link #embedAll(List)}). */
    default List<FeatureVector> embedTexts(List<String> texts) {
        return embedAll(texts.stream().map(t -> new Document("", t)).toList());
    }

    int dimension();

    /**
     * This embedder with its vectors reduced to the first {@code dimensions} components, renormalised to unit
     * length (what the hosted embeddings API's {@code dimensions} parameter does for its newer models).
     * Only embedders whose leading components carry meaning on their own can do this: the word-vector
     * embedders do; TF-IDF and feature hashing do not.
     *
     * @throws UnsupportedOperationException when this embedder cannot reduce its dimension (the default)
     * @throws IllegalArgumentException      when {@code dimensions} is not in {@code [1, dimension()]}
     */
    default Embedder withDimensions(int dimensions) {
        throw new UnsupportedOperationException(name() + " embeddings cannot be reduced to " + dimensions
                + " dimensions; only the word-vector embedders can");
    }

    /** A short name saying what produces the vectors, e.g. {@code tfidf} or {@code w2v-mean}. */
    String name();
}
