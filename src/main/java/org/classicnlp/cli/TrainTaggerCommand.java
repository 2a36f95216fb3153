package org.classicnlp.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.Corpus;
import org.classicnlp.core.ProgressListener;
import org.classicnlp.core.Sentence;
import org.classicnlp.pos.HmmTaggerTrainer;
import org.classicnlp.pos.PerceptronTrainer;
import org.classicnlp.pos.PosData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-tagger",
        mixinStandardHelpOptions = true,
        description = {
            "Trains a part-of-speech tagger and saves the model (use with: tag --model FILE).",
            "hmm = TnT-style second-order HMM, perceptron = averaged perceptron; trained from People's Daily",
            "1998 word/TAG text or CoNLL-U."},
        footer = {"", "Examples:",
            "  java -jar classicnlp.jar train-tagger --algo perceptron --input-format pd98 --days 1-28 \\",
            "      --corpus ../shared/data/peoples-daily-1998/199801.txt.gz --output pos-zh.bin",
            "  java -jar classicnlp.jar train-tagger --algo hmm --input-format conllu --column xpos \\",
            "      --corpus en_ewt-ud-train.conllu.gz --output pos-en-hmm.bin"})
final class TrainTaggerCommand implements Callable<Integer> {

    @Option(names = "--algo", required = true, paramLabel = "ALGO", description = "hmm | perceptron")
    String algo;

    @Option(names = "--corpus", required = true, paramLabel = "FILE",
            description = "Tagged training corpus (UTF-8, .gz read transparently).")
    Path corpus;

    @Option(names = "--input-format", required = true, paramLabel = "FORMAT",
            description = "pd98 (People's Daily 1998 / word/TAG lines; bracketed compounds read as their inner words)"
                    + " | conllu")
    String format;

    @Option(names = "--column", defaultValue = "upos", paramLabel = "COLUMN",
            description = "conllu: upos | xpos (default: ${DEFAULT-VALUE}).")
    String column;

    @Option(names = "--days", paramLabel = "FROM-TO",
            description = "pd98: only the paragraphs of these days of the month, by paragraph id (e.g. 1-28).")
    String days;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Model file to write.")
    Path out;

    @Option(names = "--dev", paramLabel = "FILE",
            description = "perceptron: development corpus (same format, all of it); the epoch tagging it best is kept.")
    Path dev;

    @Option(names = "--epochs", defaultValue = "10", paramLabel = "N",
            description = "perceptron: training passes (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "perceptron: seed of the sentence shuffle (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dict-min-count", defaultValue = "20", paramLabel = "N",
            description = "perceptron: words seen at least N times, with one tag in --dict-min-ratio of them, get"
                    + " that tag without scoring (faster); 0 = no tag dictionary (default: ${DEFAULT-VALUE}).")
    int dictMinCount;

    @Option(names = "--dict-min-ratio", defaultValue = "0.97", paramLabel = "R",
            description = "perceptron: the share of a tag-dictionary word's occurrences its tag must have"
                    + " (default: ${DEFAULT-VALUE}).")
    double dictMinRatio;

    @Option(names = "--dict-after-training",
            description = "perceptron: train on every token and attach the tag dictionary to the final model"
                    + " (it then only skips scoring; default: the dictionary words train nothing).")
    boolean dictAfterTraining;

    @Option(names = "--stacked",
            description = "perceptron: two stages, the second seeing the first stage's tags of the next words"
                    + " (more accurate, tags at half the speed, trains about six times as long).")
    boolean stacked;

    @Option(names = "--lexicon-min-count", defaultValue = "1", paramLabel = "N",
            description = "perceptron: words seen at least N times get their set of training tags (ambiguity class)"
                    + " as a feature; 0 = none (default: ${DEFAULT-VALUE}).")
    int lexiconMinCount;

    @Option(names = "--prune-below", defaultValue = "0.01", paramLabel = "W",
            description = "perceptron: averaged weights of magnitude W or less are dropped (default: ${DEFAULT-VALUE}).")
    double pruneBelow;

    @Option(names = "--hmm-states", defaultValue = "200", paramLabel = "N",
            description = "hmm: up to N extra states for the most frequent words, one per tag of theirs; 0 = plain"
                    + " TnT (default: ${DEFAULT-VALUE}, at most 400).")
    int hmmStates;

    @Option(names = {"-q", "--quiet"}, description = "No progress or status lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        String a = Check.oneOf("--algo", algo, List.of("hmm", "perceptron"));
        String f = Check.oneOf("--input-format", format, List.of("pd98", "conllu"));
        String col = Check.oneOf("--column", column, List.of("upos", "xpos"));
        Check.atLeast("--epochs", epochs, 1);
        Check.atLeast("--dict-min-count", dictMinCount, 0, "0 = no tag dictionary");
        Check.inRange("--dict-min-ratio", Check.positive("--dict-min-ratio", dictMinRatio), 0, 1);
        Check.atLeast("--lexicon-min-count", lexiconMinCount, 0, "0 = no ambiguity classes");
        Check.atLeast("--hmm-states", hmmStates, 0, "0 = plain TnT");
        if (hmmStates > 400) {
            throw Check.usage("--hmm-states must be at most 400, got " + hmmStates);
        }
        if (!(pruneBelow >= 0)) {
            throw Check.usage("--prune-below must be >= 0, got " + pruneBelow);
        }
        int[] range = days == null ? null : dayRange(days);
        if (range != null && !f.equals("pd98")) {
            throw Check.usage("--days applies to --input-format pd98 only");
        }
        if (a.equals("hmm") && (dev != null || stacked)) {
            throw Check.usage("--dev and --stacked apply to --algo perceptron only");
        }
        Check.exists("--corpus", corpus);
        if (dev != null) {
            Check.exists("--dev", dev);
        }
        Check.writable("--output", out);
        Corpus<Sentence> train = org.classicnlp.core.StableInput.of(corpus, "--corpus " + corpus, read(corpus, f, col, range));
        Corpus<Sentence> devCorpus = dev == null ? null : read(dev, f, col, null);
        try (Progress p = new Progress("train " + a, a.equals("hmm") ? "sentences" : "epochs",
                () -> a.equals("hmm") ? -1 : (long) epochs * (stacked ? 6 : 1), quiet)) {
            ProgressListener progress = (stage, done, total) -> p.stepTo(done);
            if (a.equals("hmm")) {
                HmmTaggerTrainer.builder().specialize(hmmStates).build().fit(train, progress).save(out);
            } else {
                PerceptronTrainer.builder().epochs(epochs).seed(seed).stacked(stacked)
                        .tagDictionary(dictMinCount, dictMinRatio).tagDictionaryInTraining(!dictAfterTraining)
                        .lexiconMinCount(lexiconMinCount).pruneBelow(pruneBelow).build()
                        .fit(train, devCorpus, progress).save(out);
            }
        } catch (IllegalArgumentException e) {
            throw new CliErrors.Failure("--corpus " + corpus + ": " + CliErrors.clean(e.getMessage()));
        }
        if (!quiet) {
            System.err.println("wrote " + a + " tagger to " + out);
        }
        return 0;
    }

    private static Corpus<Sentence> read(Path file, String format, String column, int[] range) {
        if (format.equals("conllu")) {
            return Corpora.conllu(file, column.equals("upos") ? Corpora.ConlluColumn.UPOS : Corpora.ConlluColumn.XPOS);
        }
        return range == null ? Corpora.peoplesDaily(file) : PosData.peoplesDailyDays(file, range[0], range[1]);
    }

    private static int[] dayRange(String s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,2})-(\\d{1,2})").matcher(s);
        if (!m.matches()) {
            throw Check.usage("--days must be FROM-TO with days 1-31, got '" + s + "'");
        }
        int from = Integer.parseInt(m.group(1));
        int to = Integer.parseInt(m.group(2));
        if (from < 1 || to > 31 || from > to) {
            throw Check.usage("--days must be FROM-TO with 1 <= FROM <= TO <= 31, got '" + s + "'");
        }
        return new int[] {from, to};
    }
}
