package org.classicnlp.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.classicnlp.word2vec.DefaultVectors;
import org.classicnlp.word2vec.WordVectors;
import org.classicnlp.word2vec.WordVectorsEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates word vectors as gensim does: analogy accuracy and word-pair similarity (Spearman).",
            "Per analogy file: analogy<TAB>ACC<TAB>CORRECT/ATTEMPTED (then analogy.semantic and",
            "analogy.syntactic when the file has gram* sections); per word-pair file:",
            "similarity<TAB>SPEARMAN<TAB>USED/TOTAL. Skipped questions and pairs are reported on stderr;",
            "a file with no usable question or pair fails (exit 1)."},
        footer = {"", "Example:",
            "  java -jar classicnlp.jar w2v eval --vectors vec.bin --analogy questions-words.txt --similarity combined.csv"})
final class W2vEvalCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--vectors", required = true, paramLabel = "zh|en|FILE",
            description = "zh, en (the shipped vectors), a word2vec file (.bin or text) or a w2v-packed model file.")
    String vectors;

    @Option(names = "--analogy", paramLabel = "FILE", description = "Analogy file(s): ': section' lines and 'a b c d'.")
    List<Path> analogies = List.of();

    @Option(names = "--similarity", paramLabel = "FILE", description = "Word-pair file(s): 'word1 word2 score'.")
    List<Path> similarities = List.of();

    @Option(names = "--restrict", defaultValue = "30000",
            description = "Analogies: only the N most frequent words, 0 = all (default: ${DEFAULT-VALUE}, as gensim)")
    int restrict;

    @Option(names = {"-q", "--quiet"}, description = "No notes on stderr (skipped questions and pairs).")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Check.atLeast("--restrict", restrict, 0, "0 = all");
        if (analogies.isEmpty() && similarities.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --analogy and/or --similarity files");
        }
        WordVectors v = DefaultVectors.named(vectors);
        // evaluate every file first: a file that gives no score fails the run before anything is printed
        StringBuilder out = new StringBuilder();
        StringBuilder notes = new StringBuilder();
        for (Path f : analogies) {
            WordVectorsEvaluator.AnalogyResult r = WordVectorsEvaluator.analogies(v, f, restrict);
            if (r.attempted() == 0) {
                throw new CliErrors.Failure("--analogy " + f + ": no usable questions" + (r.skipped() == 0
                        ? " (expected ': section' lines and 'a b c d' lines)"
                        : " (all " + r.skipped() + " have a word outside the " + vocabulary(v) + ")"));
            }
            out.append(line("analogy", r.accuracy(), r.correct(), r.attempted()));
            if (r.sections().stream().anyMatch(WordVectorsEvaluator.Section::syntactic)) {
                var sem = r.semantic();
                var syn = r.syntactic();
                out.append(line("analogy.semantic", sem.accuracy(), sem.correct(), sem.attempted()));
                out.append(line("analogy.syntactic", syn.accuracy(), syn.correct(), syn.attempted()));
            }
            notes.append(String.format(Locale.ROOT, "%s: %d questions skipped (a word outside the %s)%n", f,
                    r.skipped(), vocabulary(v)));
        }
        for (Path f : similarities) {
            WordVectorsEvaluator.SimilarityResult r = WordVectorsEvaluator.wordPairs(v, f);
            if (r.used() == 0) {
                throw new CliErrors.Failure("--similarity " + f + ": no usable word pairs" + (r.total() == 0
                        ? " (expected lines 'word1 word2 score')"
                        : " (all " + r.total() + " have a word the vectors lack)"));
            }
            out.append(String.format(Locale.ROOT, "similarity\t%.4f\t%d/%d%n", r.spearman(), r.used(), r.total()));
            notes.append(String.format(Locale.ROOT, "%s: %d pairs skipped (unknown word); Pearson %.4f%n", f,
                    r.skipped(), r.pearson()));
        }
        Writer w = CliIO.stdout();
        w.write(out.toString());
        w.flush();
        if (!quiet) {
            System.err.print(notes);
        }
        return 0;
    }

    private String vocabulary(WordVectors v) {
        return restrict == 0 || restrict >= v.size() ? "vectors' " + v.size() + " words" : restrict + " most frequent";
    }

    private static String line(String name, double acc, int correct, int total) {
        return String.format(Locale.ROOT, "%s\t%.4f\t%d/%d%n", name, acc, correct, total);
    }
}
