package org.classicnlp.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.classicnlp.core.Hit;
import org.classicnlp.word2vec.DefaultVectors;
import org.classicnlp.word2vec.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "similar",
        mixinStandardHelpOptions = true,
        description = "Prints the nearest words by cosine similarity: WORD<TAB>SIMILARITY per line.",
        footer = {"", "Example:", "  java -jar classicnlp.jar w2v similar --vectors vectors.bin king --top 5"})
final class W2vSimilarCommand implements Callable<Integer> {

    @Option(names = "--vectors", required = true, paramLabel = "zh|en|FILE",
            description = "zh, en (the shipped vectors), a word2vec file (.bin or text) or a w2v-packed model file.")
    String vectors;

    @Parameters(index = "0", paramLabel = "WORD")
    String word;

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors (this command prints no progress).")
    boolean quiet;

    @Option(names = {"-k", "--top"}, defaultValue = "10", description = "How many (default: ${DEFAULT-VALUE})")
    int top;

    @Override
    public Integer call() throws IOException {
        Check.atLeast("--top", top, 1);
        WordVectors v = DefaultVectors.named(vectors);
        Writer out = CliIO.stdout();
        for (Hit s : v.mostSimilar(word, top)) {
            out.write(s.id() + "\t" + String.format(Locale.ROOT, "%.4f", s.score()) + "\n");
        }
        out.flush();
        return 0;
    }
}
