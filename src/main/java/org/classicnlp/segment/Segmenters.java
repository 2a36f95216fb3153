package org.classicnlp.segment;

import java.util.List;
import java.util.Locale;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;

/** Segmenters by name, as the CLI and analyzers choose them. */
public final class Segmenters {

    /** Names accepted by {@link #create(String, Lexicon)}. */
    public static final List<String> DICTIONARY_ALGORITHMS = List.of("fmm", "bmm", "bimm");

    private Segmenters() {
    }

    /**
     * The best general-purpose segmenter for Chinese and mixed Chinese/English text that needs no files:
     * bidirectional maximum matching over HanLP's core dictionary.
     */
    public static Segmenter standard() {
        return new BidirectionalMaxMatch(LexiconLoaders.hanlpCore());
    }

    /** A dictionary segmenter ({@code fmm}, {@code bmm}, {@code bimm}) over {@code lexicon}. */
    public static Segmenter create(String algorithm, Lexicon lexicon) {
        return switch (algorithm.toLowerCase(Locale.ROOT)) {
            case "fmm" -> new ForwardMaxMatch(lexicon);
            case "bmm" -> new BackwardMaxMatch(lexicon);
            case "bimm" -> new BidirectionalMaxMatch(lexicon);
            default -> throw new IllegalArgumentException("unknown segmentation algorithm '" + algorithm
                    + "'; expected one of " + DICTIONARY_ALGORITHMS);
        };
    }

    /**
     * A tokenizer by its CLI name: {@code default} (the {@link #standard()} segmenter), {@code whitespace},
     * or {@code english} (rules only, no dictionary).
     */
    public static Segmenter tokenizer(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "default" -> standard();
            case "whitespace" -> WhitespaceTokenizer.INSTANCE;
            case "english" -> EnglishTokenizer.INSTANCE;
            default -> throw new IllegalArgumentException("unknown tokenizer '" + name
                    + "'; expected default, whitespace or english");
        };
    }
}
