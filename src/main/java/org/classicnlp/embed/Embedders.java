package org.classicnlp.embed;

import java.util.List;
import org.classicnlp.core.Embedder;

/**
 * Embedders by name: the shipped defaults ({@code w2v-mean-zh}, {@code w2v-sif-en}, {@code tfidf-hash-zh-1024},
 * …, listed by {@link #names()}) and any model file a user trained. The one place the CLI ({@code serve},
 * {@code index build}, {@code faq}, {@code classify}) and library users turn a name into an {@link Embedder}.
 */
public final class Embedders {

    private Embedders() {
    }

    /**
     * The embedder named {@code nameOrFile}: a shipped name, or the path of a model file.
     *
     * @throws IllegalArgumentException for a name that is neither, listing the known names
     */
    public static Embedder byName(String nameOrFile) {
        throw new IllegalArgumentException("unknown embedder '" + nameOrFile + "'; known: " + String.join(", ", names()));
    }

    /** The shipped embedder names, in a stable order. */
    public static List<String> names() {
        return List.of();
    }
}
