package org.classicnlp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.classicnlp.core.Corpora;
import org.classicnlp.core.TextFiles;
import org.classicnlp.pos.TagScore;
import org.classicnlp.pos.TagScorer;
import org.classicnlp.pos.TaggedText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "score-tags",
        mixinStandardHelpOptions = true,
        description = {
            "Scores predicted part-of-speech tags against gold tags (accuracy).",
            "With --train, also the accuracy on known and unknown words (word forms seen / not seen in the training corpus).",
            "Both files are word/TAG lines (People's Daily lines too: the paragraph id is skipped, bracketed",
            "compounds read as their inner words). Fails (exit 1) naming the first line whose words differ."},
        footer = {"", "Example:",
            "  java -jar classicnlp.jar score-tags --gold gold.txt --pred pred.txt --train train.conllu.gz"})
final class ScoreTagsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold word/TAG lines.")
    Path gold;

    @Option(names = "--pred", required = true, paramLabel = "FILE", description = "Predicted word/TAG lines.")
    Path pred;

    @Option(names = "--train", paramLabel = "FILE",
            description = "Training corpus defining known words: CoNLL-U when named *.conllu[.gz], else word/TAG lines.")
    Path train;

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors (this command prints no progress).")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Check.exists("--gold", gold);
        Check.exists("--pred", pred);
        Set<String> vocabulary = null;
        if (train != null) {
            Check.exists("--train", train);
            String name = train.getFileName().toString();
            vocabulary = name.endsWith(".conllu") || name.endsWith(".conllu.gz")
                    ? TagScorer.vocabulary(Corpora.conllu(train, Corpora.ConlluColumn.UPOS))
                    : TagScorer.vocabulary(Corpora.peoplesDaily(train));
        }
        TagScorer scorer = new TagScorer(vocabulary);
        try (BufferedReader g = reader(gold); BufferedReader p = reader(pred)) {
            long lineNo = 0;
            while (true) {
                String gl = g.readLine();
                String pl = p.readLine();
                lineNo++;
                if (gl == null && pl == null) {
                    break;
                }
                if (gl == null || pl == null) {
                    throw new CliErrors.Failure("line " + lineNo + ": " + (gl == null ? "--gold " + gold : "--pred " + pred)
                            + " ends here but the other file goes on (the files do not align)");
                }
                TaggedText.Line a = parse(gold, lineNo, gl);
                TaggedText.Line b = parse(pred, lineNo, pl);
                if (!a.words().equals(b.words())) {
                    throw new CliErrors.Failure("line " + lineNo + " is misaligned: --gold has " + a.words().size()
                            + " words, --pred " + b.words().size() + firstDifference(a, b));
                }
                scorer.add(a.words(), a.tags(), b.tags());
            }
        }
        TagScore s = scorer.score();
        if (s.tokens() == 0) {
            throw new CliErrors.Failure("--gold " + gold + ": no tagged words to score against");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "tokens\t%d%n", s.tokens());
        out.printf(Locale.ROOT, "correct\t%d%n", s.correct());
        out.printf(Locale.ROOT, "accuracy\t%.4f%n", s.accuracy());
        if (vocabulary != null) {
            out.printf(Locale.ROOT, "known tokens\t%d%n", s.knownTokens());
            out.printf(Locale.ROOT, "known accuracy\t%s%n", fmt(s.knownAccuracy()));
            out.printf(Locale.ROOT, "unknown tokens\t%d%n", s.unknownTokens());
            out.printf(Locale.ROOT, "unknown accuracy\t%s%n", fmt(s.unknownAccuracy()));
        }
        out.flush();
        return 0;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String firstDifference(TaggedText.Line a, TaggedText.Line b) {
        for (int i = 0; i < Math.min(a.words().size(), b.words().size()); i++) {
            if (!a.words().get(i).equals(b.words().get(i))) {
                return "; word " + (i + 1) + " is '" + a.words().get(i) + "' in --gold, '" + b.words().get(i) + "' in --pred";
            }
        }
        return "";
    }

    private static TaggedText.Line parse(Path file, long lineNo, String line) {
        try {
            return TaggedText.parse(line);
        } catch (IllegalArgumentException e) {
            throw new CliErrors.Failure(file + " line " + lineNo + ": " + e.getMessage());
        }
    }

    private static BufferedReader reader(Path file) {
        return new BufferedReader(new InputStreamReader(TextFiles.openStream(file), StandardCharsets.UTF_8), 1 << 16);
    }
}
