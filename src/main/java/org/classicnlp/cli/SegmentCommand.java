package org.classicnlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.classicnlp.lexicon.Lexicon;
import org.classicnlp.lexicon.LexiconLoaders;
import org.classicnlp.segment.HmmModel;
import org.classicnlp.segment.HmmSegmenter;
import org.classicnlp.segment.HybridModel;
import org.classicnlp.segment.HybridSegmenter;
import org.classicnlp.segment.MatchRules;
import org.classicnlp.segment.PerceptronSegmenter;
import org.classicnlp.segment.SearchSegmenter;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "segment",
        mixinStandardHelpOptions = true,
        description = {
            "Segments Chinese (and tokenizes English or mixed) text, one output line per input line.",
            "Blank lines are kept; words are separated by single spaces. Without --algo: the library's",
            "standard segmenter (Segmenters.standard(): the perceptron with its shipped model and HanLP's core dictionary)."},
        footer = {"", "Examples:",
            "  echo '我用Java写了NLP程序，version 2.0。' | java -jar classicnlp.jar segment",
            "  java -jar classicnlp.jar segment --algo fmm --dict pku_training_words.utf8 pku_test.utf8 > pred.txt",
            "  java -jar classicnlp.jar segment --algo bimm --dict my-words.txt --rules mixed mixed-text.txt",
            "  java -jar classicnlp.jar segment --algo hybrid --mode search news.txt > index-words.txt"})
final class SegmentCommand implements Callable<Integer> {

    enum DictFormat { words, user }

    /** Every --algo name. */
    static final List<String> ALGORITHMS = List.of("fmm", "bmm", "bimm", "hmm", "hybrid", "perceptron", "standard");

    @Option(names = "--algo", defaultValue = "standard", paramLabel = "ALGO",
            description = "fmm | bmm | bimm | hmm | hybrid | perceptron | standard (default: ${DEFAULT-VALUE}: the library's"
                    + " Segmenters.standard(), today the perceptron with its shipped People's Daily 1998 model"
                    + " and HanLP's core dictionary in its match features;"
                    + " with --model, --dict, --mode or --no-core-dict it is the hybrid so configured)")
    String algo;

    // ---- statistical segmenters (hmm, hybrid) ----
    enum Mode { default_, search }

    @Option(names = "--model", paramLabel = "FILE",
            description = "hmm/hybrid/perceptron: model from train-segmenter (default: the shipped People's Daily 1998 model).")
    Path model;

    @Option(names = "--mode", defaultValue = "default", paramLabel = "MODE", converter = ModeConverter.class,
            description = "hmm/hybrid: default (best segmentation) | search (also the dictionary words inside long words)")
    Mode mode;

    @Option(names = "--no-core-dict", description = "hybrid: leave HanLP's core dictionary out"
            + " (the dictionary is then the model's training counts plus --dict files).")
    boolean noCoreDict;

    @Spec
    CommandSpec spec;

    @Option(names = "--dict", paramLabel = "FILE",
            description = "Dictionary file(s), merged; fmm/bmm/bimm: replace HanLP's core dictionary (the default);"
                    + " hybrid: added to the model's training counts and HanLP's core dictionary; hmm: used by search mode.")
    List<Path> dicts = List.of();

    @Option(names = "--dict-format", defaultValue = "words", paramLabel = "FORMAT",
            description = "words (one word per line) | user (word [freq] [tag]...) (default: ${DEFAULT-VALUE})")
    DictFormat dictFormat;

    enum Rules { auto, classic, mixed }

    @Option(names = "--rules", defaultValue = "auto", paramLabel = "RULES",
            description = {"fmm/bmm/bimm: classic (the textbook algorithm: the dictionary only, characters it lacks one"
                    + " by one, words matched exactly as written) | mixed (Latin/digit runs and English tokens kept whole,"
                    + " full-width = ASCII) | auto (default: classic when the dictionary is plain word lists"
                    + " (--dict with --dict-format words, as a bakeoff training list), mixed otherwise)."})
    Rules rules;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Input file (UTF-8); standard input when absent or '-'.")
    Path input;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Worker threads (default: available processors); output order is input order.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors (segment prints no progress).")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        int n = threads != null ? Check.atLeast("--threads", threads, 1) : org.classicnlp.core.Threads.defaultCount();
        Segmenter segmenter = segmenter();
        try (InputStream in = CliIO.inputStream(input)) {
            OrderedLinePipeline.run(in, input, System.out, n, segmenter::spans);
        }
        return 0;
    }

    private Segmenter segmenter() {
        String name = Check.oneOf("--algo", algo, ALGORITHMS);
        if (name.equals("standard")) {
            if (model == null && dicts.isEmpty() && mode != Mode.search && !noCoreDict && rules == Rules.auto) {
                return Segmenters.standard();
            }
            name = "hybrid";
        }
        if (!Segmenters.STATISTICAL_ALGORITHMS.contains(name)) {
            if (model != null || mode == Mode.search || noCoreDict) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--model, --mode search and --no-core-dict apply to --algo hmm|hybrid only");
            }
            MatchRules matchRules = switch (rules) {
                case classic -> MatchRules.CLASSIC;
                case mixed -> MatchRules.MIXED;
                case auto -> !dicts.isEmpty() && dictFormat == DictFormat.words ? MatchRules.CLASSIC : MatchRules.MIXED;
            };
            // Classic matching takes the words exactly as written; mixed folds full-width forms to ASCII.
            Lexicon lexicon = dicts.isEmpty() ? LexiconLoaders.hanlpCore()
                    : merged(null, dictionaries(matchRules == MatchRules.MIXED));
            // HanLP's Simplified dictionary also matches Traditional text (lookups see t2s-folded text);
            // the user's own word lists are matched as written.
            return Segmenters.create(name, lexicon, matchRules, dicts.isEmpty());
        }
        if (rules != Rules.auto) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rules applies to --algo fmm|bmm|bimm only");
        }
        List<Lexicon> user = dictionaries(true);
        if (name.equals("perceptron")) {
            if (noCoreDict) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--no-core-dict applies to --algo hybrid|hmm only (the perceptron has no core dictionary)");
            }
            PerceptronSegmenter p = model == null ? PerceptronSegmenter.defaultModel()
                    : PerceptronSegmenter.load(model).traditionalToSimplified(true);
            Lexicon extra = merged(null, user);
            if (extra != null) {
                p = p.withDictionary(extra);
            }
            return mode == Mode.search ? new SearchSegmenter(p, extra != null ? LexiconLoaders.hanlpCore().merge(extra)
                    : LexiconLoaders.hanlpCore()) : p;
        }
        if (name.equals("hmm")) {
            if (noCoreDict && mode == Mode.search && user.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "search mode needs a dictionary: drop --no-core-dict or give --dict");
            }
            HmmSegmenter hmm = model == null ? new HmmSegmenter(HmmModel.defaultModel(), true)
                    : new HmmSegmenter(HmmModel.load(model));
            if (mode != Mode.search) {
                return hmm;
            }
            return new SearchSegmenter(hmm, merged(noCoreDict ? null : LexiconLoaders.hanlpCore(), user));
        }
        HybridSegmenter hybrid;
        if (model == null && user.isEmpty() && !noCoreDict) {
            hybrid = HybridSegmenter.standard();
        } else {
            HybridSegmenter.Builder builder = HybridSegmenter.builder().coreDictionary(!noCoreDict);
            if (model != null) {
                builder.model(HybridModel.load(model));
            }
            user.forEach(builder::addDictionary);
            hybrid = builder.build();
        }
        return mode == Mode.search ? SearchSegmenter.of(hybrid) : hybrid;
    }

    static final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            return switch (value) {
                case "default" -> Mode.default_;
                case "search" -> Mode.search;
                default -> throw new CommandLine.TypeConversionException("expected default or search, got '" + value + "'");
            };
        }
    }

    /** The {@code --dict} files, each read in {@code --dict-format}; a file without any word fails, naming it. */
    private List<Lexicon> dictionaries(boolean foldWidth) {
        List<Lexicon> list = new ArrayList<>();
        for (Path p : dicts) {
            Lexicon l = dictFormat == DictFormat.user
                    ? LexiconLoaders.userDictionary(p, foldWidth) : LexiconLoaders.wordList(p, foldWidth);
            if (l.size() == 0) {
                throw new CliErrors.Failure("--dict " + p + ": no words (expected "
                        + (dictFormat == DictFormat.user ? "lines 'word [freq] [tag]...'" : "one word per line") + ")");
            }
            list.add(l);
        }
        return list;
    }

    /** {@code first} (may be null) merged with {@code more}; null when both are empty. */
    private static Lexicon merged(Lexicon first, List<Lexicon> more) {
        Lexicon m = first;
        for (Lexicon l : more) {
            m = m == null ? l : m.merge(l);
        }
        return m;
    }
}
