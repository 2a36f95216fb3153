package org.classicnlp.tfidf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.classicnlp.core.TextFiles;

/**
 * Stop-word lists: bundled English (scikit-learn's list, from the Glasgow IR group; BSD-3-Clause) and
 * Chinese (written for ClassicNLP: particles, conjunctions, prepositions, pronouns, common adverbs and
 * full-width punctuation), or a UTF-8 file with one word per line ({@code #} starts a comment line,
 * blank lines are ignored, surrounding white space is trimmed).
 */
public final class StopWords {

    private StopWords() {
    }

    /** scikit-learn's English list (318 words). */
    public static Set<String> english() {
        return resource("stopwords-en.txt");
    }

    /** The bundled Chinese list. */
    public static Set<String> chinese() {
        return resource("stopwords-zh.txt");
    }

    /** The words of a stop-word file. */
    public static Set<String> load(Path file) {
        try (java.util.stream.Stream<String> lines = TextFiles.lines(file)) {
            return parse(lines.toList());
        }
    }

    /**
     * {@code en}/{@code english}, {@code zh}/{@code chinese}, or a file path; several may be joined with
     * commas ({@code en,zh}).
     */
    public static Set<String> byName(String spec) {
        Set<String> out = new LinkedHashSet<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            switch (p.toLowerCase(Locale.ROOT)) {
                case "en", "english" -> out.addAll(english());
                case "zh", "chinese" -> out.addAll(chinese());
                default -> out.addAll(load(Path.of(p)));
            }
        }
        return Set.copyOf(out);
    }

    private static Set<String> resource(String name) {
        InputStream in = StopWords.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("bundled stop-word list " + name + " missing from the class path");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled stop words " + name, e);
        }
    }

    private static Set<String> parse(List<String> lines) {
        List<String> words = new ArrayList<>();
        for (String line : lines) {
            String w = line.strip();
            if (!w.isEmpty() && !w.startsWith("#")) {
                words.add(w);
            }
        }
        return Set.copyOf(new LinkedHashSet<>(words));
    }
}
