package org.classicnlp.tfidf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The shipped IDF tables, Chinese ({@code zh}) and English ({@code en}): jieba's {@code idf.txt} idea, built
 * by {@code tfidf fit} on the shared Wikipedia slices (one document per paragraph, standard analysis with
 * lower case, terms in at least 3 paragraphs; see {@code models/README.md}). They are {@link TfidfModel}s,
 * loaded from the classpath on first use and shared, so {@code keywords --model zh|en} and the
 * {@code tfidf-hash-*} embedders work on a single document with no corpus.
 */
public final class DefaultIdf {

    /** The names of the shipped tables. */
    public static final List<String> NAMES = List.of("zh", "en");

    private DefaultIdf() {
    }

    private static volatile TfidfModel zh;
    private static volatile TfidfModel en;

    public static TfidfModel chinese() {
        TfidfModel m = zh;
        if (m == null) {
            synchronized (DefaultIdf.class) {
                if (zh == null) {
                    zh = load("idf-zh.bin");
                }
                m = zh;
            }
        }
        return m;
    }

    public static TfidfModel english() {
        TfidfModel m = en;
        if (m == null) {
            synchronized (DefaultIdf.class) {
                if (en == null) {
                    en = load("idf-en.bin");
                }
                m = en;
            }
        }
        return m;
    }

    /**
     * The table named {@code zh} or {@code en}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static TfidfModel byLanguage(String language) {
        return switch (language) {
            case "zh" -> chinese();
            case "en" -> english();
            default -> throw new IllegalArgumentException("no shipped IDF table '" + language + "'; expected one of "
                    + String.join(", ", NAMES));
        };
    }

    private static TfidfModel load(String name) {
        String resource = "/org/classicnlp/models/" + name;
        InputStream in = DefaultIdf.class.getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("classpath resource " + resource
                    + " not found (the jar was built without the models/ directory)"));
        }
        return TfidfModel.load(in, "classpath:" + resource);
    }
}
