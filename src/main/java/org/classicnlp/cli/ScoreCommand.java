package org.classicnlp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.classicnlp.core.TextFiles;
import org.classicnlp.segment.SegmentationScore;
import org.classicnlp.segment.SegmentationScorer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "score",
        mixinStandardHelpOptions = true,
        description = {
            "Scores a predicted segmentation against a gold one (SIGHAN format, line by line).",
            "Prints precision, recall, F1, and with a training word list the OOV rate, OOV recall and IV",
            "recall. Fails (exit 1) naming the first line where the two files do not align, or a file",
            "without any word."},
        footer = {"", "Example:",
            "  java -jar classicnlp.jar score --gold pku_test_gold.utf8 --pred pred.txt --words pku_training_words.utf8"})
final class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold segmentation.")
    Path gold;

    @Option(names = "--pred", required = true, paramLabel = "FILE", description = "Predicted segmentation.")
    Path pred;

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors (this command prints no progress).")
    boolean quiet;

    @Option(names = "--words", paramLabel = "FILE", description = "Training word list (defines OOV words).")
    Path words;

    @Override
    public Integer call() {
        if (words != null && !hasWord(words)) {
            throw new CliErrors.Failure("--words " + words + ": no words (expected one word per line)");
        }
        SegmentationScorer scorer = words == null ? new SegmentationScorer() : SegmentationScorer.withWordList(words);
        SegmentationScore s = scorer.scoreFiles(gold, pred);
        if (s.goldWords() == 0) {
            throw new CliErrors.Failure("--gold " + gold + ": no words to score against");
        }
        if (s.predictedWords() == 0) {
            throw new CliErrors.Failure("--pred " + pred + ": no words to score");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "gold words\t%d%n", s.goldWords());
        out.printf(Locale.ROOT, "predicted words\t%d%n", s.predictedWords());
        out.printf(Locale.ROOT, "correct words\t%d%n", s.correctWords());
        out.printf(Locale.ROOT, "P\t%.4f%n", s.precision());
        out.printf(Locale.ROOT, "R\t%.4f%n", s.recall());
        out.printf(Locale.ROOT, "F1\t%.4f%n", s.f1());
        if (words != null) {
            out.printf(Locale.ROOT, "OOV rate\t%.4f%n", s.oovRate());
            // no OOV word in the gold text: OOV recall is undefined, printed as n/a (never NaN)
            out.printf(Locale.ROOT, "OOV recall\t%s%n", Double.isNaN(s.oovRecall()) ? "n/a"
                    : String.format(Locale.ROOT, "%.4f", s.oovRecall()));
            out.printf(Locale.ROOT, "IV recall\t%.4f%n", s.ivRecall());
        }
        out.flush();
        return 0;
    }

    /** Whether the word list has a non-blank line (read as the scorer reads it). */
    private static boolean hasWord(Path file) {
        try (Stream<String> lines = TextFiles.lines(file)) {
            return lines.anyMatch(l -> !l.isBlank());
        }
    }
}
