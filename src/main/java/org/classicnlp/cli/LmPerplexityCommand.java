package org.classicnlp.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.classicnlp.ngram.NGramModel;
import org.classicnlp.ngram.Perplexity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "perplexity",
        mixinStandardHelpOptions = true,
        description = {
            "Prints one line: ppl_incl_oov<TAB>ppl_excl_oov<TAB>oovs<TAB>tokens, as KenLM's query -v summary",
            "(tokens: every scored token, </s> included). One sentence per input line."},
        footer = {"", "Example:", "  java -jar classicnlp.jar lm perplexity --model lm.bin --input test.txt"})
final class LmPerplexityCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "ARPA (plain or .gz) or .bin model.")
    Path model;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "SRC", description = "Text, one sentence per line (.gz ok, - for stdin).")
    String input;

    @Option(names = "--input-format", defaultValue = "lines", paramLabel = "FORMAT",
            description = "lines | jsonl | sighan | pd98 | wiki | dir | auto (default: ${DEFAULT-VALUE})")
    String inputFormat;

    @Option(names = "--unit", paramLabel = "word|char", description = "Override the model's unit (ARPA files: word).")
    String unit;

    @Option(names = "--tokenizer", paramLabel = "NAME", description = "Override the model's tokenizer (ARPA files: whitespace). "
            + LmCommand.TOKENIZER_HELP)
    String tokenizer;

    @Option(names = {"-t", "--threads"}, description = "1 (default): read and score on one thread; 2 or more: one thread"
            + " reads and tokenizes while another scores (no faster on a busy 2-core machine; measure yours)")
    Integer threads;

    @Option(names = {"-q", "--quiet", "--no-progress"}, description = "Accepted for symmetry; perplexity prints no progress.")
    boolean quiet;

    @Override
    public Integer call() {
        NGramModel m = LmCommand.model(model, unit, tokenizer);
        DocumentSource src = DocumentSource.open(input, inputFormat);
        int t = threads != null ? (int) Check.atLeast("--threads", threads, 1)
                : 1;
        // plain lines on one thread: the model reads the file's bytes itself (no Document or String per ASCII line)
        Perplexity p = src.format == org.classicnlp.core.InputFormat.LINES && t == 1 ? m.perplexity(src.path)
                : m.perplexity(src.corpus, t);
        System.out.printf(Locale.ROOT, "%s\t%s\t%d\t%d%n", number(p.includingOovs()), number(p.excludingOovs()),
                p.oovs(), p.tokens());
        System.out.flush();
        return 0;
    }

    static String number(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.6f", x) : "nan";
    }
}
