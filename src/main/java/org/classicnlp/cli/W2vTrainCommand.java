package org.classicnlp.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.Document;
import org.classicnlp.core.TextFiles;
import org.classicnlp.segment.Segmenter;
import org.classicnlp.segment.Segmenters;
import org.classicnlp.word2vec.Word2VecTrainer;
import org.classicnlp.word2vec.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains word vectors and writes them in the word2vec format (.bin binary, otherwise text).",
            "Input: a text file (one sentence or paragraph per line; .gz ok) or WikiExtractor output",
            "(a file or directory of <doc> files). Defaults are gensim's, except threads."},
        footer = {"", "Example:",
            "  java -jar classicnlp.jar w2v train --input en-norm.txt --output vec.bin --model sg --tokenizer whitespace"})
final class W2vTrainCommand implements Callable<Integer> {

    enum Format { auto, lines, wiki }

    @Option(names = "--input", required = true, paramLabel = "SRC", description = "Corpus file or directory.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "Vectors file (.bin or .txt).")
    Path output;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto | lines | wiki (WikiExtractor); auto: wiki for directories and files starting"
                    + " with <doc (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--model", defaultValue = "cbow", paramLabel = "MODEL", description = "sg | cbow (default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--dim", defaultValue = "100", description = "Vector size (default: ${DEFAULT-VALUE})")
    int dim;

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

    @Option(names = "--threads", description = "Worker threads (default: available processors)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--tokenizer", defaultValue = "default", paramLabel = "NAME",
            description = "default (the standard segmenter: Chinese words, English tokens) | whitespace | english"
                    + " (default: ${DEFAULT-VALUE})")
    String tokenizer;

    @Option(names = "--lowercase", description = "Lower-case the text before tokenizing.")
    boolean lowercase;

    @Option(names = "--no-progress", description = "No progress bar on stderr.")
    boolean noProgress;

    /**
     * Failures become one {@code error: ...} line and exit code 1 (see {@link Main}); the trainer names the
     * stage that failed, and I/O messages are stated without the Java class name of their cause.
     */
    @Override
    public Integer call() {
        try {
            return train();
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException(plain(e), e.getCause());
        }
    }

    /** "cannot open f: java.util.zip.ZipException: Not in GZIP format" → "cannot open f: Not in GZIP format". */
    private static String plain(UncheckedIOException e) {
        String m = e.getMessage();
        Throwable c = e.getCause();
        if (c == null || c.getMessage() == null) {
            return m;
        }
        String why = c instanceof NoSuchFileException ? "no such file"
                : c instanceof AccessDeniedException ? "permission denied" : c.getMessage();
        return m == null || m.equals(c.toString()) ? why : m.replace(c.toString(), why);
    }

    private Integer train() {
        Word2VecTrainer.Model m = switch (model.toLowerCase(Locale.ROOT)) {
            case "sg", "skipgram", "skip-gram" -> Word2VecTrainer.Model.SKIP_GRAM;
            case "cbow" -> Word2VecTrainer.Model.CBOW;
            default -> throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(this), "--model must be sg or cbow, got '" + model + "'");
        };
        Segmenter segmenter = Segmenters.tokenizer(tokenizer);
        Corpus<List<String>> corpus = documents(input, format)
                .map(d -> segmenter.words(lowercase ? d.text().toLowerCase(Locale.ROOT) : d.text()));
        Word2VecTrainer.Builder b = Word2VecTrainer.builder().model(m).dimension(dim).window(window)
                .negative(negative).hs(hs).sample(sample).minCount(minCount).maxVocab(maxVocab).epochs(epochs)
                .minAlpha(minAlpha).seed(seed);
        if (alpha != null) {
            b.alpha(alpha);
        }
        if (threads != null) {
            b.threads(threads);
        }
        ProgressBar[] bar = {null};
        if (!noProgress) {
            b.progress((done, total, a) -> {
                if (bar[0] == null) {
                    bar[0] = new ProgressBarBuilder().setTaskName("w2v " + model).setInitialMax(total)
                            .setStyle(ProgressBarStyle.ASCII).setUnit(" words", 1).showSpeed()
                            .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
                }
                bar[0].stepTo(done);
                bar[0].setExtraMessage(String.format(Locale.ROOT, "alpha %.5f", a));
            });
        }
        WordVectors vectors;
        try {
            vectors = b.build().fit(corpus);
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
        vectors.save(output);
        System.err.printf(Locale.ROOT, "wrote %d vectors of dimension %d to %s%n", vectors.size(),
                vectors.dimension(), output);
        return 0;
    }

    /** The corpus as documents: WikiExtractor output or one document per line. */
    static Corpus<Document> documents(Path input, Format format) {
        Format f = format;
        if (f == Format.auto) {
            f = Files.isDirectory(input) || startsWithDoc(input) ? Format.wiki : Format.lines;
        }
        return f == Format.wiki ? Corpora.wikiExtractor(input) : Corpora.lines(input);
    }

    private static boolean startsWithDoc(Path file) {
        try (Stream<String> lines = TextFiles.lines(file)) {
            return lines.findFirst().map(l -> l.startsWith("<doc")).orElse(false);
        }
    }
}
