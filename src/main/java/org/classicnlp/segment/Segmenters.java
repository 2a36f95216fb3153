package org.classicnlp.segment;

import java.util.List;
import java.util.Locale;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;

/** Segmenters by name, as the CLI and analyzers choose them. */
public final class Segmenters {

    /** Names accepted by {@link #create(String, Lexicon)}. */
    public static final List<String> DICTIONARY_ALGORITHMS = List.of("fmm", "bmm", "bimm");

    /** Names of the trained segmenters accepted by {@link #create(String)}. */
    public static final List<String> STATISTICAL_ALGORITHMS = List.of("hmm", "hybrid", "perceptron");

    private Segmenters() {
    }

    /**
     * The best general-purpose segmenter for Chinese and mixed Chinese/English text that needs no files: the
     * perceptron segmenter with its shipped People's Daily 1998 model and HanLP's core dictionary added to its
     * match features ({@link PerceptronSegmenter#standard()}, as {@code
     * PerceptronSegmenter.defaultModel().withDictionary(LexiconLoaders.hanlpCore())}), reading Traditional
     * characters as Simplified. Chosen on development data: with the dictionary the perceptron scores higher
     * everywhere, People's Daily dev (trained on 1-24 January, scored on 25-31) F1 0.9636 -> 0.9669, UD Chinese
     * GSDSimp dev 0.8040 -> 0.8159 (HanLP's StandardTokenizer 0.8097, the hybrid 0.8135), Traditional PKU
     * 0.9513 -> 0.9557; over 1 M chars per second on one thread (bench/segment_cold.sh). The build stores
     * the merged dictionary and the model's tables as images, so one line segments cold in well under a
     * second. Loaded once and shared, so calling this repeatedly is cheap.
     */
    public static Segmenter standard() {
        return PerceptronSegmenter.standard();
    }

    /**
     * A segmenter that needs no files: {@code fmm}, {@code bmm}, {@code bimm} over HanLP's core dictionary,
     * {@code hmm} with the shipped model, {@code hybrid} = {@link HybridSegmenter#standard()}, {@code perceptron} =
     * {@link PerceptronSegmenter#defaultModel()}. All of them are over
     * Simplified resources and read Traditional characters as Simplified (see {@link
     * org.classicnlp.core.TraditionalChinese}); tokens keep the original characters and offsets.
     */
    public static Segmenter create(String algorithm) {
        return switch (algorithm.toLowerCase(Locale.ROOT)) {
            case "hmm" -> new HmmSegmenter().builtin("hmm");
            case "hybrid" -> HybridSegmenter.standard();
            case "perceptron" -> PerceptronSegmenter.defaultModel();
            default -> ((SpanSegmenter) create(algorithm, LexiconLoaders.hanlpCore(), MatchRules.MIXED, true))
                    .builtin(algorithm.toLowerCase(Locale.ROOT));
        };
    }

    /**
     * A segmenter made by {@code factory} (for example over a user dictionary read from the classpath or a
     * shared path) that serialises as {@code key} and the factory, never as its tables: each JVM that
     * deserialises it runs the factory once for that key ({@link org.classicnlp.core.ModelCache}, kind
     * {@code "segmenter"}) and shares the result. The factory must be serialisable (a lambda assigned to
     * {@code ModelCache.Loader} is).
     */
    public static Segmenter shipped(String key, org.classicnlp.core.ModelCache.Loader<Segmenter> factory) {
        return new ShippedSegmenter(key, factory);
    }

    /** A dictionary segmenter ({@code fmm}, {@code bmm}, {@code bimm}) over {@code lexicon}, mixed-text rules. */
    public static Segmenter create(String algorithm, Lexicon lexicon) {
        return create(algorithm, lexicon, MatchRules.MIXED);
    }

    /** A dictionary segmenter ({@code fmm}, {@code bmm}, {@code bimm}) over {@code lexicon} with {@code rules}. */
    public static Segmenter create(String algorithm, Lexicon lexicon, MatchRules rules) {
        return create(algorithm, lexicon, rules, false);
    }

    /**
     * As {@link #create(String, Lexicon, MatchRules)}; with {@code traditionalToSimplified} lookups see
     * Traditional characters as Simplified, for a Simplified lexicon such as HanLP's.
     */
    public static Segmenter create(String algorithm, Lexicon lexicon, MatchRules rules, boolean traditionalToSimplified) {
        return switch (algorithm.toLowerCase(Locale.ROOT)) {
            case "fmm" -> new ForwardMaxMatch(lexicon, rules, traditionalToSimplified);
            case "bmm" -> new BackwardMaxMatch(lexicon, rules, traditionalToSimplified);
            case "bimm" -> new BidirectionalMaxMatch(lexicon, rules, traditionalToSimplified);
            default -> throw new IllegalArgumentException("unknown segmentation algorithm '" + algorithm
                    + "'; expected one of " + DICTIONARY_ALGORITHMS);
        };
    }

    /**
     * A tokenizer by its CLI name: {@code default} (the {@link #standard()} segmenter), {@code whitespace},
     * or {@code english} (rules only, no dictionary); any other {@link #byName} name too.
     */
    public static Segmenter tokenizer(String name) {
        return byName(name);
    }

    /** Every name {@link #byName} accepts. */
    public static final List<String> NAMES = List.of("standard", "fmm", "bmm", "bimm", "hmm", "hybrid",
            "perceptron", "whitespace", "english");

    /**
     * Any built-in segmenter by name, as analyzers store it: {@code standard} (also {@code default}),
     * {@code fmm}, {@code bmm}, {@code bimm}, {@code hmm}, {@code hybrid}, {@code whitespace},
     * {@code english}.
     */
    public static Segmenter byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "standard", "default" -> standard();
            case "whitespace" -> WhitespaceTokenizer.INSTANCE;
            case "english" -> EnglishTokenizer.INSTANCE;
            case "fmm", "bmm", "bimm", "hmm", "hybrid", "perceptron" -> create(name);
            default -> throw new IllegalArgumentException("unknown segmenter '" + name + "'; expected one of "
                    + NAMES);
        };
    }
}
