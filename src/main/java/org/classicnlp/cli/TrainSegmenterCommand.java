package org.classicnlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.Sentence;
import org.classicnlp.segment.HmmTrainer;
import org.classicnlp.segment.HybridTrainer;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-segmenter",
        mixinStandardHelpOptions = true,
        description = {
            "Trains a statistical segmenter from a segmented corpus and saves the model:",
            "hmm = character B/M/E/S HMM; hybrid = the same HMM plus the corpus's word counts",
            "(use with: segment --algo hmm|hybrid --model FILE)."},
        footer = {"", "Example:",
            "  java -jar classicnlp.jar train-segmenter --algo hybrid --format pd98 \\",
            "      --corpus ../shared/data/peoples-daily-1998/199801.txt.gz --out hybrid.bin"})
final class TrainSegmenterCommand implements Callable<Integer> {

    enum Algo { hmm, hybrid }

    enum Format { sighan, pd98 }

    @Option(names = "--algo", required = true, paramLabel = "ALGO", description = "hmm | hybrid")
    Algo algo;

    @Option(names = "--corpus", required = true, paramLabel = "FILE",
            description = "Segmented training corpus (UTF-8, .gz read transparently).")
    Path corpus;

    @Option(names = "--format", defaultValue = "sighan", paramLabel = "FORMAT",
            description = "sighan (words separated by spaces) | pd98 (People's Daily 1998 word/TAG) (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Model file to write.")
    Path out;

    @Option(names = "--smoothing", defaultValue = "0.5", paramLabel = "ALPHA",
            description = "Add-alpha constant for HMM emissions (default: ${DEFAULT-VALUE}).")
    double smoothing;

    @Override
    public Integer call() {
        Corpus<Sentence> sentences = format == Format.pd98 ? Corpora.peoplesDaily(corpus) : Corpora.sighan(corpus);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("train " + algo).setInitialMax(-1)
                .setUnit(" sent", 1).build()) {
            ProgressListener progress = (stage, done, total) -> bar.stepTo(done);
            if (algo == Algo.hmm) {
                HmmTrainer.builder().smoothing(smoothing).build().fit(sentences, progress).save(out);
            } else {
                HybridTrainer.builder().smoothing(smoothing).build().fit(sentences, progress).save(out);
            }
        }
        LoggerFactory.getLogger(TrainSegmenterCommand.class).info("wrote {} model to {}", algo, out);
        return 0;
    }
}
