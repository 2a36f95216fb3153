package org.classicnlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.Sentence;
import org.classicnlp.segment.HmmTrainer;
import org.classicnlp.segment.HybridTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-segmenter",
        mixinStandardHelpOptions = true,
        description = {
            "Trains a statistical segmenter (hmm or hybrid) from a segmented corpus and saves the model.",
            "hmm = character B/M/E/S HMM; hybrid = the same HMM plus the corpus's word counts",
            "(use with: segment --algo hmm|hybrid --model FILE)."},
        footer = {"", "Example:",
            "  java -jar classicnlp.jar train-segmenter --algo hybrid --input-format pd98 \\",
            "      --corpus ../shared/data/peoples-daily-1998/199801.txt.gz --output hybrid.bin"})
final class TrainSegmenterCommand implements Callable<Integer> {

    enum Algo { hmm, hybrid }

    enum Format { sighan, pd98 }

    @Spec
    CommandSpec spec;

    @Option(names = "--algo", required = true, paramLabel = "ALGO", description = "hmm | hybrid")
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

    @Option(names = {"-q", "--quiet"}, description = "No progress or status lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        Check.positive("--smoothing", smoothing);
        Check.exists("--corpus", corpus);
        Check.writable("--output", out);
        Corpus<Sentence> sentences = format == Format.pd98 ? Corpora.peoplesDaily(corpus) : Corpora.sighan(corpus);
        try (Progress p = new Progress("train " + algo, "sentences", () -> -1, quiet)) {
            ProgressListener progress = (stage, done, total) -> p.stepTo(done);
            if (algo == Algo.hmm) {
                HmmTrainer.builder().smoothing(smoothing).build().fit(sentences, progress).save(out);
            } else {
                HybridTrainer.builder().smoothing(smoothing).build().fit(sentences, progress).save(out);
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
}
