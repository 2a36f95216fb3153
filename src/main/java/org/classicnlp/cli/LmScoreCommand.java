package org.classicnlp.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.classicnlp.core.LineReader;
import org.classicnlp.ngram.NGramModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "score",
        mixinStandardHelpOptions = true,
        description = {"Prints, for each input line in order, its total log10 probability (</s> included), as KenLM's query",
            "totals: the number alone on its line."},
        footer = {"", "Example:", "  java -jar classicnlp.jar lm score --model lm.bin test.txt"})
final class LmScoreCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "ARPA (plain or .gz) or .bin model.")
    Path model;

    @Option(names = "--unit", paramLabel = "word|char", description = "Override the model's unit (ARPA files: word).")
    String unit;

    @Option(names = "--tokenizer", paramLabel = "NAME", description = "Override the model's tokenizer (ARPA files: whitespace). "
            + LmCommand.TOKENIZER_HELP)
    String tokenizer;

    @Parameters(arity = "0..1", paramLabel = "SRC", description = "Text file (.gz ok); standard input when absent or -.")
    Path input;

    @Override
    public Integer call() throws IOException {
        NGramModel m = LmCommand.model(model, unit, tokenizer);
        if (input != null && !input.toString().equals("-")) {
            Check.exists("SRC", input);
        }
        Path name = input == null ? Path.of("-") : input;
        Writer out = CliIO.stdout();
        try (LineReader r = new LineReader(CliIO.inputStream(input), name)) {
            m.scoreLines(r, total -> {
                try {
                    out.write(format(total));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        out.flush();
        return 0;
    }

    /** KenLM's precision (a float), without an exponent. */
    static String format(double total) {
        String t = Float.toString((float) total);
        // Float.toString writes an exponent only below 1e-3 and from 1e7 on; rare for a sentence total
        return t.indexOf('E') < 0 ? t : new BigDecimal(t).toPlainString();
    }
}
