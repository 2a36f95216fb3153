package org.classicnlp.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.classicnlp.core.Hit;
import org.classicnlp.faq.FaqBot;
import org.classicnlp.index.Bm25Index;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "faq",
        mixinStandardHelpOptions = true,
        description = {"FAQ bot: answers each line of standard input with the answer of the best-matching stored "
                + "question, as score<TAB>answer (one line per question). Below --threshold it prints the "
                + "--no-answer reply with the best score."},
        footer = {"", "Example:", "  echo '怎么修改密码' | java -jar classicnlp.jar faq --faq faq.jsonl --embedder bm25 --threshold 1.5"})
final class FaqCommand implements Callable<Integer> {

    @Option(names = "--faq", required = true, paramLabel = "FILE.jsonl", description = "{\"question\",\"answer\"} lines.")
    Path faq;

    @Option(names = "--embedder", defaultValue = "bm25", paramLabel = "NAME|FILE",
            description = "bm25 (BM25 over the standard analyzer), an embedder name or a model file (default: ${DEFAULT-VALUE}).")
    String embedder;

    @Option(names = "--hybrid", paramLabel = "W",
            description = "Rank by W·cosine (of --embedder) + (1−W)·BM25/max BM25, W in [0, 1] (default: the embedder alone).")
    Double hybrid;

    @Option(names = "--threshold", paramLabel = "T", description = "Minimum score to answer; any real number (default: answer always).")
    Double threshold;

    @Option(names = "--no-answer", paramLabel = "TEXT", description = "Reply below the threshold (default: \"" + FaqBot.DEFAULT_NO_ANSWER + "\").")
    String noAnswer = FaqBot.DEFAULT_NO_ANSWER;

    @Option(names = {"-q", "--quiet"}, description = "Nothing on stderr but errors (this command prints no progress).")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        Check.exists("--faq", faq);
        if (threshold != null && threshold.isNaN()) {
            throw new CliErrors.Usage("--threshold must be a number, got NaN");
        }
        if (noAnswer.contains("\n") || noAnswer.contains("\t")) {
            throw new CliErrors.Usage("--no-answer must be one line without tabs");
        }
        var entries = FaqBot.read(faq);
        FaqBot bot;
        if (hybrid != null) {
            Check.inRange("--hybrid", hybrid, 0, 1);
            if (embedder.equals(EmbedderOption.BM25)) {
                throw new CliErrors.Usage("--hybrid needs an embedder (--embedder NAME|FILE) to mix with BM25, not bm25");
            }
            bot = FaqBot.hybrid(entries, Bm25Index.defaultAnalyzer(), EmbedderOption.resolve(embedder), hybrid);
        } else {
            bot = embedder.equals(EmbedderOption.BM25) ? FaqBot.bm25(entries, Bm25Index.defaultAnalyzer())
                    : FaqBot.embedded(entries, EmbedderOption.resolve(embedder));
        }
        if (threshold != null) {
            bot = bot.withThreshold(threshold);
        }
        bot = bot.withNoAnswer(noAnswer);
        Writer out = CliIO.stdout();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            Hit h = bot.answer(line);
            // one output line per question: line breaks and tabs inside a stored answer become spaces
            out.write(String.format(Locale.ROOT, "%.6f", h.score()) + "\t"
                    + h.id().replace('\t', ' ').replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ') + "\n");
            out.flush(); // a bot answers as it reads (interactive use)
        }
        out.flush();
        return 0;
    }
}
