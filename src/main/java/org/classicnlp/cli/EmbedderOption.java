package org.classicnlp.cli;

import org.classicnlp.core.Embedder;
import org.classicnlp.embed.Embedders;

/**
 * {@code --embedder NAME|FILE} of the index, faq, classify and cluster commands: every name goes through
 * {@link Embedders#byName} (the one name-to-embedder seam); {@code bm25} is handled by the commands that
 * rank with BM25 instead.
 */
final class EmbedderOption {

    static final String BM25 = "bm25";

    private EmbedderOption() {
    }

    /** The embedder {@code name} resolves to; an unknown name is bad usage (exit 2). */
    static Embedder resolve(String name) {
        try {
            return Embedders.byName(name);
        } catch (IllegalArgumentException e) {
            throw new CliErrors.Usage("--embedder: " + e.getMessage());
        }
    }
}
