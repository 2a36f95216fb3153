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
     * This embedder with its vectors reduced to {@code dimensions} components, as the hosted API's
     * {@code dimensions} parameter reduces them: the word-vector embedders keep the first {@code dimensions}
     * components and scale the result to unit length.
     *
     * @throws UnsupportedOperationException if this embedder cannot reduce its dimension (the default)
     * @throws IllegalArgumentException      if {@code dimensions} is not between 1 and {@link #dimension()}
     */
    default Embedder withDimensions(int dimensions) {
        throw new UnsupportedOperationException(name() + " cannot be reduced to fewer dimensions");
    }

    /** A short name saying what produces the vectors, e.g. {@code tfidf} or {@code w2v-mean}. */
    String name();
}
