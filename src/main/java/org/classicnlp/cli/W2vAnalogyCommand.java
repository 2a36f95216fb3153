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

@Command(name = "analogy",
        mixinStandardHelpOptions = true,
        description = "Answers 'A is to B as C is to ?': candidate words, WORD<TAB>SCORE per line.",
        footer = {"", "Example:", "  java -jar classicnlp.jar w2v analogy --vectors vectors.bin man king woman"})
final class W2vAnalogyCommand implements Callable<Integer> {

    enum Method { add, mul }

    @Option(names = "--vectors", required = true, paramLabel = "zh|en|FILE",
            description = "zh, en (the shipped vectors), a word2vec file (.bin or text) or a w2v-packed model file.")
    String vectors;

    @Parameters(index = "0", paramLabel = "A")
    String a;

    @Parameters(index = "1", paramLabel = "B")
    String b;

    @Parameters(index = "2", paramLabel = "C")
    String c;

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors (this command prints no progress).")
    boolean quiet;

    @Option(names = {"-k", "--top"}, defaultValue = "10", description = "How many (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--method", defaultValue = "add",
            description = "add (3CosAdd) | mul (3CosMul) (default: ${DEFAULT-VALUE})")
    Method method;

    @Override
    public Integer call() throws IOException {
        Check.atLeast("--top", top, 1);
        WordVectors v = DefaultVectors.named(vectors);
        Writer out = CliIO.stdout();
        var m = method == Method.add ? WordVectors.AnalogyMethod.COS_ADD : WordVectors.AnalogyMethod.COS_MUL;
        for (Hit s : v.analogy(a, b, c, top, m)) {
            out.write(s.id() + "\t" + String.format(Locale.ROOT, "%.4f", s.score()) + "\n");
        }
        out.flush();
        return 0;
    }
}
