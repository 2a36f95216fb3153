package org.classicnlp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.classicnlp.core.Analyzer;
import org.classicnlp.core.AnalyzerSpec;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.TextFiles;
import org.classicnlp.word2vec.AllButTheTop;
import org.classicnlp.word2vec.DefaultVectors;
import org.classicnlp.word2vec.PackedVectors;
import org.classicnlp.word2vec.Word2VecTrainer;
import org.classicnlp.word2vec.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains word vectors (skip-gram or CBOW) and writes them in the word2vec format.",
            "Output: .bin binary, otherwise text. Input: a text file (one sentence or paragraph per line; .gz ok) or WikiExtractor output",
            "(a file or directory of <doc> files). Defaults are gensim's, except threads."},
        footer = {"", "Example:",
            "  java -jar classicnlp.jar w2v train --input en-norm.txt --output vec.bin --model sg --tokenizer whitespace"})
final class W2vTrainCommand implements Callable<Integer> {

    enum Format { auto, lines, wiki }

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "SRC", description = "Corpus file or directory.")
    Path input;

    @Option(names = {"-o", "--output", "--out"}, required = true, paramLabel = "FILE", description = "Vectors file (.bin or .txt).")
    Path output;

    @Option(names = {"--input-format", "--format"}, defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto | lines | wiki (WikiExtractor); auto: wiki for directories and files starting"
                    + " with <doc (default: ${DEFAULT-VALUE}; --format is a deprecated spelling)")
    Format format;

    @Option(names = "--model", defaultValue = "cbow", paramLabel = "MODEL", description = "sg | cbow (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--dim", description = "Vector size (default: 100, or the --init vectors' size)")
    Integer dimOption;

    @Option(names = "--init", paramLabel = "zh|en|FILE", description = "Continue training from these vectors"
            + " (domain adaptation, as gensim's build_vocab(update=True) then train): zh, en (the shipped vectors),"
            + " a w2v-packed model file (its analysis is used) or a word2vec file. Known words refine their vectors;"
            + " new words reaching --min-count are added after them.")
    String init;

    @Spec
    CommandSpec commandSpec;

    @Option(names = "--window", defaultValue = "5", description = "Maximum context distance (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--negative", defaultValue = "5", description = "Noise words per example, 0 = off (default: ${DEFAULT-VALUE})")
    int negative;

    @Option(names = "--hs", description = "Hierarchical softmax (combine with --negative 0 for HS only).")
    boolean hs;

    @Option(names = "--sample", defaultValue = "1e-3", description = "Subsampling threshold, 0 = off (default: ${DEFAULT-VALUE})")
    double sample;

    @Option(names = "--min-count", defaultValue = "5", description = "Minimum word count (default: ${DEFAULT-VALUE})")
    int minCount;

    @Option(names = "--max-vocab", defaultValue = "0", description = "Keep at most this many words, 0 = all (default: ${DEFAULT-VALUE})")
    int maxVocab;

    @Option(names = "--epochs", defaultValue = "5", description = "Passes over the corpus (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--alpha", description = "Initial learning rate (default: 0.025)")
    Double alpha;

    @Option(names = "--min-alpha", defaultValue = "0.0001", description = "Final learning rate (default: ${DEFAULT-VALUE})")
    double minAlpha;

    @Option(names = {"-t", "--threads"}, description = "Worker threads (default: available processors)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--tokenizer", defaultValue = "default", paramLabel = "NAME",
            description = "default (the standard segmenter: Chinese words, English tokens) | whitespace | english"
                    + " (default: ${DEFAULT-VALUE})")
    String tokenizer;

    @Option(names = "--lowercase", description = "Lower-case the text before tokenizing.")
    boolean lowercase;

    @Option(names = "--drop-symbols", description = "Drop tokens without a letter, digit or Han character"
            + " (punctuation, symbols); with --tokenizer default --lowercase: the shipped vectors' analysis.")
    boolean dropSymbols;

    @Option(names = "--packed", paramLabel = "FILE", description = "Also write the most frequent words compactly"
            + " (w2v-packed model file: quantised values, counts, analysis), as the shipped vectors are stored.")
    Path packed;

    @Option(names = "--packed-words", defaultValue = "50000", paramLabel = "N",
            description = "Words in the --packed file, 0 = all (default: ${DEFAULT-VALUE})")
    int packedWords;

    @Option(names = "--packed-bits", defaultValue = "6", paramLabel = "B",
            description = "Bits per value in the --packed file, 4 to 8 (default: ${DEFAULT-VALUE})")
    int packedBits;

    @Option(names = "--all-but-the-top", defaultValue = "0", paramLabel = "D",
            description = "Post-process the trained vectors before writing --output and --packed: subtract the mean"
                    + " and remove the top D principal components (Mu & Viswanath 2018; the paper's rule is"
                    + " D = dim/100, 1 for 100 dimensions; the shipped vectors use 1). 0 = off (default: ${DEFAULT-VALUE})")
    int allButTheTop;

    @Option(names = {"-q", "--quiet", "--no-progress"}, description = "No progress or status lines on stderr"
            + " (--no-progress: the older spelling).")
    boolean quiet;

    /**
     * Failures become one {@code error: ...} line and exit code 1 (see {@link Main}); the trainer names the
     * stage that failed, and I/O messages are stated without the Java class name of their cause.
     */
    @Override
    public Integer call() {
        String name = Check.oneOf("--model", model, List.of("sg", "skipgram", "skip-gram", "cbow"));
        Word2VecTrainer.Model m = name.equals("cbow") ? Word2VecTrainer.Model.CBOW : Word2VecTrainer.Model.SKIP_GRAM;
        PackedVectors packedInit = null;
        WordVectors initial = null;
        if (init != null) {
            if (DefaultVectors.NAMES.contains(init)) {
                packedInit = DefaultVectors.byLanguage(init);
            } else {
                Check.exists("--init", Path.of(init));
                packedInit = DefaultVectors.isPackedFile(Path.of(init)) ? PackedVectors.load(Path.of(init)) : null;
            }
            initial = packedInit != null ? packedInit.vectors() : WordVectors.load(Path.of(init));
        }
        int dim = dimOption != null ? dimOption : initial != null ? initial.dimension() : 100;
        Check.atLeast("--dim", dim, 1);
        if (initial != null && dim != initial.dimension()) {
            throw Check.usage("--dim " + dim + " differs from the --init vectors' dimension " + initial.dimension());
        }
        Check.atLeast("--window", window, 1);
        Check.atLeast("--negative", negative, 0, "0 = off");
        Check.atLeast("--sample", sample, 0);
        Check.atLeast("--min-count", minCount, 1);
        Check.atLeast("--max-vocab", maxVocab, 0, "0 = all");
        Check.atLeast("--epochs", epochs, 1);
        if (alpha != null) {
            Check.positive("--alpha", alpha);
        }
        Check.atLeast("--min-alpha", minAlpha, 0);
        if (threads != null) {
            Check.atLeast("--threads", threads, 1);
        }
        if (negative == 0 && !hs) {
            throw Check.usage("--negative 0 needs --hs: with neither negative sampling nor hierarchical softmax"
                    + " nothing is trained");
        }
        Check.atLeast("--packed-words", packedWords, 0, "0 = all");
        Check.atLeast("--all-but-the-top", allButTheTop, 0, "0 = off");
        if (allButTheTop >= dim) {
            throw Check.usage("--all-but-the-top must be below --dim " + dim + ", got " + allButTheTop);
        }
        if (packedBits < 4 || packedBits > 8) {
            throw Check.usage("--packed-bits must be 4 to 8, got " + packedBits);
        }
        AnalyzerSpec spec = Analyzer.tokenizerSpec(
                Check.oneOf("--tokenizer", tokenizer, List.of("default", "whitespace", "english")), lowercase)
                .withDropSymbols(dropSymbols);
        if (packedInit != null) {
            // the words must be analysed as the initial vectors' were, or known words would not be found
            var parsed = commandSpec.commandLine().getParseResult();
            for (String o : List.of("--tokenizer", "--lowercase", "--drop-symbols")) {
                if (parsed.hasMatchedOption(o)) {
                    throw Check.usage(o + " cannot be combined with --init " + init
                            + ": training analyses text as those vectors were trained (" + packedInit.spec() + ")");
                }
            }
            spec = packedInit.spec();
        }
        Analyzer analyzer = Analyzer.of(spec);
        WordVectors vectors;
        try (Progress p = new Progress("w2v " + name, "words", () -> -1, quiet)) {
            Word2VecTrainer trainer;
            try {
                Word2VecTrainer.Builder b = Word2VecTrainer.builder().model(m).dimension(dim).window(window)
                        .negative(negative).hs(hs).sample(sample).minCount(minCount).maxVocab(maxVocab).epochs(epochs)
                        .minAlpha(minAlpha).seed(seed).init(initial);
                if (alpha != null) {
                    b.alpha(alpha);
                }
                if (threads != null) {
                    b.threads(threads);
                }
                trainer = b.build();
            } catch (IllegalArgumentException e) {
                throw Check.usage(e.getMessage());
            }
            // fail now, not after hours of training, when the vectors cannot be written
            Check.exists("--input", input);
            Check.writable("--output", output);
            if (packed != null) {
                Check.writable("--packed", packed);
            }
            double a0 = trainer.alpha();
            double a1 = trainer.minAlpha();
            ProgressListener progress = quiet ? ProgressListener.NONE : (stage, done, total) -> {
                p.total(total);
                p.stepTo(done);
                // the trainer's schedule: linear decay over all tokens of all epochs
                p.extra(String.format(Locale.ROOT, "alpha %.5f", a0 - (a0 - a1) * done / Math.max(1, total)));
            };
            try {
                vectors = trainer.fit(documents(input, format), analyzer, progress);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw CliErrors.aboutInput("--input", input, e);
            }
        }
        if (allButTheTop > 0) {
            vectors = AllButTheTop.apply(vectors, allButTheTop);
        }
        vectors.save(output);
        if (!quiet) {
            System.err.printf(Locale.ROOT, "wrote %d vectors of dimension %d to %s%n", vectors.size(),
                    vectors.dimension(), output);
        }
        if (packed != null) {
            PackedVectors p = PackedVectors.pack(vectors, packedWords, packedBits, spec, 0);
            p.save(packed);
            if (!quiet) {
                System.err.printf(Locale.ROOT, "wrote %d vectors at %d bits to %s%n", p.vectors().size(), packedBits,
                        packed);
            }
        }
        return 0;
    }

    /** The corpus as documents: WikiExtractor output or one document per line. */
    static Corpus<Document> documents(Path input, Format format) {
        Format f = format;
        if (f == Format.auto) {
            f = Files.isDirectory(input) || startsWithDoc(input) ? Format.wiki : Format.lines;
        }
        // checked before and after every pass: the vocabulary pass and the epochs must read the same text
        return org.classicnlp.core.StableInput.of(input, "--input " + input,
                f == Format.wiki ? Corpora.wikiExtractor(input) : Corpora.lines(input));
    }

    private static boolean startsWithDoc(Path file) {
        try (Stream<String> lines = TextFiles.lines(file)) {
            return lines.findFirst().map(l -> l.startsWith("<doc")).orElse(false);
        }
    }
}
