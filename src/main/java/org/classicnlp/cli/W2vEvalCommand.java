package org.classicnlp.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.classicnlp.word2vec.WordVectors;
import org.classicnlp.word2vec.WordVectorsEvaluator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates word vectors as gensim does. Per analogy file: analogy<TAB>ACC<TAB>CORRECT/ATTEMPTED",
            "(then analogy.semantic and analogy.syntactic when the file has gram* sections); per word-pair file:",
            "similarity<TAB>SPEARMAN<TAB>USED/TOTAL. Skipped questions and pairs are reported on stderr."},
        footer = {"", "Example:",
            "  java -jar classicnlp.jar w2v eval --vectors vec.bin --analogy questions-words.txt --similarity combined.csv"})
final class W2vEvalCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--vectors", required = true, paramLabel = "FILE", description = "word2vec file (.bin or text).")
    Path vectors;

    @Option(names = "--analogy", paramLabel = "FILE", description = "Analogy file(s): ': section' lines and 'a b c d'.")
    List<Path> analogies = List.of();

    @Option(names = "--similarity", paramLabel = "FILE", description = "Word-pair file(s): 'word1 word2 score'.")
    List<Path> similarities = List.of();

    @Option(names = "--restrict", defaultValue = "30000",
            description = "Analogies: only the N most frequent words (default: ${DEFAULT-VALUE}, as gensim)")
    int restrict;

    @Override
    public Integer call() throws IOException {
        if (analogies.isEmpty() && similarities.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --analogy and/or --similarity files");
        }
        WordVectors v = WordVectors.load(vectors);
        Writer out = CliIO.stdout();
        for (Path f : analogies) {
            WordVectorsEvaluator.AnalogyResult r = WordVectorsEvaluator.analogies(v, f, restrict);
            out.write(line("analogy", r.accuracy(), r.correct(), r.attempted()));
            if (r.sections().stream().anyMatch(WordVectorsEvaluator.Section::syntactic)) {
                var sem = r.semantic();
                var syn = r.syntactic();
                out.write(line("analogy.semantic", sem.accuracy(), sem.correct(), sem.attempted()));
                out.write(line("analogy.syntactic", syn.accuracy(), syn.correct(), syn.attempted()));
            }
            System.err.printf(Locale.ROOT, "%s: %d questions skipped (a word outside the %d most frequent)%n", f,
                    r.skipped(), restrict);
        }
        for (Path f : similarities) {
            WordVectorsEvaluator.SimilarityResult r = WordVectorsEvaluator.wordPairs(v, f);
            out.write(String.format(Locale.ROOT, "similarity\t%.4f\t%d/%d%n", r.spearman(), r.used(), r.total()));
            System.err.printf(Locale.ROOT, "%s: %d pairs skipped (unknown word); Pearson %.4f%n", f, r.skipped(),
                    r.pearson());
        }
        out.flush();
        return 0;
    }

    private static String line(String name, double acc, int correct, int total) {
        return String.format(Locale.ROOT, "%s\t%.4f\t%d/%d%n", name, acc, correct, total);
    }
}
