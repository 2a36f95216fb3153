package org.classicnlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.Sentence;
import org.classicnlp.segment.HmmTrainer;
import org.classicnlp.segment.HybridTrainer;
import org.classicnlp.segment.PerceptronSegmenterTrainer;
import org.classicnlp.lexicon.LexiconLoaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-segmenter",
        mixinStandardHelpOptions = true,
        description = {
            "Trains a statistical segmenter (hmm, hybrid or perceptron) from a segmented corpus and saves the model.",
            "hmm = character B/M/E/S HMM; hybrid = the same HMM plus the corpus's word counts;",
            "perceptron = averaged structured perceptron B/M/E/S tagger with n-gram, type and dictionary features",
            "(use with: segment --algo hmm|hybrid|perceptron --model FILE)."},
        footer = {"", "Example:",
            "  java -jar classicnlp.jar train-segmenter --algo hybrid --input-format pd98 \\",
            "      --corpus ../shared/data/peoples-daily-1998/199801.txt.gz --output hybrid.bin",
            "  java -jar classicnlp.jar train-segmenter --algo perceptron --input-format pd98 \\",
            "      --corpus train.txt --dev dev.txt --output perceptron.bin"})
final class TrainSegmenterCommand implements Callable<Integer> {

    enum Algo { hmm, hybrid, perceptron }

    enum Format { sighan, pd98 }

    @Spec
    CommandSpec spec;

    @Option(names = "--algo", required = true, paramLabel = "ALGO", description = "hmm | hybrid | perceptron")
    Algo algo;

    @Option(names = "--corpus", required = true, paramLabel = "FILE",
            description = "Segmented training corpus (UTF-8, .gz read transparently).")
    Path corpus;

    @Option(names = {"--input-format", "--format"}, defaultValue = "sighan", paramLabel = "FORMAT",
            description = "sighan (words separated by spaces) | pd98 (People's Daily 1998 word/TAG)"
                    + " (default: ${DEFAULT-VALUE}; --format is a deprecated spelling)")
    Format format;

    @Option(names = {"-o", "--output", "--out"}, required = true, paramLabel = "FILE", description = "Model file to write.")
    Path out;

    @Option(names = "--smoothing", defaultValue = "0.5", paramLabel = "ALPHA",
            description = "Add-alpha constant for HMM emissions (default: ${DEFAULT-VALUE}).")
    double smoothing;

    @Option(names = "--dict", paramLabel = "FILE",
            description = "perceptron: word list(s) (one word per line) added to the dictionary of the match features.")
    java.util.List<Path> dicts = java.util.List.of();

    @Option(names = "--epochs", paramLabel = "N",
            description = "perceptron: most training epochs (default 20; with --dev training stops when dev F1"
                    + " has not improved for 3 epochs, keeping the best epoch).")
    Integer epochs;

    @Option(names = "--dev", paramLabel = "FILE",
            description = "perceptron: development corpus, same --input-format, for early stopping.")
    Path dev;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "perceptron: seed of the per-epoch shuffle (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dict-min-count", defaultValue = "1", paramLabel = "N",
            description = "perceptron: while training, a dictionary word counts for a sentence only if the other"
                    + " sentences hold it at least N times (default: ${DEFAULT-VALUE}, leave-one-out).")
    int dictMinCount;

    @Option(names = "--feature-min-count", defaultValue = "2", paramLabel = "N",
            description = "perceptron: n-gram features seen fewer than N times are dropped (default: ${DEFAULT-VALUE}).")
    int featureMinCount;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "perceptron: feature-extraction threads (default: available processors; same model for any N).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress or status lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        Check.positive("--smoothing", smoothing);
        Check.exists("--corpus", corpus);
        Check.writable("--output", out);
        if (algo != Algo.perceptron && (!dicts.isEmpty() || epochs != null || dev != null || threads != null)) {
            throw Check.usage("--dict, --epochs, --dev and --threads apply to --algo perceptron only");
        }
        Corpus<Sentence> sentences = org.classicnlp.core.StableInput.of(corpus, "--corpus " + corpus, read(corpus));
        try (Progress p = new Progress("train " + algo, "sentences", () -> -1, quiet)) {
            ProgressListener progress = (stage, done, total) -> p.stepTo(done);
            if (algo == Algo.hmm) {
                HmmTrainer.builder().smoothing(smoothing).build().fit(sentences, progress).save(out);
            } else if (algo == Algo.hybrid) {
                HybridTrainer.builder().smoothing(smoothing).build().fit(sentences, progress).save(out);
            } else {
                perceptron(sentences, p);
            }
        } catch (IllegalArgumentException e) {
            // the corpus itself is unusable (no trainable word): a failure naming the file
            throw new CliErrors.Failure("--corpus " + corpus + ": " + CliErrors.clean(e.getMessage()));
        }
        if (!quiet) {
            System.err.println("wrote " + algo + " model to " + out);
        }
        return 0;
    }

    private Corpus<Sentence> read(Path file) {
        return format == Format.pd98 ? Corpora.peoplesDaily(file) : Corpora.sighan(file);
    }

    private void perceptron(Corpus<Sentence> sentences, Progress p) {
        PerceptronSegmenterTrainer.Builder b = PerceptronSegmenterTrainer.builder().seed(seed)
                .dictionaryMinCount(Check.atLeast("--dict-min-count", dictMinCount, 1))
                .featureMinCount(Check.atLeast("--feature-min-count", featureMinCount, 1));
        if (epochs != null) {
            b.epochs(Check.atLeast("--epochs", epochs, 1));
        }
        if (threads != null) {
            b.threads(Check.atLeast("--threads", threads, 1));
        }
        for (Path d : dicts) {
            Check.exists("--dict", d);
            org.classicnlp.lexicon.Lexicon l = LexiconLoaders.wordList(d, true);
            if (l.size() == 0) {
                throw new CliErrors.Failure("--dict " + d + ": no words (expected one word per line)");
            }
            b.dictionary(l);
        }
        Corpus<Sentence> devSentences = null;
        if (dev != null) {
            Check.exists("--dev", dev);
            devSentences = read(dev);
        }
        int[] epoch = {0};
        ProgressListener progress = (stage, done, total) -> {
            if (stage.equals("read")) {
                p.stepTo(done);
            } else if (stage.equals("dev-f1")) {
                epoch[0]++;
                if (!quiet) {
                    System.err.printf(java.util.Locale.ROOT, "epoch %d: dev F1 %.4f%n", epoch[0], done / 1e6);
                }
            }
        };
        b.build().fit(sentences, devSentences, progress).save(out);
    }
}
