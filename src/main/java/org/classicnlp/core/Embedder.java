package org.classicnlp.core;

import java.util.List;

/**
 * Turns a document into a vector of a fixed dimension. The seam where local models (TF-IDF, averaged
 * word vectors) and hosted embeddings are interchangeable. Implementations are thread-safe.
 */
public interface Embedder {

    Vector embed(Document document);

    /** Embeds several documents; hosted implementations override this to batch requests. */
    default List<Vector> embedAll(List<Document> documents) {
        return documents.stream().map(this::embed).toList();
    }

    int dimension();

    /** A short name saying what produces the vectors, e.g. {@code tfidf} or {@code w2v-mean}. */
    String name();
}
