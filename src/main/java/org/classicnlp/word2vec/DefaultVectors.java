package org.classicnlp.word2vec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.AnalyzerSpec;

/**
 * The shipped default word vectors, Chinese ({@code zh}) and English ({@code en}): skip-gram, 100 dimensions,
 * the 50,000 most frequent words of the shared Wikipedia slices, 6 bits per value ({@link PackedVectors}),
 * loaded from the classpath on first use and shared (they are immutable). See {@code models/README.md}
 * for how they were trained and their quality.
 */
public final class DefaultVectors {

    /**
     * The analyzer of the shipped vectors: the standard segmenter (Chinese words, English tokens), width
     * folding, Traditional→Simplified, lower case, tokens without a letter, digit or Han character dropped.
     * {@code w2v train --tokenizer default --lowercase --drop-symbols} trains through it.
     */
    public static final AnalyzerSpec ANALYZER_SPEC = Analyzer.standardSpec().withDropSymbols(true);

    /** The names of the shipped vectors. */
    public static final List<String> NAMES = List.of("zh", "en");

    private static final String RESOURCE_DIR = "/org/classicnlp/models/";

    private DefaultVectors() {
    }

    public static Analyzer analyzer() {
        return Analyzer.of(ANALYZER_SPEC);
    }

    // loaded on first use, once; not in holder classes, so a missing resource is reported as itself on every
    // call instead of as a NoClassDefFoundError after the first
    private static volatile PackedVectors zh;
    private static volatile PackedVectors en;

    /** The shipped Chinese vectors (Simplified forms; Traditional input is folded by their analyzer). */
    public static PackedVectors chinese() {
        PackedVectors v = zh;
        if (v == null) {
            synchronized (DefaultVectors.class) {
                if (zh == null) {
                    zh = loadResource("w2v-zh.bin");
                }
                v = zh;
            }
        }
        return v;
    }

    /** The shipped English vectors (lower-cased words). */
    public static PackedVectors english() {
        PackedVectors v = en;
        if (v == null) {
            synchronized (DefaultVectors.class) {
                if (en == null) {
                    en = loadResource("w2v-en.bin");
                }
                v = en;
            }
        }
        return v;
    }

    /**
     * The shipped vectors named {@code zh} or {@code en}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static PackedVectors byLanguage(String language) {
        return switch (language) {
            case "zh" -> chinese();
            case "en" -> english();
            default -> throw new IllegalArgumentException("no shipped word vectors '" + language
                    + "'; expected one of " + String.join(", ", NAMES));
        };
    }

    /**
     * Word vectors by name or file, as every {@code w2v --vectors} option reads them: {@code zh} and
     * {@code en} are the shipped vectors, anything else a file: a {@code w2v-packed} model file or a
     * word2vec text or binary file.
     */
    public static WordVectors named(String nameOrFile) {
        if (NAMES.contains(nameOrFile)) {
            return byLanguage(nameOrFile).vectors();
        }
        Path file = Path.of(nameOrFile);
        return isPackedFile(file) ? PackedVectors.load(file).vectors() : WordVectors.load(file);
    }

    /**
     * Whether {@code file} starts as a model container file (then {@link PackedVectors#load} reads it or says
     * which kind it is instead), as opposed to a word2vec file.
     */
    public static boolean isPackedFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("CNLPMODL");
        } catch (IOException e) {
            return false;   // the reader that follows reports the problem with the file's name
        }
    }

    static PackedVectors loadResource(String name) {
        String resource = RESOURCE_DIR + name;
        InputStream in = DefaultVectors.class.getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("classpath resource " + resource
                    + " not found (the jar was built without the models/ directory)"));
        }
        return PackedVectors.load(in, "classpath:" + resource);
    }
}
