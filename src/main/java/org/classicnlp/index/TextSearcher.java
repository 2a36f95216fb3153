package org.classicnlp.index;

import java.util.List;
import java.util.function.Predicate;
import org.classicnlp.core.Hit;

/**
 * Ranks stored documents for a text query: {@link Bm25Index} (sparse), {@link SemanticIndex} (an embedder's
 * vectors), {@link HybridSearch} (both, weighted). The FAQ bot and {@code index search} take any of them.
 * Implementations are thread-safe.
 */
public interface TextSearcher {

    /** The {@code k} best documents, best first; each hit's id is a document id. */
    default List<Hit> search(String query, int k) {
        return search(query, k, null);
    }

    /** As {@link #search(String, int)}, only documents whose id passes {@code filter} (null: all). */
    List<Hit> search(String query, int k, Predicate<String> filter);
}
