package org.classicnlp.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.classicnlp.TestData;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.Sentence;
import org.classicnlp.core.Token;
import org.classicnlp.lexicon.LexiconLoaders;
import org.classicnlp.ngram.NGramModel;
import org.classicnlp.ngram.NGramTrainer;
import org.classicnlp.ngram.Unit;
import org.classicnlp.pos.HmmTagger;
import org.classicnlp.pos.HmmTaggerTrainer;
import org.classicnlp.pos.PerceptronTagger;
import org.classicnlp.pos.Tagger;
import org.classicnlp.pos.Taggers;
import org.classicnlp.segment.BackwardMaxMatch;
import org.classicnlp.segment.BidirectionalMaxMatch;
import org.classicnlp.segment.EnglishTokenizer;
import org.classicnlp.segment.ForwardMaxMatch;
import org.classicnlp.segment.HmmModel;
import org.classicnlp.segment.HmmSegmenter;
import org.classicnlp.segment.HmmTrainer;
import org.classicnlp.segment.HybridModel;
import org.classicnlp.segment.HybridSegmenter;
import org.classicnlp.segment.HybridTrainer;
import org.classicnlp.segment.MatchRules;
import org.classicnlp.segment.PerceptronSegmenter;
import org.classicnlp.segment.PerceptronSegmenterTrainer;
import org.classicnlp.segment.SearchSegmenter;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;
import org.classicnlp.segment.WhitespaceTokenizer;
import org.classicnlp.testkit.SegmenterConformance.Invariant;
import org.classicnlp.testkit.SegmenterConformance.Options;
import org.classicnlp.testkit.SegmenterConformance.RandomRun;

/**
 * Every subject of the randomized invariants, each with its twin: every segmenter, the standard and English
 * analyzers (plain and with the shipped taggers), the taggers (HMM and perceptron, Chinese and English; shipped
 * and trained here on {@code corpora/}), and the n-gram tokenization in word and char units. A twin is the
 * model saved to a file and loaded back, or, for the dictionary segmenters, which have no model file, the same
 * segmenter built again; its output must equal the subject's on every text.
 *
 * <p>{@code RandomInvariantsTest} runs a few thousand texts per subject in CI; {@link #main} (run by
 * {@code bench/random_invariants.sh}) a million.
 */
public final class RandomInvariants implements AutoCloseable {

    /** One subject: its name, its invariants, its twin's. */
    public record Subject(String name, Invariant subject, Invariant twin) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final Path dir;
    private final List<Subject> subjects = new ArrayList<>();

    /** Builds every subject (trains the small models on {@code corpora/}, saves and loads each model). */
    public RandomInvariants() {
        try {
            dir = Files.createTempDirectory("random-invariants");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        segmenters();
        analyzers();
        taggers();
        ngrams();
    }

    public List<Subject> subjects() {
        return subjects;
    }

    private Path file(String name) {
        return dir.resolve(name);
    }

    private void segmenter(String name, Segmenter s, Segmenter twin, Options o) {
        // the twin only gives its output (the subject's run checks the invariants)
        subjects.add(new Subject("segmenter " + name, SegmenterConformance.segmenterInvariant(s, o), twin::segment));
    }

    private void segmenters() {
        for (String algo : List.of("fmm", "bmm", "bimm", "hmm", "hybrid", "perceptron")) {
            segmenter(algo, Segmenters.create(algo), Segmenters.create(algo), Options.SEGMENTER);
        }
        segmenter("standard", Segmenters.standard(), Segmenters.standard(), Options.SEGMENTER);
        var core = LexiconLoaders.hanlpCore();
        segmenter("fmm classic", new ForwardMaxMatch(core, MatchRules.CLASSIC), new ForwardMaxMatch(core, MatchRules.CLASSIC), Options.SEGMENTER);
        segmenter("bmm classic", new BackwardMaxMatch(core, MatchRules.CLASSIC), new BackwardMaxMatch(core, MatchRules.CLASSIC), Options.SEGMENTER);
        segmenter("bimm classic", new BidirectionalMaxMatch(core, MatchRules.CLASSIC),
                new BidirectionalMaxMatch(core, MatchRules.CLASSIC), Options.SEGMENTER);
        segmenter("search", SearchSegmenter.of(HybridSegmenter.standard()), SearchSegmenter.of(HybridSegmenter.standard()),
                Options.OVERLAPPING);
        segmenter("english", EnglishTokenizer.INSTANCE, EnglishTokenizer.INSTANCE, Options.SEGMENTER);
        segmenter("whitespace", WhitespaceTokenizer.INSTANCE, WhitespaceTokenizer.INSTANCE, Options.WHITESPACE);

        // the shipped perceptron, saved and loaded; and models trained here on corpora/, saved and loaded
        PerceptronSegmenter shipped = PerceptronSegmenter.standard();
        shipped.save(file("perceptron-shipped.bin"));
        // the Traditional-as-Simplified reading is a setting of the segmenter, not stored in its file (documented)
        segmenter("perceptron shipped, saved and loaded", shipped, PerceptronSegmenter.load(file("perceptron-shipped.bin"))
                .traditionalToSimplified(shipped.traditionalToSimplified()), Options.SEGMENTER);
        Corpus<Sentence> sighan = Corpora.sighan(TestData.corpus("seg-train.sighan.txt"));
        HmmModel hmm = HmmTrainer.builder().build().fit(sighan);
        hmm.save(file("hmm.bin"));
        segmenter("hmm trained, saved and loaded", new HmmSegmenter(hmm), new HmmSegmenter(HmmModel.load(file("hmm.bin"))),
                Options.SEGMENTER);
        HybridModel hybrid = HybridTrainer.builder().build().fit(sighan);
        hybrid.save(file("hybrid.bin"));
        segmenter("hybrid trained, saved and loaded", HybridSegmenter.builder().model(hybrid).build(),
                HybridSegmenter.builder().model(HybridModel.load(file("hybrid.bin"))).build(), Options.SEGMENTER);
        PerceptronSegmenter perceptron = PerceptronSegmenterTrainer.builder().epochs(3).build().fit(sighan);
        perceptron.save(file("perceptron.bin"));
        segmenter("perceptron trained, saved and loaded", perceptron, PerceptronSegmenter.load(file("perceptron.bin")),
                Options.SEGMENTER);
    }

    private void analyzer(String name, Analyzer a, Options o) {
        Analyzer twin = a.tags() ? null : Analyzer.of(a.spec());   // a tagger is not part of the spec
        Function<String, List<Token>> f = a::analyze;
        subjects.add(new Subject("analyzer " + name, SegmenterConformance.tokensInvariant(f, o),
                twin == null ? f::apply : twin::analyze));
    }

    private void analyzers() {
        analyzer("standard", Analyzer.standard(), Options.SEGMENTER);
        analyzer("english (lowercase)", Analyzer.forTokenizer("english", true), Options.SEGMENTER);
        analyzer("whitespace+width+t2s+lowercase", Analyzer.builder().segmenter("whitespace")
                .normalizers("width", "t2s", "lowercase").build(), Options.WHITESPACE);
        analyzer("chinese tagged (shipped tagger)", Taggers.chineseAnalyzer(List.of()), Options.SEGMENTER);
        analyzer("english tagged (shipped UPOS tagger)", Taggers.englishAnalyzer(Taggers.EnglishTags.UPOS, List.of()),
                Options.SEGMENTER);
    }

    private void tagger(String name, Segmenter tokens, Tagger tagger, Tagger twin) {
        subjects.add(new Subject("tagger " + name, taggerInvariant(tokens, tagger), text -> {
            List<Token> tagged = twin.tag(tokens.segment(text));
            return tagged.stream().map(Token::tag).toList();
        }));
    }

    private static Invariant taggerInvariant(Segmenter segmenter, Tagger tagger) {
        java.util.Set<String> tagSet = java.util.Set.copyOf(tagger.tagSet());
        return text -> {
            List<Token> tokens = segmenter.segment(text);
            return SegmenterConformance.checkTagged(text, tokens, tagger.tag(tokens), tagSet);
        };
    }

    private void taggers() {
        Segmenter zh = Segmenters.standard();
        Segmenter en = EnglishTokenizer.INSTANCE;
        PerceptronTagger chinese = Taggers.chinese();
        chinese.save(file("pos-zh.bin"));
        tagger("perceptron zh (shipped), saved and loaded", zh, chinese, PerceptronTagger.load(file("pos-zh.bin")));
        PerceptronTagger english = Taggers.english(Taggers.EnglishTags.XPOS);
        english.save(file("pos-en.bin"));
        tagger("perceptron en xpos (shipped), saved and loaded", en, english, PerceptronTagger.load(file("pos-en.bin")));
        HmmTagger hmmZh = HmmTaggerTrainer.builder().build().fit(Corpora.peoplesDaily(TestData.corpus("pos-train.pd98.txt")));
        hmmZh.save(file("hmm-zh.bin"));
        tagger("hmm zh (trained on corpora/), saved and loaded", zh, hmmZh, HmmTagger.load(file("hmm-zh.bin")));
        HmmTagger hmmEn = HmmTaggerTrainer.builder().build().fit(Corpora.conllu(TestData.corpus("pos-sample.conllu"),
                Corpora.ConlluColumn.UPOS));
        hmmEn.save(file("hmm-en.bin"));
        tagger("hmm en upos (trained on corpora/), saved and loaded", en, hmmEn, HmmTagger.load(file("hmm-en.bin")));
    }

    private void ngrams() {
        Corpus<Document> news = Corpora.lines(TestData.corpus("news-zh-en.txt"));
        for (Unit unit : Unit.values()) {
            NGramModel m = NGramTrainer.builder().order(3).threads(1).discountFallback(0.5f, 1f, 1.5f).analyzer(Analyzer.standard()).unit(unit).build().fit(news);
            Path f = file("lm-" + unit.id() + ".bin");
            m.save(f);
            NGramModel loaded = NGramModel.load(f);
            subjects.add(new Subject("n-gram tokens, unit " + unit.id() + ", saved and loaded", ngramInvariant(m),
                    text -> List.of(loaded.tokens(text), loaded.score(text))));
        }
    }

    private static Invariant ngramInvariant(NGramModel m) {
        Analyzer analyzer = Analyzer.of(m.analyzerSpec());
        boolean chars = m.unit() == Unit.CHAR;
        return text -> {
            List<String> terms = m.tokens(text);
            SegmenterConformance.checkTerms(text, analyzer.analyze(text), terms, chars, Options.SEGMENTER);
            double score = m.score(text);
            if (Double.isNaN(score) || score > 0) {
                throw new AssertionError("score " + score + " (log10 probability) on " + SegmenterConformance.describe(text));
            }
            return List.of(terms, score);
        };
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code RandomInvariants [COUNT [THREADS [MAX_LENGTH [SEED [NAME_PART]]]]]}: COUNT random texts (default
     * 1,000,000) through every subject (or those whose name contains NAME_PART), THREADS at once (default 4), texts of up to MAX_LENGTH chars (one in a hundred up to ten
     * times that; default 40). Prints a line per subject; exit 1 on the first broken invariant.
     */
    public static void main(String[] args) {
        long count = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int maxLength = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20261202L;
        String only = args.length > 4 ? args[4] : "";   // run only the subjects whose name contains this
        long t0 = System.nanoTime();
        try (RandomInvariants all = new RandomInvariants()) {
            System.out.printf(Locale.ROOT, "%d subjects built in %.1f s; %,d texts each, %d threads, max length %d, seed %d%n",
                    all.subjects().size(), (System.nanoTime() - t0) / 1e9, count, threads, maxLength, seed);
            long texts = 0;
            for (Subject s : all.subjects()) {
                if (!s.name().contains(only)) {
                    continue;
                }
                RandomRun r;
                try {
                    r = SegmenterConformance.checkRandom(s.subject(), s.twin(), count, seed, threads, maxLength);
                } catch (AssertionError e) {
                    System.out.println("FAIL " + s.name() + ": " + e.getMessage());
                    e.printStackTrace();
                    System.exit(1);
                    return;
                }
                texts += r.texts();
                System.out.printf(Locale.ROOT, "ok   %-52s %,d texts, %,d chars, %.1f s%n", s.name(), r.texts(), r.chars(), r.seconds());
            }
            System.out.printf(Locale.ROOT, "PASS: %,d texts checked (%,d per subject), every invariant held; %.1f s in all%n",
                    texts, count, (System.nanoTime() - t0) / 1e9);
        }
    }
}
